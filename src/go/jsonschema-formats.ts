// gojsonschema's format checkers (format_checkers.go) for strings: date and time layouts of time.Parse,
// net.ParseIP, url.Parse, net/mail.ParseAddress, and its regular expressions. Names gojsonschema does not
// know always pass.
import { goParseIP } from './net.ts';
import { compileGoRegexp } from './regexp.ts';
import { goUrlParse } from './gourl.ts';
import { goBase64Std } from './base64.ts';

const RX_HOSTNAME = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
const RX_UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
const RX_JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/su;
const RX_REL_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/su;

type Checker = (s: string) => boolean;

const CHECKERS: Record<string, Checker> = {
  date: (s) => timeParse(s, ['date']),
  time: (s) => timeParse(s, ['clock', 'tz']) || timeParse(s, ['clock']),
  'date-time': (s) =>
    timeParse(s, ['clock']) || timeParse(s, ['clock', 'tz']) || timeParse(s, ['date']) || timeParse(s, ['date', 'T', 'clock', 'tz']),
  hostname: (s) => RX_HOSTNAME.test(s) && Buffer.byteLength(s, 'utf8') < 256,
  email: (s) => parseMailAddress(s),
  'idn-email': (s) => parseMailAddress(s),
  ipv4: (s) => parseIP(s) && s.includes('.'),
  ipv6: (s) => parseIP(s) && s.includes(':'),
  uri: (s) => {
    const u = goUrlParse(s);
    return !('error' in u) && u.scheme !== '' && !s.includes('\\');
  },
  'uri-reference': (s) => !('error' in goUrlParse(s)) && !s.includes('\\'),
  iri: (s) => {
    const u = goUrlParse(s);
    return !('error' in u) && u.scheme !== '' && !s.includes('\\');
  },
  'iri-reference': (s) => !('error' in goUrlParse(s)) && !s.includes('\\'),
  'uri-template': (s) => {
    const u = goUrlParse(s);
    if ('error' in u || s.includes('\\')) return false;
    // ^([^{]*({[^}]*})?)*$: every `{` has a `}` somewhere after it, i.e. the last `{` has.
    return u.path.lastIndexOf('{') < u.path.lastIndexOf('}') || !u.path.includes('{');
  },
  uuid: (s) => RX_UUID.test(s),
  regex: (s) => s === '' || !('error' in compileGoRegexp(s)),
  'json-pointer': (s) => RX_JSON_POINTER.test(s),
  'relative-json-pointer': (s) => RX_REL_JSON_POINTER.test(s),
};

/** Whether `s` has the format. */
export function checkFormat(name: string, s: string): boolean {
  const c = CHECKERS[name];
  return c ? c(s) : true;
}

// ---------------------------------------------------------------------------------------------
// net.ParseIP (accepts or not): src/go/net.ts.

function parseIP(s: string): boolean {
  return goParseIP(s) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// time.Parse with the layouts gojsonschema uses: "2006-01-02", "15:04:05", "15:04:05Z07:00" and
// RFC 3339 ("2006-01-02T15:04:05Z07:00"; RFC3339Nano accepts nothing more, fractions being read anyway).

type Part = 'date' | 'clock' | 'tz' | 'T';

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function timeParse(value: string, layout: Part[]): boolean {
  let s = value;
  let year = 0;
  let month = 0;
  let day = 0;
  const digits = (n: number): number | undefined => {
    if (s.length < n || !/^[0-9]+$/.test(s.slice(0, n))) return undefined;
    const v = Number(s.slice(0, n));
    s = s.slice(n);
    return v;
  };
  const lit = (c: string): boolean => {
    if (!s.startsWith(c)) return false;
    s = s.slice(c.length);
    return true;
  };
  /** getnum(value, fixed=false): one or two digits. */
  const num12 = (): number | undefined => {
    if (!/^[0-9]/.test(s)) return undefined;
    const n = /^[0-9]{2}/.test(s) ? 2 : 1;
    return digits(n);
  };
  for (const part of layout) {
    if (part === 'date') {
      const y = digits(4);
      if (y === undefined || !lit('-')) return false;
      const m = digits(2);
      if (m === undefined || !lit('-')) return false;
      const d = digits(2);
      if (d === undefined || m < 1 || m > 12) return false;
      year = y;
      month = m;
      day = d;
    } else if (part === 'T') {
      if (!lit('T')) return false;
    } else if (part === 'clock') {
      const h = num12();
      if (h === undefined || h > 23 || !lit(':')) return false;
      const mi = digits(2);
      if (mi === undefined || mi > 59 || !lit(':')) return false;
      const se = digits(2);
      if (se === undefined || se > 59) return false;
      // A fraction is read after the seconds even where the layout has none.
      if (/^[.,][0-9]/.test(s)) {
        s = s.slice(1);
        while (/^[0-9]/.test(s)) s = s.slice(1);
      }
    } else {
      if (lit('Z')) continue;
      if (s.length < 6 || s[3] !== ':' || (s[0] !== '+' && s[0] !== '-')) return false;
      const hh = s.slice(1, 3);
      const mm = s.slice(4, 6);
      if (!/^[0-9]{2}$/.test(hh) || !/^[0-9]{2}$/.test(mm)) return false;
      if (Number(hh) > 24 || Number(mm) > 60) return false;
      s = s.slice(6);
    }
  }
  if (s !== '') return false;
  if (month !== 0 && (day < 1 || day > daysIn(month, year))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// net/mail.ParseAddress (accepts or not): one mailbox, `addr-spec` or `display-name <addr-spec>`, or a
// group of one; comments, quoted strings, domain literals holding an IP address; RFC 2047 words in a
// display name fail only for a character set mime does not know.

class MailParser {
  constructor(public s: string) {}

  empty(): boolean {
    return this.s.length === 0;
  }
  peek(): string {
    return this.s[0]!;
  }
  consume(c: string): boolean {
    if (this.empty() || this.peek() !== c) return false;
    this.s = this.s.slice(1);
    return true;
  }
  skipSpace(): void {
    this.s = this.s.replace(/^[ \t]+/, '');
  }
  skipCFWS(): boolean {
    this.skipSpace();
    while (this.consume('(')) {
      if (this.consumeComment() === undefined) return false;
      this.skipSpace();
    }
    return true;
  }
  /** After `(`: the comment text, or undefined when it is not closed. */
  consumeComment(): string | undefined {
    let depth = 1;
    let comment = '';
    while (!this.empty() && depth !== 0) {
      if (this.peek() === '\\' && this.s.length > 1) this.s = this.s.slice(1);
      else if (this.peek() === '(') depth++;
      else if (this.peek() === ')') depth--;
      if (depth > 0) comment += this.s[0];
      this.s = this.s.slice(1);
    }
    return depth === 0 ? comment : undefined;
  }

  /** parseAddress: the number of addresses, or undefined on an error. */
  parseAddress(handleGroup: boolean): number | undefined {
    this.skipSpace();
    if (this.empty()) return undefined;
    if (this.consumeAddrSpec()) {
      this.skipSpace();
      if (!this.empty() && this.peek() === '(' && !this.consumeDisplayNameComment()) return undefined;
      return 1;
    }
    if (this.peek() !== '<' && !this.consumePhrase()) return undefined;
    this.skipSpace();
    if (handleGroup && this.consume(':')) return this.consumeGroupList();
    if (!this.consume('<')) return undefined;
    if (!this.consumeAddrSpec()) return undefined;
    return this.consume('>') ? 1 : undefined;
  }

  consumeGroupList(): number | undefined {
    let n = 0;
    this.skipSpace();
    if (this.consume(';')) return this.skipCFWS() ? 0 : undefined;
    for (;;) {
      this.skipSpace();
      const k = this.parseAddress(false);
      if (k === undefined) return undefined;
      n += k;
      if (!this.skipCFWS()) return undefined;
      if (this.consume(';')) return this.skipCFWS() ? n : undefined;
      if (!this.consume(',')) return undefined;
    }
  }

  /** consumeAddrSpec; on failure the input is left as it was. */
  consumeAddrSpec(): boolean {
    const orig = this.s;
    const ok = ((): boolean => {
      this.skipSpace();
      if (this.empty()) return false;
      if (this.peek() === '"') {
        const q = this.consumeQuotedString();
        if (q === undefined || q === '') return false;
      } else if (this.consumeAtom(true, false) === undefined) {
        return false;
      }
      if (!this.consume('@')) return false;
      this.skipSpace();
      if (this.empty()) return false;
      if (this.peek() === '[') return this.consumeDomainLiteral();
      return this.consumeAtom(true, false) !== undefined;
    })();
    if (!ok) this.s = orig;
    return ok;
  }

  consumePhrase(): boolean {
    let words = 0;
    for (;;) {
      if (words > 0 && !this.skipCFWS()) return false;
      this.skipSpace();
      if (this.empty()) break;
      if (this.peek() === '"') {
        if (this.consumeQuotedString() === undefined) break;
      } else {
        const atom = this.consumeAtom(true, true);
        if (atom === undefined || rfc2047Word(atom) === 'charset') break;
      }
      words++;
    }
    return words > 0;
  }

  consumeQuotedString(): string | undefined {
    let out = '';
    let escaped = false;
    let i = 1;
    for (;;) {
      const cp = this.s.codePointAt(i);
      if (cp === undefined) return undefined;
      const ch = String.fromCodePoint(cp);
      if (escaped) {
        if (!isVchar(cp) && !isWSP(cp)) return undefined;
        out += ch;
        escaped = false;
      } else if ((isVchar(cp) && ch !== '\\' && ch !== '"') || isWSP(cp)) {
        out += ch;
      } else if (ch === '"') {
        break;
      } else if (ch === '\\') {
        escaped = true;
      } else {
        return undefined;
      }
      i += ch.length;
    }
    this.s = this.s.slice(i + 1);
    return out;
  }

  consumeAtom(dot: boolean, permissive: boolean): string | undefined {
    let i = 0;
    while (i < this.s.length) {
      const cp = this.s.codePointAt(i)!;
      if (!isAtext(cp, dot)) break;
      i += cp > 0xffff ? 2 : 1;
    }
    if (i === 0) return undefined;
    const atom = this.s.slice(0, i);
    this.s = this.s.slice(i);
    if (!permissive && (atom.startsWith('.') || atom.includes('..') || atom.endsWith('.'))) return undefined;
    return atom;
  }

  consumeDomainLiteral(): boolean {
    if (!this.consume('[')) return false;
    let dtext = '';
    for (;;) {
      if (this.empty()) return false;
      if (this.peek() === ']') break;
      const cp = this.s.codePointAt(0)!;
      const ch = String.fromCodePoint(cp);
      if (!isVchar(cp) || ch === '[' || ch === ']' || ch === '\\') return false;
      dtext += ch;
      this.s = this.s.slice(ch.length);
    }
    if (!this.consume(']')) return false;
    // The Go that builds OPA v1.17.1 takes any IP address, with no `IPv6:` tag.
    return goParseIP(dtext) !== undefined;
  }

  consumeDisplayNameComment(): boolean {
    if (!this.consume('(')) return false;
    const comment = this.consumeComment();
    if (comment === undefined) return false;
    return comment.split(/[ \t]+/).filter((w) => w !== '').every((w) => rfc2047Word(w) !== 'charset');
  }
}

function isVchar(cp: number): boolean {
  return (cp >= 0x21 && cp <= 0x7e) || cp >= 0x80;
}

function isWSP(cp: number): boolean {
  return cp === 0x20 || cp === 0x09;
}

function isAtext(cp: number, dot: boolean): boolean {
  if (cp === 0x2e) return dot;
  if ('()<>[]:;@\\,"'.includes(String.fromCharCode(cp)) && cp < 0x80) return false;
  return isVchar(cp);
}

/** mime.WordDecoder.Decode as net/mail uses it: decoded, not an encoded word, or an unknown charset. */
function rfc2047Word(word: string): 'decoded' | 'plain' | 'charset' {
  if (Buffer.byteLength(word, 'utf8') < 8 || !word.startsWith('=?') || !word.endsWith('?=') || word.split('?').length !== 5) return 'plain';
  const inner = word.slice(2, -2);
  const q1 = inner.indexOf('?');
  const charset = inner.slice(0, q1);
  if (charset === '') return 'plain';
  const rest = inner.slice(q1 + 1);
  const q2 = rest.indexOf('?');
  const encoding = rest.slice(0, q2);
  const text = rest.slice(q2 + 1);
  if (Buffer.byteLength(encoding, 'utf8') !== 1) return 'plain';
  if (encoding === 'B' || encoding === 'b') {
    if (!goBase64Std(text)) return 'plain';
  } else if (encoding === 'Q' || encoding === 'q') {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (text[i] === '=') {
        if (i + 2 >= text.length || !/^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) return 'plain';
        i += 2;
      } else if (!((c >= 0x20 && c <= 0x7e) || c === 0x0a || c === 0x0d || c === 0x09)) {
        return 'plain';
      }
    }
  } else {
    return 'plain';
  }
  return ['utf-8', 'iso-8859-1', 'us-ascii'].includes(charset.toLowerCase()) ? 'decoded' : 'charset';
}

function parseMailAddress(s: string): boolean {
  const p = new MailParser(s);
  const n = p.parseAddress(true);
  if (n === undefined || !p.skipCFWS() || !p.empty()) return false;
  return n === 1;
}
