import { OptionError } from '@caudal/core';

/**
 * Spark's `sep`/`delimiter` option: one or more characters, where `\t`, `\r`, `\b`, `\f`, `\"`, `\'` and `\\`
 * written as two characters stand for the character, and a lone backslash is refused.
 */
export function delimiterOption(raw: string): string {
  let out = '';
  let i = 0;
  if (raw === '') throw new OptionError('Delimiter cannot be empty string');
  while (i < raw.length) {
    const step = raw[i] === '\\' ? 2 : 1;
    out += delimiterChar(raw.slice(i, i + step));
    i += step;
  }
  return out;
}

function delimiterChar(s: string): string {
  if (s === '\\') {
    throw new OptionError(
      'Single backslash is prohibited. It has special meaning as beginning of an escape sequence. ' +
      'To get the backslash character, pass a string with two backslashes as the delimiter.',
    );
  }
  if (s.length === 1) return s;
  switch (s[1]) {
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    case '"': return '"';
    case "'": return "'";
    case '\\': return '\\';
    default: throw new OptionError(`Unsupported special character for delimiter: ${s}`);
  }
}
