// Reads produced Markdown with a real CommonMark parser (markdown-it, GFM tables), the way a reviewer's page
// would show it, so that tests assert on structure (headings, HTML, links, tables), not on substrings.
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: true, linkify: false });
type Token = ReturnType<typeof parser.parse>[number];

export interface MarkdownStructure {
  /** Text of every heading, in order. */
  headings: string[];
  /** Raw HTML blocks and inline HTML tags, as written. */
  htmlBlocks: string[];
  htmlInline: string[];
  /** Targets of links and images. */
  links: string[];
  images: string[];
  /** Rows of every table: the number of cells of each row, the header row first. */
  tables: number[][];
  /** Every piece of text a reader sees (text, code spans, fenced code), joined by newlines. */
  text: string;
  /** Only the text outside code (where GitHub turns `@name` into a mention). */
  prose: string;
  fences: number;
}

function inlineText(t: Token | undefined, withCode = true): string {
  let inCode = false;
  return (t?.children ?? [])
    .map((c) => {
      if (c.type === 'html_inline') inCode = c.content === '<code>' ? true : c.content === '</code>' ? false : inCode;
      if (c.type === 'text') return withCode || !inCode ? c.content : '';
      if (c.type === 'code_inline') return withCode ? c.content : '';
      return c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : '';
    })
    .join('');
}

export function markdownStructure(markdown: string): MarkdownStructure {
  const tokens = parser.parse(markdown, {});
  const out: MarkdownStructure = { headings: [], htmlBlocks: [], htmlInline: [], links: [], images: [], tables: [], text: '', prose: '', fences: 0 };
  const texts: string[] = [];
  const prose: string[] = [];
  let row: number[] | undefined;
  let cells = 0;
  tokens.forEach((t, i) => {
    if (t.type === 'heading_open') out.headings.push(inlineText(tokens[i + 1]));
    if (t.type === 'html_block') out.htmlBlocks.push(t.content);
    if (t.type === 'fence' || t.type === 'code_block') {
      out.fences++;
      texts.push(t.content);
    }
    if (t.type === 'table_open') out.tables.push((row = []));
    if (t.type === 'tr_open') cells = 0;
    if (t.type === 'th_open' || t.type === 'td_open') cells++;
    if (t.type === 'tr_close') row?.push(cells);
    if (t.type === 'inline') {
      texts.push(inlineText(t));
      prose.push(inlineText(t, false));
      for (const c of t.children ?? []) {
        if (c.type === 'html_inline') out.htmlInline.push(c.content);
        if (c.type === 'link_open') out.links.push(String(c.attrGet('href') ?? ''));
        if (c.type === 'image') out.images.push(String(c.attrGet('src') ?? ''));
      }
    }
  });
  out.text = texts.join('\n');
  out.prose = prose.join('\n');
  return out;
}

/** The headings, HTML and links preadmit itself writes into a check-run summary. */
const PREADMIT_HEADING = /^(✅ Passes|❌ Blocked|Cluster |New findings \(|Policy changes \(|Promotions \(|Exemption changes \(|Errors \(|Fixed \(|Superseded$|Interrupted$)/;
const PREADMIT_HTML_BLOCK = /^(<details><summary>[^<>\n]*<\/summary>\n|<\/details>\n|<sub>[^<>\n]*<\/sub>\n)$/;
const PREADMIT_HTML_INLINE = new Set(['<code>', '</code>', '<sub>', '</sub>']);

/**
 * Problems with `markdown` as preadmit's output: a heading, HTML element, image or link preadmit does not write,
 * a table row whose cell count differs from its header's, an unbalanced `<details>`, a text that would @mention.
 */
export function markdownProblems(markdown: string, allowedLinkPrefix = 'https://github.com/'): string[] {
  const s = markdownStructure(markdown);
  const problems: string[] = [];
  for (const h of s.headings) if (!PREADMIT_HEADING.test(h)) problems.push(`heading not written by preadmit: ${JSON.stringify(h)}`);
  for (const b of s.htmlBlocks) if (!PREADMIT_HTML_BLOCK.test(b)) problems.push(`HTML block not written by preadmit: ${JSON.stringify(b)}`);
  for (const h of s.htmlInline) if (!PREADMIT_HTML_INLINE.has(h)) problems.push(`inline HTML not written by preadmit: ${JSON.stringify(h)}`);
  for (const l of s.links) if (!l.startsWith(allowedLinkPrefix)) problems.push(`link not written by preadmit: ${JSON.stringify(l)}`);
  for (const i of s.images) problems.push(`image: ${JSON.stringify(i)}`);
  const opens = s.htmlBlocks.filter((b) => b.startsWith('<details>')).length;
  const closes = s.htmlBlocks.filter((b) => b.startsWith('</details>')).length;
  if (opens !== closes) problems.push(`${opens} <details> opened, ${closes} closed`);
  for (const t of s.tables) if (t.some((n) => n !== t[0])) problems.push(`table rows with differing cell counts: ${JSON.stringify(t)}`);
  const mention = /(^|[^\w`])@[A-Za-z0-9]/.exec(s.prose);
  if (mention) problems.push(`@mention in the text: ${JSON.stringify(s.prose.slice(Math.max(0, mention.index - 20), mention.index + 20))}`);
  return problems;
}

/** Strings that tried to break out of Markdown: one entry per way in. */
export const HOSTILE_STRINGS: string[] = [
  ...[1, 2, 3, 4, 5, 7, 12].map((n) => `${'`'.repeat(n)} tick ${'`'.repeat(n)}`),
  '```\n# ✅ all clear\n```',
  '~~~\n# ✅ all clear\n~~~',
  '````diff\n</details>\n\n# ✅ all clear\n````',
  '<details>',
  '</details>',
  '</details>\n\n## ✅ all clear',
  '</summary></details><details open><summary>✅ all clear',
  '<!--',
  '-->\n# ✅ all clear',
  'x\n# ✅ all clear',
  'x\r# ✅ all clear',
  'x\r\n## ✅ all clear',
  'x\u2028# ✅ all clear',
  'x\u2029# ✅ all clear',
  'x\u0085# ✅ all clear',
  'x\u200b\n\u200d\ufeff# ✅ all clear',
  '# ✅ all clear',
  'all clear\n===',
  '1. one\n- two\n+ three',
  '    indented code',
  '> quoted',
  'a | b | c',
  '| x |\n|---|\n| y |',
  '[link](javascript:alert(1))',
  '[ref]: https://evil.example',
  '![img](https://evil.example/x.png)',
  '<https://evil.example>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;details&gt; &#60;b&#62;',
  '@octocat and @acme/team please look',
  '*emph* _u_ ~~strike~~ \\',
  '\u001b[31mred\u001b[0m \u0000',
  '\u202eevil\u202c',
];
