import { AnalysisError } from '@caudal/core';

/** Characters that make a path component a glob (Hadoop's glob syntax, as Spark accepts in paths). */
const GLOB_CHARS = /[*?[{]/;

export function isGlob(component: string): boolean {
  return GLOB_CHARS.test(component);
}

/**
 * One path component's glob as an anchored RegExp: `*` any run of characters, `?` one character,
 * `[abc]` / `[a-z]` / `[^a]` / `[!a]` a character class, `{a,b}` alternatives, `\x` the literal x.
 * Globs never match across `/`; the caller matches component by component.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[++i]!);
    } else if (c === '*') {
      out += '.*';
    } else if (c === '?') {
      out += '.';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = glob.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) {
      out += '|';
    } else {
      out += escapeRegExp(c);
    }
  }
  if (braces > 0) throw new AnalysisError(`Illegal file pattern: Unclosed group near index ${glob.length} in '${glob}'`);
  return new RegExp(`^${out}$`, 's');
}

function escapeRegExp(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}
