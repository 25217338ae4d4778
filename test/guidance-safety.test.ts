/**
 * Guidance articles may hold Markdown and safe HTML, never code: what the data build reports
 * (src/pipeline/guidance/check-body.ts, exact text at the file's own line and column), and what
 * the renderer drops even if that check were bypassed (src/pipeline/guidance/sanitize.ts).
 */
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToHtml, mdxToJs } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkArticleBody, scanHtml } from '../src/pipeline/guidance/check-body.ts';
import { ARTICLE_COMPONENTS, isSafeUrl, urlScheme } from '../src/pipeline/guidance/policy.ts';
import { isAllowedRawHtml, sanitizeArticle } from '../src/pipeline/guidance/sanitize.ts';
import { formatIssue } from '../src/pipeline/issues.ts';
import { loadGuidance } from '../src/pipeline/load-guidance.ts';

/** Three lines of frontmatter and a blank line: the body starts on line 5. */
const FRONT = '---\ntitle: "A"\n---\n\n';

function problems(body: string, name = 'a.mdx'): string {
  return checkArticleBody(FRONT + body, name, name.endsWith('.mdx'))
    .map((issue) => `${formatIssue(issue)}\n`)
    .join('');
}

const ESM_HINT = '  hint: articles cannot import or export code; see README, "Writing guidance"\n';
const EXPR_HINT = '  hint: articles cannot run code; to show a brace as text, write \\{\n';
const TAG_HINT = '  hint: use Markdown; the HTML allowed is plain text markup such as <abbr>, <br>, <sub>, <sup>, <details> (see README, "Writing guidance")\n';
const URL_HINT = '  hint: javascript:, vbscript:, data: and other kinds of address are not allowed in articles; see README, "Writing guidance"\n';
const URL_EXPECTED = 'expected a path on this site or an http, https, mailto or tel address';
const IMG_ATTR_HINT = '  hint: event handlers run script and are never allowed; allowed on <img>: title, lang, dir, src, alt, width, height\n';

describe('an article with only Markdown and safe HTML', () => {
  const normal = [
    '# Be open about prices',
    '',
    'Customers trust what they can *check*, and **act** on [what they read](../../benchmarks/pew-2019/).',
    'See [Pew](https://www.pewresearch.org/), [write to us](mailto:trust@example.com) or call [us](tel:+358401234567).',
    '',
    '- one',
    '- two with `code`',
    '  1. nested',
    '',
    '> A quote, with a line<br/>break and an <abbr title="Net Promoter Score">NPS</abbr>.',
    '',
    '| figure | value |',
    '|---|--:|',
    '| CO<sub>2</sub> | 10<sup>3</sup> |',
    '',
    '![A chart](/images/chart.png "Chart") and ![another](https://example.com/a.png)',
    '',
    '<details>',
    '  <summary>More</summary>',
    '',
    'Hidden *text*.',
    '',
    '</details>',
    '',
    'Escaped braces \\{like this\\} and a footnote.[^1]',
    '',
    '[^1]: The note.',
    '',
  ].join('\n');

  it('has no problems as .mdx', () => {
    expect(problems(normal)).toBe('');
  });
  it('has no problems as .md', () => {
    expect(problems(`${normal.replaceAll('<br/>', '<br>')}\nAn autolink: <https://www.pewresearch.org/>.\n`, 'a.md')).toBe('');
  });
  it('allows no components today, and says so', () => {
    expect(ARTICLE_COMPONENTS).toEqual([]);
  });
});

describe('code in .mdx is a located problem', () => {
  it('import', () => {
    expect(problems("import x from '/etc/passwd?raw'\n")).toBe(`a.mdx:5:1: expected Markdown, found an import statement "import x from '/etc/passwd?raw'"\n${ESM_HINT}`);
  });
  it('export, one problem per statement', () => {
    expect(problems("Text.\n\nimport { execSync } from 'node:child_process'\nexport const who = execSync('id').toString()\n")).toBe(
      `a.mdx:7:1: expected Markdown, found an import statement "import { execSync } from 'node:child_process'"\n${ESM_HINT}` +
        `a.mdx:8:1: expected Markdown, found an export statement "export const who = execSync('id').toString()"\n${ESM_HINT}`,
    );
  });
  it('a flow expression', () => {
    expect(problems('Text.\n\n{process.env.PATH}\n')).toBe(`a.mdx:7:1: expected Markdown, found the JavaScript expression "{process.env.PATH}"\n${EXPR_HINT}`);
  });
  it('a text expression, at its column', () => {
    expect(problems('Home is {process.env.HOME} here.\n')).toBe(`a.mdx:5:9: expected Markdown, found the JavaScript expression "{process.env.HOME}"\n${EXPR_HINT}`);
  });
  it('an expression attribute and a spread attribute, at their columns', () => {
    expect(problems('A <abbr title={secret}>x</abbr> and <abbr {...props}>y</abbr>.\n')).toBe(
      `a.mdx:5:9: title: expected a quoted text value, found the JavaScript expression "{secret}"\n${EXPR_HINT}` +
        `a.mdx:5:43: expected attributes written as name="text" on <abbr>, found the JavaScript expression "{...props}"\n${EXPR_HINT}`,
    );
  });
  it('an unknown component, capitalised or dotted', () => {
    expect(problems('<Chart metric="nps" />\n\nA <ui.Badge>new</ui.Badge>.\n')).toBe(
      'a.mdx:5:1: expected Markdown or an allowed HTML element, found the component <Chart>\n  hint: articles can use no components; see README, "Writing guidance"\n' +
        'a.mdx:7:3: expected Markdown or an allowed HTML element, found the component <ui.Badge>\n  hint: articles can use no components; see README, "Writing guidance"\n',
    );
  });
  it('every problem at once, in file order, counting the frontmatter lines', () => {
    const text = '---\ntitle: "A"\ntopic: a\n---\nimport a from "b"\n\n# {a}\n\n<script>{a}</script>\n';
    expect(checkArticleBody(text, 'a.mdx', true).map((i) => `${i.line}:${i.column}`)).toEqual(['5:1', '7:3', '9:1', '9:9']);
  });
  it('text MDX cannot read (an HTML comment) is one located problem', () => {
    expect(problems('Fine.\n\n<!-- a note -->\n')).toBe(
      'a.mdx:7:1: expected Markdown, found text MDX cannot read: Unexpected character `!` (U+0021) before name, expected a character that can start a name, such as a letter, `$`, or `_`\n' +
        '  hint: in .mdx, < starts an element and { an expression; write \\< or \\{ for the characters themselves, and leave out HTML comments\n',
    );
  });
});

describe('unsafe HTML is a located problem', () => {
  it('<script> in .mdx', () => {
    expect(problems('Text.\n\n<script>alert(1)</script>\n')).toBe(`a.mdx:7:1: expected Markdown or an allowed HTML element, found <script>\n${TAG_HINT}`);
  });
  it('<script> in .md', () => {
    expect(problems('Text.\n\n<script>alert("md script")</script>\n', 'a.md')).toBe(`a.md:7:1: expected Markdown or an allowed HTML element, found <script>\n${TAG_HINT}`);
  });
  it('<iframe> in .md and .mdx', () => {
    expect(problems('<iframe src="https://evil.example/"></iframe>\n', 'a.md')).toBe(`a.md:5:1: expected Markdown or an allowed HTML element, found <iframe>\n${TAG_HINT}`);
    expect(problems('<iframe src="https://evil.example/" />\n')).toBe(`a.mdx:5:1: expected Markdown or an allowed HTML element, found <iframe>\n${TAG_HINT}`);
  });
  it('<img onerror> in .mdx and .md (also with / between attributes)', () => {
    expect(problems('<img src="x" onerror="alert(1)" />\n')).toBe(`a.mdx:5:14: expected an allowed attribute of <img>, found "onerror"\n${IMG_ATTR_HINT}`);
    // Markdown reads "<img/src=...>" inline as text (it is escaped, harmless); in an HTML block
    // a browser reads "/" between attributes like a space, and so does the check.
    expect(problems('A <img src=x onerror=alert(1)> and <img/src="x"/ONLOAD=alert(2)>.\n\n<div>\n<img/src="x"/ONLOAD=alert(3)>\n</div>\n', 'a.md')).toBe(
      `a.md:5:14: expected an allowed attribute of <img>, found "onerror"\n${IMG_ATTR_HINT}` +
        `a.md:8:14: expected an allowed attribute of <img>, found "onload"\n${IMG_ATTR_HINT}`,
    );
  });
  it('<a href="javascript:..."> in every spelling', () => {
    expect(problems('<a href="javascript:alert(2)">x</a>\n')).toBe(`a.mdx:5:4: href: ${URL_EXPECTED}, found "javascript:alert(2)"\n${URL_HINT}`);
    expect(problems('<a href="JaVaScRiPt:alert(2)">x</a>\n')).toBe(`a.mdx:5:4: href: ${URL_EXPECTED}, found "JaVaScRiPt:alert(2)"\n${URL_HINT}`);
    // MDX decodes the character reference before we see it; .md shows it as written.
    expect(problems('<a href="&#106;avascript:alert(2)">x</a>\n')).toBe(`a.mdx:5:4: href: ${URL_EXPECTED}, found "javascript:alert(2)"\n${URL_HINT}`);
    expect(problems('A <a href="&#106;avascript:alert(2)">x</a> <a HREF = " java\tscript:1">y</a>\n', 'a.md')).toBe(
      `a.md:5:6: href: ${URL_EXPECTED}, found "&#106;avascript:alert(2)"\n${URL_HINT}` + `a.md:5:47: href: ${URL_EXPECTED}, found " java\\tscript:1"\n${URL_HINT}`,
    );
  });
  it('a data: image and a vbscript: link', () => {
    expect(problems('![pixel](data:image/gif;base64,R0lGOD)\n')).toBe(`a.mdx:5:1: ${URL_EXPECTED}, found "data:image/gif;base64,R0lGOD"\n${URL_HINT}`);
    expect(problems('<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="" />\n')).toBe(`a.mdx:5:6: src: ${URL_EXPECTED}, found "data:image/svg+xml,<svg onload=alert(1)>"\n${URL_HINT}`);
    expect(problems('[x](vbscript:msgbox)\n', 'a.md')).toBe(`a.md:5:1: ${URL_EXPECTED}, found "vbscript:msgbox"\n${URL_HINT}`);
  });
  it('Markdown links to javascript:, inline, autolink and by reference', () => {
    expect(problems('A [link](javascript:alert(4)).\n')).toBe(`a.mdx:5:3: ${URL_EXPECTED}, found "javascript:alert(4)"\n${URL_HINT}`);
    expect(problems('A [link][r] and <javascript:alert(5)>.\n\n[r]: &#x6A;avascript:alert(6)\n', 'a.md')).toBe(
      `a.md:5:17: ${URL_EXPECTED}, found "javascript:alert(5)"\n${URL_HINT}` + `a.md:7:1: ${URL_EXPECTED}, found "javascript:alert(6)"\n${URL_HINT}`,
    );
  });
  it('style, forms, svg, set:html and comments that hide markup', () => {
    expect(problems('<svg><script>alert(1)</script></svg>\n\n<div set:html="<script>alert(1)</script>" />\n')).toBe(
      `a.mdx:5:1: expected Markdown or an allowed HTML element, found <svg>\n${TAG_HINT}` +
        `a.mdx:5:6: expected Markdown or an allowed HTML element, found <script>\n${TAG_HINT}` +
        'a.mdx:7:6: expected an allowed attribute of <div>, found "set:html"\n  hint: allowed on <div>: title, lang, dir\n',
    );
    expect(problems('<!--><img src=x onerror=alert(1)>-->\n\n<form action="/x"><input name="a"></form>\n\n<p style="position:fixed">x</p>\n', 'a.md')).toBe(
      `a.md:5:17: expected an allowed attribute of <img>, found "onerror"\n${IMG_ATTR_HINT}` +
        `a.md:7:1: expected Markdown or an allowed HTML element, found <form>\n${TAG_HINT}` +
        `a.md:7:19: expected Markdown or an allowed HTML element, found <input>\n${TAG_HINT}` +
        'a.md:9:4: expected an allowed attribute of <p>, found "style"\n  hint: allowed on <p>: title, lang, dir\n',
    );
  });
  it('a tag left open in raw HTML', () => {
    expect(problems('<div title="abc\n\nText " onmouseover="alert(1)" x=".\n', 'a.md')).toBe(
      'a.md:5:1: expected a complete HTML tag or comment, ending with ">", found "<div title=\\"abc"\n  hint: close every quote and tag in raw HTML; an open one would swallow the text after it\n',
    );
  });
});

describe('URLs', () => {
  it('reads the scheme as a browser would', () => {
    expect(urlScheme(' JaVa\tScRiPt:alert(1)')).toBe('javascript');
    expect(urlScheme('&#x6A;avascript&colon;alert(1)')).toBe('javascript');
    expect(urlScheme('&#0000106avascript:alert(1)')).toBe('javascript');
    expect(urlScheme('../../benchmarks/x/')).toBeUndefined();
    expect(urlScheme('/a:b')).toBeUndefined();
    expect(isSafeUrl('https://example.com/?q=javascript:1')).toBe(true);
    expect(isSafeUrl('#section')).toBe(true);
    expect(isSafeUrl('file:///etc/passwd')).toBe(false);
  });
  it('scans raw HTML as a browser would', () => {
    expect(scanHtml('<!---->x<!--->y<p>').map((t) => (t.kind === 'start' ? t.name : t.kind))).toEqual(['p']);
    expect(scanHtml('<!-- a --!><img>').map((t) => (t.kind === 'start' ? t.name : t.kind))).toEqual(['img']);
    expect(scanHtml('<!DOCTYPE html>').map((t) => t.kind)).toEqual(['other']);
  });
});

describe('the renderer drops what the check refuses, even if the check were bypassed', () => {
  it('MDX: no import, export, expression, script, handler, unsafe URL or unknown component reaches the module', async () => {
    const mdx = [
      "import passwd from '/etc/passwd?raw'",
      'export const home = process.env.HOME',
      '',
      '# Hi {process.env.HOME}',
      '',
      '<pre>{passwd}</pre>',
      '',
      '<img src="x" onerror="alert(1)" alt="ok" />',
      '',
      '<a href="&#106;avascript:alert(1)" title="t">x</a> [y](javascript:alert(2)) <abbr title="T">A</abbr>',
      '',
      '<script>alert(3)</script>',
      '',
      '<Foo.Bar a="1" />',
      '',
      '<div set:html="<script>alert(4)</script>" />',
      '',
    ].join('\n');
    const { code } = await mdxToJs(mdx, { hastPlugins: [sanitizeArticle], jsxImportSource: 'astro', elementAttributeNameCase: 'html' });
    expect(code).not.toMatch(/passwd|process|alert|onerror|javascript|script|Foo|set:html/);
    expect(code).toContain('title: "T"');
    expect(code).toContain('alt: "ok"');
    expect(code.match(/^import /gm)).toEqual(['import ']); // the JSX runtime only
  });
  it('a frontmatter layout, which Astro would import, is removed', async () => {
    const astro = { frontmatter: { title: 'A', layout: '/etc/passwd?raw' }, headings: [], localImagePaths: new Set<string>(), remoteImagePaths: new Set<string>() };
    await mdxToJs('# A\n', { hastPlugins: [sanitizeArticle], data: { astro } });
    expect(astro.frontmatter).toEqual({ title: 'A' });
  });
  it('Markdown: unsafe raw HTML is removed, safe raw HTML kept', async () => {
    const md = '<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b <abbr title="x">y</abbr> [k](javascript:1)\n\n<!--><img src=y onerror=alert(2)>-->\n\n<iframe src="https://evil.example/">\n</iframe>\n\n- [ ] task\n';
    const { html } = await markdownToHtml(md, { hastPlugins: [sanitizeArticle] });
    expect(html).not.toMatch(/alert|onerror|iframe|script|javascript/);
    expect(html).toContain('<abbr title="x">y</abbr>');
    expect(html).toContain('<a>k</a>');
    expect(html).toContain('<input type="checkbox" disabled>');
  });
  it('raw HTML must pass both our scanner and a real HTML parser', () => {
    expect(isAllowedRawHtml('<abbr title="x">')).toBe(true);
    expect(isAllowedRawHtml('<!--><img src=x onerror=alert(1)>-->')).toBe(false);
    expect(isAllowedRawHtml('<a href="java&#x09;script:alert(1)">')).toBe(false);
    expect(isAllowedRawHtml('<div title="open')).toBe(false);
  });
});

describe('the guidance folder', () => {
  it('refuses symbolic links, which Astro would follow to files never checked', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/small-content/guidance/en/', import.meta.url));
    const work = await mkdtemp(join(tmpdir(), 'trust-guidance-'));
    try {
      await cp(join(fixture, 'transparency.mdx'), join(work, 'guidance', 'en', 'transparency.mdx'), { recursive: true });
      await symlink(join(fixture, 'empathy.mdx'), join(work, 'guidance', 'en', 'empathy.mdx'));
      await symlink(join(work, 'guidance', 'en'), join(work, 'guidance', 'fi'));
      const { issues } = await loadGuidance(work, ['en']);
      const shown = relative(process.cwd(), work);
      expect(issues.map((issue) => formatIssue(issue).replaceAll(shown, '<content>'))).toEqual([
        '<content>/guidance/fi:0:0: expected a folder or file of the guidance folder itself, found a symbolic link\n  hint: copy the file (or folder) into the guidance folder instead of linking to it',
        '<content>/guidance/en/empathy.mdx:0:0: expected a folder or file of the guidance folder itself, found a symbolic link\n  hint: copy the file (or folder) into the guidance folder instead of linking to it',
      ]);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
