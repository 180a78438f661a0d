/**
 * Java regular expressions (what Spark's regexp functions take) run on JavaScript's engine: the pattern is
 * translated once per distinct (pattern, flags) pair and cached. Handled: leading inline flags `(?i)`,
 * `(?s)`, `(?m)`, `(?x)`; `\Q...\E`; `\A \z \Z \h \H \v \V \R \e \a \x{h} \0oo`; escaped punctuation of
 * any kind; POSIX classes such as `\p{Alpha}`; possessive quantifiers and atomic groups (as greedy ones);
 * a lone `]` or `}`; and `$` matching before a final line terminator. Anything JavaScript still rejects
 * is reported as an invalid pattern.
 */
const cache = new Map<string, RegExp>();
const MAX_CACHED = 512;

export class InvalidRegexError extends Error {}

export function javaRegex(pattern: string, flags = ''): RegExp {
  const key = `${flags}\u0000${pattern}`;
  let re = cache.get(key);
  if (re === undefined) {
    const t = translateJavaRegex(pattern);
    try {
      re = new RegExp(t.source, `${flags}${t.flags}u`);
    } catch (e) {
      throw new InvalidRegexError(`${(e as Error).message.replace(/^Invalid regular expression: /, '')}`);
    }
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, re);
  }
  return re;
}

/** Spark's message for a pattern that does not compile. */
export function invalidPatternMessage(fn: string, pattern: string): string {
  return `[INVALID_PARAMETER_VALUE.PATTERN] The value of parameter(s) \`regexp\` in \`${fn}\` is invalid: '${pattern}'`;
}

const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\u{0}-\\u{7f}', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\u{0}-\\u{1f}\\u{7f}',
  XDigit: '0-9a-fA-F', Space: ' \\t\\n\\u{b}\\f\\r',
  javaLowerCase: '\\p{Ll}', javaUpperCase: '\\p{Lu}', javaWhitespace: '\\s', IsAlphabetic: '\\p{Alphabetic}',
  IsLetter: '\\p{L}', IsDigit: '\\p{Nd}', IsWhite_Space: '\\p{White_Space}', IsPunctuation: '\\p{P}',
};

const HSPACE = ' \\t\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}';
const VSPACE = '\\n\\u{b}\\f\\r\\u{85}\\u{2028}\\u{2029}';
const END_OF_INPUT = '(?![\\s\\S])';

function literal(c: string): string {
  return /[A-Za-z0-9]/.test(c) ? c : `\\u{${c.codePointAt(0)!.toString(16)}}`;
}

export function translateJavaRegex(p: string): { source: string; flags: string } {
  let i = 0;
  let flags = '';
  let extended = false;
  // Leading inline flags; JavaScript has only whole-pattern flags.
  for (let m = /^\(\?([idmsuxU]+)\)/.exec(p.slice(i)); m !== null; m = /^\(\?([idmsuxU]+)\)/.exec(p.slice(i))) {
    for (const f of m[1]!) {
      if ((f === 'i' || f === 'm' || f === 's') && !flags.includes(f)) flags += f;
      if (f === 'x') extended = true;
    }
    i += m[0].length;
  }
  const multiline = flags.includes('m');
  let out = '';
  let inClass = false;
  let classStart = false;
  let afterAtom = false;
  while (i < p.length) {
    const c = p[i]!;
    if (c === '\\') {
      const d = p[i + 1];
      if (d === undefined) throw new InvalidRegexError('unexpected end of pattern after \\');
      i += 2;
      if (d === 'Q') {
        const end = p.indexOf('\\E', i);
        const text = end < 0 ? p.slice(i) : p.slice(i, end);
        for (const ch of text) out += literal(ch);
        i = end < 0 ? p.length : end + 2;
      } else if (d === 'A' && !inClass) out += '(?<![\\s\\S])';
      else if (d === 'z' && !inClass) out += END_OF_INPUT;
      else if (d === 'Z' && !inClass) out += `(?=(?:\\r\\n|[${VSPACE}])?${END_OF_INPUT})`;
      else if (d === 'h') out += inClass ? HSPACE : `[${HSPACE}]`;
      else if (d === 'H') out += `[^${HSPACE}]`;
      else if (d === 'v') out += inClass ? VSPACE : `[${VSPACE}]`;
      else if (d === 'V') out += `[^${VSPACE}]`;
      else if (d === 'R' && !inClass) out += `(?:\\r\\n|[${VSPACE}])`;
      else if (d === 'e') out += '\\u{1b}';
      else if (d === 'a') out += '\\u{7}';
      else if (d === 'x' && p[i] === '{') {
        const end = p.indexOf('}', i);
        if (end < 0) throw new InvalidRegexError('unclosed hexadecimal escape');
        out += `\\u{${p.slice(i + 1, end)}}`;
        i = end + 1;
      } else if (d === '0') {
        const m = /^[0-3]?[0-7]{1,2}/.exec(p.slice(i));
        if (!m) throw new InvalidRegexError('illegal octal escape sequence');
        out += `\\u{${parseInt(m[0], 8).toString(16)}}`;
        i += m[0].length;
      } else if ((d === 'p' || d === 'P') && p[i] === '{') {
        const end = p.indexOf('}', i);
        if (end < 0) throw new InvalidRegexError('unclosed character family');
        const name = p.slice(i + 1, end).replace(/^Is(?=(Lower|Upper|ASCII|Alpha|Digit|Alnum|Punct|Graph|Print|Blank|Cntrl|XDigit|Space)$)/, '');
        const posix = POSIX[name];
        if (posix === undefined) out += `\\${d}{${name.replace(/^(Is|In)(?=[A-Z])/, '')}}`;
        else if (d === 'p') out += inClass ? posix : `[${posix}]`;
        else if (inClass) throw new InvalidRegexError(`negated class \\P{${name}} inside a character class`);
        else out += `[^${posix}]`;
        i = end + 1;
      } else if (/[A-Za-z0-9]/.test(d)) out += `\\${d}`;
      else out += literal(d);
      afterAtom = !inClass;
      classStart = false;
      continue;
    }
    if (inClass) {
      if (c === ']' && !classStart) { inClass = false; afterAtom = true; out += ']'; }
      else if (c === ']') out += '\\]';
      else if (c === '[' || (c === '&' && p[i + 1] === '&')) throw new InvalidRegexError('nested character classes and class intersections are not supported');
      else out += c;
      classStart = false;
      i++;
      continue;
    }
    if (extended && /\s/.test(c)) { i++; continue; }
    if (extended && c === '#') {
      while (i < p.length && p[i] !== '\n') i++;
      continue;
    }
    switch (c) {
      case '[':
        inClass = true;
        classStart = true;
        out += '[';
        i++;
        if (p[i] === '^') { out += '^'; i++; }
        continue;
      case ']':
        out += '\\]';
        break;
      case '}':
        out += '\\}';
        break;
      case '$':
        out += multiline ? '$' : `(?=(?:\\r\\n|[${VSPACE}])?${END_OF_INPUT})`;
        break;
      case '(':
        if (p.startsWith('(?>', i)) { out += '(?:'; i += 3; afterAtom = false; continue; }
        out += '(';
        afterAtom = false;
        i++;
        continue;
      case '*': case '+': case '?': case '{': {
        if (!afterAtom) { out += c; i++; continue; }
        let q: string = c;
        if (c === '{') {
          const m = /^\{\d+(,\d*)?\}/.exec(p.slice(i));
          if (!m) { out += '\\{'; i++; afterAtom = true; continue; }
          q = m[0];
        }
        i += q.length;
        out += q;
        if (p[i] === '?') { out += '?'; i++; }
        else if (p[i] === '+') i++; // possessive: matched greedily here
        afterAtom = false;
        continue;
      }
      default:
        out += c;
    }
    afterAtom = c !== '|' && c !== '^';
    i++;
  }
  if (inClass) throw new InvalidRegexError('unclosed character class');
  return { source: out, flags };
}
