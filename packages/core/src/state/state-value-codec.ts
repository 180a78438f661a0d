/**
 * JSON text for values that JSON cannot hold by itself (NaN and infinities, binary, maps, dates),
 * so state files stay readable and exact: `{"$f":"NaN"}`, `{"$b":"<base64>"}`, `{"$m":[[k,v],...]}`.
 */
export function encodeStateValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : { $f: String(v) };
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Uint8Array) return { $b: Buffer.from(v).toString('base64') };
  if (v instanceof Date) return { $d: v.getTime() };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encodeStateValue(k), encodeStateValue(x)]) };
  if (Array.isArray(v)) return v.map(encodeStateValue);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = encodeStateValue(x);
    return { $o: out };
  }
  throw new Error(`internal: cannot store a ${typeof v} in state`);
}

/**
 * `JSON.stringify(encodeStateValue(v))`, written directly for strings, booleans, finite numbers, nulls and
 * arrays of them (the common keys and buffers) instead of building the encoded copy first.
 */
export function stateValueJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (typeof v) {
    case 'string': return JSON.stringify(v);
    case 'boolean': return v ? 'true' : 'false';
    // String() writes a finite number as JSON does (-0 as 0).
    case 'number': return Number.isFinite(v) ? String(v) : JSON.stringify(encodeStateValue(v));
    default: break;
  }
  if (!Array.isArray(v)) return JSON.stringify(encodeStateValue(v));
  let out = '[';
  for (let i = 0; i < v.length; i++) out += (i === 0 ? '' : ',') + stateValueJson(v[i]);
  return out + ']';
}

export function decodeStateValue(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(decodeStateValue);
  const o = v as Record<string, unknown>;
  if ('$f' in o) return Number(o.$f);
  if ('$b' in o) return new Uint8Array(Buffer.from(o.$b as string, 'base64'));
  if ('$d' in o) return new Date(o.$d as number);
  if ('$m' in o) return new Map((o.$m as [unknown, unknown][]).map(([k, x]) => [decodeStateValue(k), decodeStateValue(x)]));
  if ('$o' in o) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o.$o as Record<string, unknown>)) out[k] = decodeStateValue(x);
    return out;
  }
  throw new Error(`State file entry is damaged: unexpected object ${JSON.stringify(v).slice(0, 60)}`);
}
