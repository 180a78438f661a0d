import { JsonNumber, type JsonValue } from './json-parser.ts';

/**
 * The JSONPath subset of Spark's `get_json_object`: `$`, `.name`, `['name']`, `[n]` and `[*]`. A path that
 * matches several values (through `[*]`) gives them as an array, a single match is returned unwrapped.
 */
export type PathStep = { readonly kind: 'key'; readonly name: string } | { readonly kind: 'index'; readonly index: number } | { readonly kind: 'wildcard' };

/** The steps of a path, or null when the path is not valid (get_json_object then returns null). */
export function parseJsonPath(path: string): PathStep[] | null {
  if (!path.startsWith('$')) return null;
  const steps: PathStep[] = [];
  let i = 1;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      let j = i + 1;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      const name = path.slice(i + 1, j);
      if (name === '') return null;
      steps.push(name === '*' ? { kind: 'wildcard' } : { kind: 'key', name });
      i = j;
    } else if (c === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) return null;
      const inner = path.slice(i + 1, end).trim();
      if (inner === '*') steps.push({ kind: 'wildcard' });
      else if (/^\d+$/.test(inner)) steps.push({ kind: 'index', index: Number(inner) });
      else if (/^'[^']*'$/.test(inner)) steps.push({ kind: 'key', name: inner.slice(1, -1) });
      else return null;
      i = end + 1;
    } else return null;
  }
  return steps;
}

/** The value at the path, or undefined when nothing matches. */
export function evaluateJsonPath(v: JsonValue, steps: readonly PathStep[], from = 0): JsonValue | undefined {
  let cur: JsonValue = v;
  for (let k = from; k < steps.length; k++) {
    const s = steps[k]!;
    if (cur === null || typeof cur !== 'object' || cur instanceof JsonNumber) return undefined;
    if (s.kind === 'key') {
      if (Array.isArray(cur)) return undefined;
      const next = cur.get(s.name);
      if (next === undefined) return undefined;
      cur = next;
    } else if (s.kind === 'index') {
      if (!Array.isArray(cur) || s.index >= cur.length) return undefined;
      cur = cur[s.index]!;
    } else {
      const items: JsonValue[] = Array.isArray(cur) ? cur : [...cur.values()];
      const found: JsonValue[] = [];
      for (const item of items) {
        const r = evaluateJsonPath(item, steps, k + 1);
        if (r !== undefined && r !== null) found.push(r);
      }
      if (found.length === 0) return undefined;
      return found.length === 1 ? found[0]! : found;
    }
  }
  return cur;
}
