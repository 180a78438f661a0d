/** SQL LIKE pattern (`%` any run, `_` one character, `\` escapes) → an anchored RegExp. */
export function likeToRegExp(pattern: string, escape = '\\'): RegExp {
  let src = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === escape && i + 1 < pattern.length) {
      src += escapeRegExp(pattern[++i]!);
    } else if (ch === '%') src += '[\\s\\S]*';
    else if (ch === '_') src += '[\\s\\S]';
    else src += escapeRegExp(ch);
  }
  return new RegExp(`^${src}$`, 'u');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
