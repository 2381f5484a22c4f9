// gojsonschema's format checkers (format_checkers.go) for strings. `checkFormat` answers true / false, or
// undefined for a checker not reproduced here (email and idn-email: net/mail's address parser), which the
// caller turns into an evaluation error. Names gojsonschema does not know always pass.
import { compileGoRegexp } from './regexp.ts';
import { goUrlParse } from './gourl.ts';

const RX_HOSTNAME = /^([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9])(\.([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]{0,61}[a-zA-Z0-9]))*$/;
const RX_UUID = /^[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}$/;
const RX_JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/su;
const RX_REL_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/su;

type Checker = (s: string) => boolean | undefined;

const CHECKERS: Record<string, Checker> = {
  date: (s) => timeParse(s, ['date']),
  time: (s) => timeParse(s, ['clock', 'tz']) || timeParse(s, ['clock']),
  'date-time': (s) =>
    timeParse(s, ['clock']) || timeParse(s, ['clock', 'tz']) || timeParse(s, ['date']) || timeParse(s, ['date', 'T', 'clock', 'tz']),
  hostname: (s) => RX_HOSTNAME.test(s) && Buffer.byteLength(s, 'utf8') < 256,
  email: () => undefined,
  'idn-email': () => undefined,
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

/** Whether `s` has the format; undefined where the checker is not reproduced. */
export function checkFormat(name: string, s: string): boolean | undefined {
  const c = CHECKERS[name];
  return c ? c(s) : true;
}

// ---------------------------------------------------------------------------------------------
// net.ParseIP (accepts or not).

function ipv4Bytes(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^[0-9]{1,3}$/.test(p) && !(p.length > 1 && p[0] === '0') && Number(p) <= 255);
}

function parseIP(s: string): boolean {
  if (ipv4Bytes(s)) return true;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const count = (text: string): number | undefined => {
    if (text === '') return 0;
    const parts = text.split(':');
    let n = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (i === parts.length - 1 && p.includes('.')) {
        if (!ipv4Bytes(p)) return undefined;
        n += 4;
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
        n += 2;
      }
    }
    return n;
  };
  const head = count(halves[0]!);
  const tail = halves.length === 2 ? count(halves[1]!) : 0;
  if (head === undefined || tail === undefined) return false;
  if (halves.length === 1) return head === 16;
  return head + tail <= 14;
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
