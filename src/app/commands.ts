// `/gatekeeper` comment commands: parsing and the texts of the replies (who may run them: github/comments.ts).
import MarkdownIt from 'markdown-it';

export type Command = { name: 'recheck' } | { name: 'help' } | { name: 'unknown'; word: string };

const markdown = new MarkdownIt('commonmark', { html: true });

/**
 * The command of a comment: the first line of a paragraph that starts with `/gatekeeper`, the comment parsed as
 * CommonMark (GitHub's Markdown). Code (fenced, indented or inline), HTML (comments included) and quoted text
 * are not commands, whatever their fences look like. Undefined when the comment has none.
 */
export function parseCommand(body: string | null | undefined): Command | undefined {
  if (typeof body !== 'string') return undefined;
  let quoted = 0;
  for (const token of markdown.parse(body.slice(0, 65_536), {})) {
    if (token.type === 'blockquote_open') quoted++;
    else if (token.type === 'blockquote_close') quoted--;
    if (token.type !== 'inline' || quoted > 0) continue;
    // The paragraph's lines as rendered text: inline code and HTML become a placeholder that is no command.
    let line = '';
    const lines: string[] = [];
    for (const child of token.children ?? []) {
      if (child.type === 'text') line += child.content;
      else if (child.type === 'softbreak' || child.type === 'hardbreak') {
        lines.push(line);
        line = '';
      } else if (child.type === 'code_inline' || child.type === 'html_inline') line += '\u0000';
    }
    lines.push(line);
    for (const raw of lines) {
      const text = raw.trim();
      const m = /^\/gatekeeper(?:[ \t]+([^\s\u0000]+))?/i.exec(text);
      if (m === null || (text.length > 11 && !/[ \t]/.test(text.charAt(11)))) continue;
      const word = (m[1] ?? 'help').toLowerCase();
      if (word === 'recheck' || word === 'help') return { name: word };
      return { name: 'unknown', word: m[1] ?? '' };
    }
  }
  return undefined;
}

export const HELP_TEXT = [
  'preadmit simulates OPA Gatekeeper admission for this pull request and reports it as the `preadmit` check.',
  '',
  '| Command | What it does |',
  '|---|---|',
  '| `/gatekeeper recheck` | Runs the check again on the pull request\'s current head commit. |',
  '| `/gatekeeper help` | Shows this list. |',
  '',
  'Commands are accepted from the pull request\'s author and from users with write access to the repository. ' +
    'The configuration is read from `.github/preadmit.yml` on the default branch, never from the pull request.',
].join('\n');

export function deniedText(login: string): string {
  return `@${login} \`/gatekeeper\` commands can be run by the pull request's author and by users with write access to this repository.`;
}

export function unknownText(word: string): string {
  return `Unknown command \`/gatekeeper ${word.replace(/[`\r\n]/g, '').slice(0, 40)}\`.\n\n${HELP_TEXT}`;
}

export function recheckText(checkRunUrl: string, sha: string): string {
  return `Rechecking ${sha.slice(0, 7)}: [preadmit check run](${checkRunUrl}).`;
}
