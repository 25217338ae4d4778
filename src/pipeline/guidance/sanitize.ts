/**
 * Defence in depth for guidance articles: a Sätteri hast plugin, run by Astro when it renders
 * .md and .mdx (astro.config.mjs), that drops whatever ./policy.ts does not allow. The data build
 * already refuses such articles with located problems (./check-body.ts); this makes the rendered
 * page safe even if that check were bypassed or had a gap:
 *
 * - MDX `import`/`export` and `{...}` expressions are removed, so they never run;
 * - HTML written by the author (JSX elements in .mdx, raw HTML in .md) is kept only when the
 *   allow-list admits it: other elements and components are removed with their content,
 *   other attributes and unsafe URLs dropped; raw HTML is read with a real HTML parser and
 *   dropped whole unless everything in it is allowed;
 * - elements made from Markdown lose event handlers and unsafe URLs (a `javascript:` link),
 *   and anything that could run or load code is removed;
 * - a frontmatter `layout` (which Astro would import) is removed.
 */
import { defineHastPlugin, htmlToHast, type HastVisitorContext, type MdxJsxFlowElementHast, type MdxJsxTextElementHast } from 'satteri';
import { scanHtml } from './check-body.ts';
import { ARTICLE_COMPONENTS, URL_ATTRIBUTES, isAllowedAttribute, isAllowedElement, isComponentName, isSafeUrl } from './policy.ts';

/** Elements Markdown never makes and no article may contain. */
const NEVER = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'textarea', 'select',
  'option', 'base', 'meta', 'link', 'svg', 'math', 'template', 'noscript', 'portal', 'audio', 'video', 'source', 'track',
  'head', 'title', 'body', 'html', 'xmp', 'plaintext', 'noembed', 'noframes', 'slot', 'dialog',
]);

/** Properties (hast names, lower-cased) that hold a URL, on any element. */
const URL_PROPERTIES = new Set(['href', 'src', 'cite', 'action', 'formaction', 'poster', 'srcset', 'xlinkhref', 'background', 'data', 'ping', 'longdesc', 'manifest', 'codebase', 'usemap']);

interface HastLike {
  type: string;
  tagName?: string;
  name?: string | null;
  properties?: Record<string, unknown>;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: HastLike[];
  value?: string;
}

function unsafeValue(value: unknown): boolean {
  const values = Array.isArray(value) ? value : [value];
  return values.some((v) => typeof v === 'string' && !isSafeUrl(v));
}

/** True when a tree parsed from raw HTML holds only allowed elements, attributes and URLs. */
function allowedTree(node: HastLike): boolean {
  if (node.type === 'element') {
    const tag = node.tagName ?? '';
    if (!isAllowedElement(tag)) return false;
    for (const [key, value] of Object.entries(node.properties ?? {})) {
      const name = hastAttributeName(key);
      if (!isAllowedAttribute(tag, name)) return false;
      if (URL_ATTRIBUTES.has(name) && unsafeValue(value)) return false;
    }
  } else if (!['root', 'text', 'comment'].includes(node.type)) {
    return false;
  }
  return (node.children ?? []).every(allowedTree);
}

/** hast property name to HTML attribute name, as far as the allow-list needs it. */
function hastAttributeName(key: string): string {
  return key.toLowerCase();
}

/** Raw HTML in a .md article: kept verbatim only if a real HTML parser and our scanner agree it is allowed. */
export function isAllowedRawHtml(html: string): boolean {
  const tokens = scanHtml(html);
  if (tokens.some((t) => t.kind !== 'start' || !isAllowedElement(t.name) || t.attributes.some((a) => !isAllowedAttribute(t.name, a.name) || (URL_ATTRIBUTES.has(a.name) && a.value !== undefined && !isSafeUrl(a.value))))) {
    return false;
  }
  try {
    return allowedTree(htmlToHast(html, { fragment: true }) as unknown as HastLike);
  } catch {
    return false;
  }
}

export const sanitizeArticle = defineHastPlugin({
  name: 'trust-sanitize-article',
  // Astro imports the file named by a frontmatter `layout` (the data build refuses the key).
  before: (_root, ctx) => {
    const frontmatter = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    if (frontmatter && typeof frontmatter === 'object') {
      delete frontmatter.layout;
      delete frontmatter.setup;
    }
  },
  element: {
    filter: [],
    visit(node, ctx) {
      const tag = node.tagName;
      const props = (node.properties ?? {}) as Record<string, unknown>;
      if (NEVER.has(tag) || (tag === 'input' && !(props.type === 'checkbox' && props.disabled))) {
        ctx.removeNode(node);
        return;
      }
      for (const [key, value] of Object.entries(props)) {
        const name = key.toLowerCase();
        if (name.startsWith('on') || (URL_PROPERTIES.has(name) && unsafeValue(value)) || name === 'set:html' || name === 'set:text') {
          ctx.setProperty(node, key, null);
        }
      }
    },
  },
  mdxJsxFlowElement: { filter: [], visit: jsx },
  mdxJsxTextElement: { filter: [], visit: jsx },
  mdxFlowExpression: (node, ctx) => ctx.removeNode(node),
  mdxTextExpression: (node, ctx) => ctx.removeNode(node),
  mdxjsEsm: (node, ctx) => ctx.removeNode(node),
  raw: (node, ctx) => {
    if (!isAllowedRawHtml(node.value)) ctx.removeNode(node);
  },
});

/** An element or component written in .mdx: allowed ones keep only their allowed, literal attributes. */
function jsx<N extends MdxJsxFlowElementHast | MdxJsxTextElementHast>(node: Readonly<N>, ctx: HastVisitorContext): N | undefined {
  const name = node.name ?? '';
  const component = name === '' || isComponentName(name);
  if (component ? !ARTICLE_COMPONENTS.includes(name) : !isAllowedElement(name)) {
    ctx.removeNode(node);
    return;
  }
  const attributes = node.attributes.filter((a) => {
    if (a.type !== 'mdxJsxAttribute' || (a.value !== null && a.value !== undefined && typeof a.value !== 'string')) return false;
    if (component) return true;
    const attr = a.name.toLowerCase();
    return isAllowedAttribute(name, attr) && !(URL_ATTRIBUTES.has(attr) && typeof a.value === 'string' && !isSafeUrl(a.value));
  });
  if (attributes.length === node.attributes.length) return;
  return { ...node, attributes } as N;
}
