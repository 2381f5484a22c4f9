// The one escaping layer for Markdown: everything taken from a pull request (file names, object and constraint
// names, policy messages, tool errors, rendered diffs) enters preadmit's Markdown through these functions, so
// that it renders as the text it is and never as structure: no heading, list, table cell, link, HTML element,
// `<details>` closer, code fence or @mention can come from the content.

/** Line terminators of CommonMark (LF, CR) and of other readers (NEL, LS, PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** C0/C1 controls other than tab and the line breaks: shown as U+FFFD. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
/** Characters that start markup anywhere in a line (emphasis, code, links, images, HTML, entities, cells, headings). */
const MARKUP = /[\\`*_[\]<>#!|~&]/g;
/** Word joiner: invisible, and breaks `@name` (a mention GitHub would notify) into plain text. */
const JOINER = '\u2060';

/**
 * Inline Markdown that renders as exactly `text` (one line): line breaks become spaces, controls U+FFFD, every
 * markup character is backslash-escaped, and `@` is followed by a word joiner so that `@user` mentions nobody.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '\ufffd')
    .replace(/\t/g, ' ')
    .replace(MARKUP, (c) => `\\${c}`)
    // What starts a block only at the start of a line (indented code, list items, setext underlines, ordered lists).
    .replace(/^ {4,}/, ' ')
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/@/g, `@${JOINER}`);
}

/** Text for an HTML context (`<summary>`, an attribute), where Markdown is not interpreted: one line, entities. */
export function escapeHtml(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/@/g, `@${JOINER}`);
}

/** `text` as inline code: the escaped text inside `<code>` (a backtick span could be closed by the content). */
export function inlineCode(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}

/**
 * A fenced code block no line of `body` can close: the fence is backticks, one more than the longest backtick
 * run inside (tildes cannot close it). Controls and CR (a CommonMark line break) show as U+FFFD; the block
 * always ends with its fence and a newline.
 */
export function fenced(body: string, info = ''): string {
  const clean = body.replace(/\r\n/g, '\n').replace(CONTROLS, '\ufffd').replace(/\r/g, '\ufffd').replace(/\n+$/, '');
  let longest = 0;
  for (const m of clean.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${escapeInfo(info)}\n${clean}\n${fence}\n`;
}

/** An info string cannot hold a backtick (it would not open a fence) or a line break. */
function escapeInfo(info: string): string {
  return info.replace(/[`\r\n\u2028\u2029]/g, '').replace(CONTROLS, '');
}
