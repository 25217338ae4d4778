/**
 * Checks the body of a guidance article against ./policy.ts before Astro ever compiles it.
 *
 * The article is parsed with the parser Astro itself compiles .md and .mdx with (Sätteri, the
 * processor behind @astrojs/mdx), so what is checked is exactly what would run, and positions
 * are the file's own lines and columns, frontmatter included. Every problem of a file is
 * reported at once; a syntax error stops the parser, so it is the one problem of its file.
 *
 * In .mdx: `import`/`export`, JavaScript expressions (`{...}` in text, on their own line or as an
 * attribute) and components not in ARTICLE_COMPONENTS are problems, because MDX would run them at
 * build time. HTML elements (lowercase JSX in .mdx, raw HTML in .md) must be in the allow-list,
 * with allowed attributes only, and every URL (attributes, Markdown links, images, link
 * definitions) must be relative or http(s), mailto or tel.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { Issue } from '../issues.ts';
import { quoteRaw } from '../issues.ts';
import {
  ALLOWED_ELEMENTS,
  ALLOWED_TAGS_HINT,
  ARTICLE_COMPONENTS,
  URL_ATTRIBUTES,
  isAllowedAttribute,
  isAllowedElement,
  isComponentName,
  isSafeUrl,
} from './policy.ts';

const WRITING = 'see README, "Writing guidance"';
const URL_EXPECTED = 'expected a path on this site or an http, https, mailto or tel address';
const URL_HINT = `javascript:, vbscript:, data: and other kinds of address are not allowed in articles; ${WRITING}`;
const EXPRESSION_HINT = 'articles cannot run code; to show a brace as text, write \\{';

interface Point {
  line: number;
  column: number;
  offset?: number;
}
interface Node {
  type: string;
  position?: { start: Point; end: Point };
  children?: Node[];
  value?: string;
  url?: string;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** Offsets to 1-based line and column, counting line ends as the parser does. */
class Lines {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    const re = /\r\n|\n|\r/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) this.starts.push(m.index + m[0].length);
  }
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
}

/**
 * Problems in the body of one article. `text` is the whole file (frontmatter included), `file`
 * the name to report, and `mdx` whether it is read as MDX (.mdx) or plain Markdown (.md).
 */
export function checkArticleBody(text: string, file: string, mdx: boolean): Issue[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const issues: Issue[] = [];
  let tree: Node;
  try {
    tree = (mdx ? mdxToMdast(text) : markdownToMdast(text)) as unknown as Node;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*(.*?)(?:\s*\([\w-]+:[\w-]+\))?\s*$/s.exec(raw);
    // The parser suggests {/* */} for comments, an expression articles may not use: leave that out.
    const reason = (m ? m[3]! : raw).replace(/\s+/g, ' ').replace(/ \(note: to create a comment in MDX, use `\{\/\* text \*\/\}`\)/, '');
    return [{
      file,
      line: m ? Number(m[1]) : 1,
      column: m ? Number(m[2]) : 1,
      message: `expected Markdown, found text MDX cannot read: ${reason}`,
      hint: 'in .mdx, < starts an element and { an expression; write \\< or \\{ for the characters themselves, and leave out HTML comments',
    }];
  }
  const lines = new Lines(text);
  const add = (at: { line: number; column: number }, message: string, hint?: string, field?: string) => {
    issues.push({ file, line: at.line, column: at.column, ...(field ? { field } : {}), message, ...(hint ? { hint } : {}) });
  };
  const start = (node: Node) => node.position?.start ?? { line: 1, column: 1 };

  const visit = (node: Node): void => {
    switch (node.type) {
      case 'mdxjsEsm':
        checkEsm(node);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add(start(node), `expected Markdown, found the JavaScript expression ${quoteRaw(`{${node.value ?? ''}}`)}`, EXPRESSION_HINT);
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkJsx(node);
        break;
      case 'html':
        checkHtml(node);
        break;
      case 'link':
      case 'image':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) add(start(node), `${URL_EXPECTED}, found ${quoteRaw(node.url)}`, URL_HINT);
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };

  // One problem per import or export statement: MDX joins adjacent ones into one node.
  const checkEsm = (node: Node) => {
    const at = start(node);
    const found: Array<{ line: number; column: number; statement: string }> = [];
    (node.value ?? '').split(/\r\n|\n|\r/).forEach((line, i) => {
      const m = /^(\s*)(import|export)\b/.exec(line);
      if (m) found.push({ line: at.line + i, column: (i === 0 ? at.column : 1) + m[1]!.length, statement: line.trim() });
    });
    if (found.length === 0) found.push({ ...at, statement: (node.value ?? '').trim() });
    for (const f of found) {
      const kind = f.statement.startsWith('export') ? 'an export' : 'an import';
      add(f, `expected Markdown, found ${kind} statement ${quoteRaw(f.statement)}`, `articles cannot import or export code; ${WRITING}`);
    }
  };

  const checkJsx = (node: Node) => {
    const at = start(node);
    const name = node.name ?? '';
    const component = name === '' || isComponentName(name);
    if (name === '') {
      add(at, 'expected Markdown or an allowed HTML element, found a JSX fragment "<>"', ALLOWED_TAGS_HINT);
    } else if (component && !ARTICLE_COMPONENTS.includes(name)) {
      const allowed = ARTICLE_COMPONENTS.length ? `the components articles can use: ${ARTICLE_COMPONENTS.join(', ')}` : 'articles can use no components';
      add(at, `expected Markdown or an allowed HTML element, found the component <${name}>`, `${allowed}; ${WRITING}`);
    } else if (!component && !isAllowedElement(name)) {
      add(at, `expected Markdown or an allowed HTML element, found <${name}>`, ALLOWED_TAGS_HINT);
    }
    const offsets = at.offset !== undefined ? jsxAttributeOffsets(text, at.offset) : [];
    const attributes = node.attributes ?? [];
    attributes.forEach((attribute, i) => {
      const where = offsets.length === attributes.length ? lines.at(offsets[i]!) : at;
      const shownName = name === '' ? '<>' : `<${name}>`;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        add(where, `expected attributes written as name="text" on ${shownName}, found the JavaScript expression ${quoteRaw(`{${String(attribute.value ?? '')}}`)}`, EXPRESSION_HINT);
        return;
      }
      const attrName = attribute.name ?? '';
      const value = attribute.value;
      if (value !== null && typeof value === 'object') {
        add(where, `expected a quoted text value, found the JavaScript expression ${quoteRaw(`{${value.value}}`)}`, EXPRESSION_HINT, attrName);
        return;
      }
      if (component && name !== '') return;
      if (!isAllowedElement(name)) return; // the element itself is the problem
      checkAttribute(where, name, attrName, value ?? undefined);
    });
  };

  const checkAttribute = (where: { line: number; column: number }, element: string, name: string, value: string | undefined) => {
    if (!isAllowedAttribute(element, name)) {
      const allowed = ['title', 'lang', 'dir', ...(ALLOWED_ELEMENTS[element] ?? [])].join(', ');
      const why = /^on/i.test(name) ? 'event handlers run script and are never allowed; ' : '';
      add(where, `expected an allowed attribute of <${element}>, found "${name}"`, `${why}allowed on <${element}>: ${allowed}`);
      return;
    }
    if (URL_ATTRIBUTES.has(name.toLowerCase()) && value !== undefined && !isSafeUrl(value)) {
      add(where, `${URL_EXPECTED}, found ${quoteRaw(value)}`, URL_HINT, name.toLowerCase());
    }
  };

  // Raw HTML in Markdown: scan it as a browser would and check every start tag.
  const checkHtml = (node: Node) => {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) {
      add(start(node), `expected Markdown or an allowed HTML element, found ${quoteRaw(node.value ?? '')}`, ALLOWED_TAGS_HINT);
      return;
    }
    const base = pos.start.offset;
    for (const token of scanHtml(text.slice(base, pos.end.offset))) {
      const where = lines.at(base + token.offset);
      if (token.kind !== 'start') {
        if (token.kind === 'other') add(where, `expected Markdown or an allowed HTML element, found ${quoteRaw(token.text)}`, ALLOWED_TAGS_HINT);
        else add(where, `expected a complete HTML tag or comment, ending with ">", found ${quoteRaw(token.text)}`, 'close every quote and tag in raw HTML; an open one would swallow the text after it');
        continue;
      }
      if (!isAllowedElement(token.name)) {
        add(where, `expected Markdown or an allowed HTML element, found <${token.name}>`, ALLOWED_TAGS_HINT);
        continue;
      }
      for (const attribute of token.attributes) checkAttribute(lines.at(base + attribute.offset), token.name, attribute.name, attribute.value);
    }
  };

  visit(tree);
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface HtmlStartTag {
  kind: 'start';
  offset: number;
  name: string;
  attributes: Array<{ name: string; value: string | undefined; offset: number }>;
}
interface HtmlOther {
  kind: 'other' | 'incomplete';
  offset: number;
  text: string;
}

/** Elements whose content a browser reads as text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/**
 * Start tags (with attributes, lower-cased names and decoded-later values) and anything that
 * is neither a tag nor a comment (`<!DOCTYPE`, `<?...`, `<![CDATA[`), following the HTML
 * tokenizer's rules: `/` separates attributes like a space, unquoted values run to a space or `>`.
 */
export function scanHtml(html: string): Array<HtmlStartTag | HtmlOther> {
  const tokens: Array<HtmlStartTag | HtmlOther> = [];
  let i = 0;
  const n = html.length;
  const ws = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    i = lt + 1;
    if (html.startsWith('!--', i)) {
      // As browsers read comments: "<!-->" and "<!--->" end at once, others at "-->" or "--!>".
      const k = i + 3;
      if (html[k] === '>') i = k + 1;
      else if (html.startsWith('->', k)) i = k + 2;
      else {
        const ends = [html.indexOf('-->', k), html.indexOf('--!>', k)].filter((e) => e >= 0);
        if (ends.length === 0) {
          tokens.push({ kind: 'incomplete', offset: lt, text: html.slice(lt) });
          break;
        }
        const end = Math.min(...ends);
        i = end + (html.startsWith('-->', end) ? 3 : 4);
      }
      continue;
    }
    if (html[i] === '!' || html[i] === '?') {
      const end = html.indexOf('>', i);
      tokens.push({ kind: 'other', offset: lt, text: html.slice(lt, end < 0 ? n : end + 1) });
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (html[i] === '/' && /[A-Za-z]/.test(html[i + 1] ?? '')) {
      const end = html.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(html[i] ?? '')) continue;
    let j = i;
    while (j < n && !ws(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const tag: HtmlStartTag = { kind: 'start', offset: lt, name: html.slice(i, j).toLowerCase(), attributes: [] };
    tokens.push(tag);
    i = j;
    let complete = false;
    for (;;) {
      while (i < n && (ws(html[i]) || html[i] === '/')) i++;
      if (i >= n) break;
      if (html[i] === '>') {
        i++;
        complete = true;
        break;
      }
      const nameStart = i;
      i++; // a first "=" belongs to the name
      while (i < n && !ws(html[i]) && html[i] !== '/' && html[i] !== '>' && html[i] !== '=') i++;
      const name = html.slice(nameStart, i).toLowerCase();
      let k = i;
      while (k < n && ws(html[k])) k++;
      let value: string | undefined;
      if (html[k] === '=') {
        k++;
        while (k < n && ws(html[k])) k++;
        const quote = html[k];
        if (quote === '"' || quote === "'") {
          const end = html.indexOf(quote, k + 1);
          value = html.slice(k + 1, end < 0 ? n : end);
          i = end < 0 ? n : end + 1;
          if (end < 0) break;
        } else {
          let e = k;
          while (e < n && !ws(html[e]) && html[e] !== '>') e++;
          value = html.slice(k, e);
          i = e;
        }
      }
      tag.attributes.push({ name, value, offset: nameStart });
    }
    if (!complete) {
      // A tag left open would swallow the Markdown after it in the browser: never allowed.
      tokens.push({ kind: 'incomplete', offset: lt, text: html.slice(lt) });
      break;
    }
    if (RAW_TEXT.has(tag.name)) {
      if (tag.name === 'plaintext') break;
      const close = html.toLowerCase().indexOf(`</${tag.name}`, i);
      i = close < 0 ? n : close;
    }
  }
  return tokens;
}

/**
 * Offsets of the attributes of the JSX opening tag at `offset`, in order: a name, or the `{` of
 * an expression attribute. Braces, strings and comments inside expressions are skipped over.
 */
function jsxAttributeOffsets(text: string, offset: number): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = offset + 1;
  const skipSpace = () => {
    for (;;) {
      while (i < n && /\s/.test(text[i]!)) i++;
      if (text.startsWith('//', i)) i = text.indexOf('\n', i) < 0 ? n : text.indexOf('\n', i);
      else if (text.startsWith('/*', i)) i = text.indexOf('*/', i) < 0 ? n : text.indexOf('*/', i) + 2;
      else return;
    }
  };
  const skipBraces = () => {
    let depth = 0;
    while (i < n) {
      const c = text[i]!;
      if (c === '"' || c === "'" || c === '`') {
        const end = text.indexOf(c, i + 1);
        i = end < 0 ? n : end + 1;
        continue;
      }
      if (c === '{') depth++;
      if (c === '}' && --depth === 0) {
        i++;
        return;
      }
      i++;
    }
  };
  skipSpace();
  while (i < n && !/[\s/>{]/.test(text[i]!)) i++; // the element's name
  for (;;) {
    skipSpace();
    if (i >= n || text[i] === '>' || text[i] === '/') return out;
    if (text[i] === '{') {
      out.push(i);
      skipBraces();
      continue;
    }
    out.push(i);
    while (i < n && !/[\s=/>{]/.test(text[i]!)) i++;
    skipSpace();
    if (text[i] !== '=') continue;
    i++;
    skipSpace();
    if (text[i] === '"' || text[i] === "'") {
      const end = text.indexOf(text[i]!, i + 1);
      i = end < 0 ? n : end + 1;
    } else if (text[i] === '{') {
      skipBraces();
    }
  }
}
