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
