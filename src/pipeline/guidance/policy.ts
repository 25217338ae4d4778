/**
 * What a guidance article may contain: Markdown, a small allow-list of inert HTML elements and
 * attributes, and the project's own components listed in ARTICLE_COMPONENTS. Nothing that runs
 * code, loads a script or frame, submits a form, or changes the page's head.
 *
 * Used twice: the data build reports anything else as a located problem (./check-body.ts), and
 * the renderer drops anything else even if that check were bypassed (./sanitize.ts).
 */

/**
 * Components an article may use by name (e.g. `<MetricLink id="nps" />`). Empty today: no
 * article uses a component. To allow one, add its name here and the component itself to
 * `articleComponents` in src/views/Article.astro. Its attributes must still be plain strings:
 * an expression (`{...}`) is never allowed.
 */
export const ARTICLE_COMPONENTS: readonly string[] = [];

/** Attributes any allowed element may carry. */
const GLOBAL_ATTRIBUTES = ['title', 'lang', 'dir'];

/** Allowed HTML elements with the attributes each may carry besides GLOBAL_ATTRIBUTES. */
export const ALLOWED_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  a: ['href'],
  abbr: [],
  b: [],
  bdi: [],
  bdo: [],
  blockquote: ['cite'],
  br: [],
  caption: [],
  cite: [],
  code: [],
  dd: [],
  del: ['cite', 'datetime'],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  ins: ['cite', 'datetime'],
  kbd: [],
  li: ['value'],
  mark: [],
  ol: ['start', 'reversed', 'type'],
  p: [],
  pre: [],
  q: ['cite'],
  rp: [],
  rt: [],
  ruby: [],
  s: [],
  samp: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'align'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'scope', 'align'],
  thead: [],
  time: ['datetime'],
  tr: [],
  u: [],
  ul: [],
  var: [],
  wbr: [],
};

/** Attributes whose value is a URL; only http(s), mailto, tel or a path on this site. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

/** URL schemes an article may link to. Anything else (javascript:, vbscript:, data:, file:...) is refused. */
export const ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);

export const ALLOWED_TAGS_HINT = 'use Markdown; the HTML allowed is plain text markup such as <abbr>, <br>, <sub>, <sup>, <details> (see README, "Writing guidance")';

export function isAllowedElement(name: string): boolean {
  return Object.hasOwn(ALLOWED_ELEMENTS, name);
}

export function isAllowedAttribute(element: string, attribute: string): boolean {
  const name = attribute.toLowerCase();
  return GLOBAL_ATTRIBUTES.includes(name) || (ALLOWED_ELEMENTS[element]?.includes(name) ?? false);
}

/** A component name: capitalised (`Chart`) or dotted (`ui.Chart`), as MDX reads it. */
export function isComponentName(name: string): boolean {
  return /^[A-Z]/.test(name) || name.includes('.');
}

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', period: '.', comma: ',',
};

/** Decode character references (`&#106;`, `&#x6A;`, `&colon;`) as a browser would in an attribute. */
export function decodeEntities(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([a-zA-Z][a-zA-Z0-9]*));?/g, (match, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec!, 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name!.toLowerCase()] ?? match;
  });
}

/**
 * The scheme a browser would see in this URL (lower case), or undefined for a relative URL.
 * Entities are decoded, and control characters and whitespace removed, as browsers do, so
 * `JaVaScRiPt:`, `java\tscript:` and `&#106;avascript:` are all "javascript".
 */
export function urlScheme(url: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const cleaned = decodeEntities(url).replace(/[\u0000-\u0020\u007f-\u009f\u00a0\u200b-\u200d\u2028\u2029\ufeff]/g, '');
  const match = /^([^:/?#]*):/.exec(cleaned);
  return match ? match[1]!.toLowerCase() : undefined;
}

/** True when a URL may appear in an article: relative, or with an allowed scheme. */
export function isSafeUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_SCHEMES.has(scheme);
}
