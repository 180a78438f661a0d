// Compares one query's normalised outputs, Caudal against Spark (the reference): the schema (names and
// types), the batch ids, and each batch's rows — exact for strings and integers, doubles within 1e-9
// relative, as a multiset unless the query orders its rows.
import type { KnownDifference, OutputBatch, OutputField, QuerySpec, RunnerOutput } from './spec.ts';

export type Outcome = 'match' | 'known' | 'unsupported' | 'now-supported' | 'mismatch';

export interface Verdict {
  readonly name: string;
  readonly outcome: Outcome;
  /** Human-readable detail: the diff for a mismatch, the differences for a known one. */
  readonly lines: readonly string[];
}

const REL_TOLERANCE = 1e-9;
/** Rows printed per side and batch in a diff. */
const SHOW_ROWS = 25;

/** A data type parsed from Spark's `simpleString` (`struct<a:int,b:array<double>>`). */
type TypeNode =
  | { readonly kind: 'atomic'; readonly name: string }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'map'; readonly key: TypeNode; readonly value: TypeNode }
  | { readonly kind: 'struct'; readonly fields: readonly { readonly name: string; readonly type: TypeNode }[] };

export function parseSimpleType(text: string): TypeNode {
  let pos = 0;
  const peek = (s: string): boolean => text.startsWith(s, pos);
  const expect = (s: string): void => {
    if (!peek(s)) throw new Error(`type ${text}: expected '${s}' at ${pos}`);
    pos += s.length;
  };
  const word = (stops: string): string => {
    const start = pos;
    let depth = 0;
    while (pos < text.length) {
      const c = text[pos]!;
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (depth === 0 && stops.includes(c)) break;
      pos++;
    }
    return text.slice(start, pos);
  };
  const node = (): TypeNode => {
    if (peek('array<')) {
      expect('array<');
      const element = node();
      expect('>');
      return { kind: 'array', element };
    }
    if (peek('map<')) {
      expect('map<');
      const key = node();
      expect(',');
      const value = node();
      expect('>');
      return { kind: 'map', key, value };
    }
    if (peek('struct<')) {
      expect('struct<');
      const fields: { name: string; type: TypeNode }[] = [];
      while (!peek('>')) {
        const name = word(':');
        expect(':');
        fields.push({ name, type: node() });
        if (peek(',')) expect(',');
      }
      expect('>');
      return { kind: 'struct', fields };
    }
    return { kind: 'atomic', name: word(',>') };
  };
  const t = node();
  if (pos !== text.length) throw new Error(`type ${text}: unexpected text at ${pos}`);
  return t;
}

function asNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  if (v === 'NaN') return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  const n = Number(v);
  return v.trim() !== '' && !Number.isNaN(n) ? n : undefined;
}

function closeDoubles(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Whether two encoded values are equal under the reference type `t` (Spark's). */
export function sameValue(t: TypeNode, a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  switch (t.kind) {
    case 'atomic': {
      if (t.name === 'double' || t.name === 'float' || t.name.startsWith('decimal')) {
        const x = asNumber(a);
        const y = asNumber(b);
        return x !== undefined && y !== undefined && closeDoubles(x, y);
      }
      return JSON.stringify(a) === JSON.stringify(b);
    }
    case 'array':
      return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(t.element, x, b[i]));
    case 'map': {
      if (typeof a !== 'object' || typeof b !== 'object') return false;
      const ka = Object.keys(a as object);
      const kb = new Set(Object.keys(b as object));
      return ka.length === kb.size && ka.every((k) => kb.has(k)
        && sameValue(t.value, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
    }
    case 'struct': {
      if (typeof a !== 'object' || typeof b !== 'object') return false;
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      if (Object.keys(ra).length !== Object.keys(rb).length) return false;
      return t.fields.every((f) => f.name in ra && f.name in rb && sameValue(f.type, ra[f.name], rb[f.name]));
    }
  }
}

/** A coarse text key under which equal rows always fall together (doubles rounded to 6 digits). */
function bucketKey(types: readonly TypeNode[], row: readonly unknown[]): string {
  const coarse = (t: TypeNode, v: unknown): unknown => {
    if (v === null) return null;
    if (t.kind === 'atomic') {
      if (t.name === 'double' || t.name === 'float' || t.name.startsWith('decimal')) {
        const n = asNumber(v);
        return n === undefined ? v : Number.isFinite(n) ? Number(n.toPrecision(6)) : String(n);
      }
      return v;
    }
    if (t.kind === 'array') return Array.isArray(v) ? v.map((x) => coarse(t.element, x)) : v;
    if (t.kind === 'map') {
      return typeof v === 'object' ? Object.keys(v as object).sort().map((k) => [k, coarse(t.value, (v as Record<string, unknown>)[k])]) : v;
    }
    return typeof v === 'object' ? t.fields.map((f) => coarse(f.type, (v as Record<string, unknown>)[f.name])) : v;
  };
  return JSON.stringify(types.map((t, i) => coarse(t, row[i])));
}

function sameRow(types: readonly TypeNode[], a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && types.every((t, i) => sameValue(t, a[i], b[i]));
}

interface RowDiff {
  readonly onlyCaudal: readonly (readonly unknown[])[];
  readonly onlySpark: readonly (readonly unknown[])[];
  /** Ordered comparison only: positions whose rows differ. */
  readonly positions: readonly number[];
  readonly matched: number;
}

function diffRows(types: readonly TypeNode[], caudal: readonly (readonly unknown[])[], spark: readonly (readonly unknown[])[], ordered: boolean): RowDiff {
  if (ordered) {
    const positions: number[] = [];
    const n = Math.max(caudal.length, spark.length);
    for (let i = 0; i < n; i++) {
      const a = caudal[i];
      const b = spark[i];
      if (a === undefined || b === undefined || !sameRow(types, a, b)) positions.push(i);
    }
    return { onlyCaudal: [], onlySpark: [], positions, matched: n - positions.length };
  }
  // Multiset matching: equal rows share a bucket; what is left over is matched pairwise across buckets
  // (a double near a rounding boundary of the bucket key).
  const buckets = new Map<string, (readonly unknown[])[]>();
  for (const r of spark) {
    const k = bucketKey(types, r);
    const list = buckets.get(k);
    if (list === undefined) buckets.set(k, [r]); else list.push(r);
  }
  const leftCaudal: (readonly unknown[])[] = [];
  let matched = 0;
  for (const r of caudal) {
    const list = buckets.get(bucketKey(types, r));
    const j = list === undefined ? -1 : list.findIndex((s) => sameRow(types, r, s));
    if (j >= 0) {
      list!.splice(j, 1);
      matched++;
    } else {
      leftCaudal.push(r);
    }
  }
  const leftSpark = [...buckets.values()].flat();
  const onlyCaudal: (readonly unknown[])[] = [];
  for (const r of leftCaudal) {
    const j = leftSpark.findIndex((s) => sameRow(types, r, s));
    if (j >= 0) {
      leftSpark.splice(j, 1);
      matched++;
    } else {
      onlyCaudal.push(r);
    }
  }
  return { onlyCaudal, onlySpark: leftSpark, positions: [], matched };
}

function showRow(names: readonly string[], row: readonly unknown[] | undefined): string {
  if (row === undefined) return '(no row)';
  const text = `{${names.map((n, i) => `${n}: ${JSON.stringify(row[i])}`).join(', ')}}`;
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
}

function describeDiff(names: readonly string[], d: RowDiff, caudal: readonly (readonly unknown[])[], spark: readonly (readonly unknown[])[]): string[] {
  const out: string[] = [];
  if (d.positions.length > 0) {
    out.push(`    ${d.positions.length} of ${Math.max(caudal.length, spark.length)} positions differ (ordered output; Caudal ${caudal.length} rows, Spark ${spark.length}):`);
    for (const i of d.positions.slice(0, SHOW_ROWS)) {
      out.push(`      [${i}] caudal ${showRow(names, caudal[i])}`);
      out.push(`      [${i}] spark  ${showRow(names, spark[i])}`);
    }
    if (d.positions.length > SHOW_ROWS) out.push(`      ... ${d.positions.length - SHOW_ROWS} more positions`);
    return out;
  }
  out.push(`    ${d.matched} rows equal; ${d.onlyCaudal.length} only in Caudal, ${d.onlySpark.length} only in Spark (Caudal ${caudal.length} rows, Spark ${spark.length}):`);
  for (const [label, rows] of [['- caudal', d.onlyCaudal], ['+ spark ', d.onlySpark]] as const) {
    for (const r of rows.slice(0, SHOW_ROWS)) out.push(`      ${label} ${showRow(names, r)}`);
    if (rows.length > SHOW_ROWS) out.push(`      ${label} ... ${rows.length - SHOW_ROWS} more rows`);
  }
  return out;
}

function hasDiff(d: RowDiff): boolean {
  return d.positions.length > 0 || d.onlyCaudal.length > 0 || d.onlySpark.length > 0;
}

/** The batches of both sides, with their rows restricted to the columns at `keep`. */
function project(batches: readonly OutputBatch[], keep: readonly number[]): Map<number, (readonly unknown[])[]> {
  return new Map(batches.map((b) => [b.batchId, b.rows.map((r) => keep.map((i) => r[i]))]));
}

interface BatchesDiff { readonly lines: string[]; readonly differs: boolean }

function diffBatches(
  names: readonly string[], types: readonly TypeNode[], keep: readonly number[],
  caudal: readonly OutputBatch[], spark: readonly OutputBatch[], ordered: boolean,
): BatchesDiff {
  const a = project(caudal, keep);
  const b = project(spark, keep);
  const keptNames = keep.map((i) => names[i]!);
  const keptTypes = keep.map((i) => types[i]!);
  const lines: string[] = [];
  const idsA = [...a.keys()].sort((x, y) => x - y);
  const idsB = [...b.keys()].sort((x, y) => x - y);
  if (JSON.stringify(idsA) !== JSON.stringify(idsB)) {
    lines.push(`  batch ids differ: Caudal [${idsA.join(', ')}], Spark [${idsB.join(', ')}]`);
  }
  for (const id of [...new Set([...idsA, ...idsB])].sort((x, y) => x - y)) {
    const ra = a.get(id) ?? [];
    const rb = b.get(id) ?? [];
    const d = diffRows(keptTypes, ra, rb, ordered);
    if (hasDiff(d)) {
      lines.push(`  batch ${id}:`);
      lines.push(...describeDiff(keptNames, d, ra, rb));
    }
  }
  return { lines, differs: lines.length > 0 };
}

/**
 * Caudal's batches with each declared substitution applied: a Caudal value equal to `k.caudal` becomes `k.spark`
 * when Spark has `k.spark` at the same batch, column and value count (so it cannot hide a different row).
 */
function substitute(
  caudal: readonly OutputBatch[], spark: readonly OutputBatch[], names: readonly string[],
  subs: readonly KnownDifference[], knownLines: string[],
): readonly OutputBatch[] {
  if (subs.length === 0) return caudal;
  const text = (v: unknown): string => JSON.stringify(v);
  const sparkById = new Map(spark.map((b) => [b.batchId, b]));
  const counts = subs.map(() => 0);
  const out = caudal.map((b) => {
    const ref = sparkById.get(b.batchId);
    const rows = b.rows.map((r) => [...r]);
    subs.forEach((k, si) => {
      const c = names.indexOf(k.column);
      if (c < 0 || ref === undefined) return;
      // As many replacements as Spark has the value there and Caudal lacks it.
      let budget = ref.rows.filter((r) => text(r[c]) === text(k.spark)).length - rows.filter((r) => text(r[c]) === text(k.spark)).length;
      for (const r of rows) {
        if (budget <= 0) break;
        if (text(r[c]) === text(k.caudal)) {
          r[c] = k.spark;
          budget--;
          counts[si]!++;
        }
      }
    });
    return { batchId: b.batchId, rows };
  });
  subs.forEach((k, si) => {
    if (counts[si]! > 0) {
      knownLines.push(`  column '${k.column}': ${counts[si]} value(s) Caudal ${text(k.caudal)} where Spark has ${text(k.spark)} (known: ${k.reason})`);
    }
  });
  return out;
}

function knownFor(known: readonly KnownDifference[], column: string, aspect: KnownDifference['aspect']): KnownDifference | undefined {
  return known.find((k) => k.column === column && k.aspect === aspect);
}

function describeSchema(fields: readonly OutputField[]): string {
  return fields.map((f) => `${f.name}: ${f.type}`).join(', ');
}

export function compareOutputs(spec: QuerySpec, caudal: RunnerOutput, spark: RunnerOutput): Verdict {
  const name = spec.name;
  if (spark.status === 'error') {
    return { name, outcome: 'mismatch', lines: [`  Spark failed (the spec is wrong): ${spark.error}`, `  Caudal: ${caudal.status === 'error' ? caudal.error : 'ok'}`] };
  }
  if (caudal.status === 'error') {
    if (spec.caudalUnsupported !== undefined) {
      return { name, outcome: 'unsupported', lines: [`  not yet supported in Caudal: ${spec.caudalUnsupported}`, `  Caudal says: ${caudal.error}`] };
    }
    return { name, outcome: 'mismatch', lines: [`  Caudal failed: ${caudal.error}`, `  Spark: ${spark.batches.length} batches, ${describeSchema(spark.schema)}`] };
  }

  const known = spec.known ?? [];
  const failures: string[] = [];
  const knownLines: string[] = [];

  // Schema: names and types, column by column.
  const names = spark.schema.map((f) => f.name);
  if (caudal.schema.length !== spark.schema.length) {
    failures.push(`  schema differs: Caudal [${describeSchema(caudal.schema)}], Spark [${describeSchema(spark.schema)}]`);
  } else {
    spark.schema.forEach((f, i) => {
      const c = caudal.schema[i]!;
      if (c.name !== f.name) {
        const k = knownFor(known, f.name, 'name');
        const line = `  column ${i}: name Caudal '${c.name}', Spark '${f.name}'`;
        if (k !== undefined) knownLines.push(`${line} (known: ${k.reason})`);
        else failures.push(line);
      }
      if (c.type !== f.type) {
        const k = knownFor(known, f.name, 'type');
        const line = `  column '${f.name}': type Caudal ${c.type}, Spark ${f.type}`;
        if (k !== undefined) knownLines.push(`${line} (known: ${k.reason})`);
        else failures.push(line);
      }
    });
  }

  if (caudal.schema.length === spark.schema.length) {
    const types = spark.schema.map((f) => parseSimpleType(f.type));
    const all = names.map((_, i) => i);
    // Declared value substitutions: where Caudal has exactly `caudal` and Spark exactly `spark` at the same row.
    const substitutions = known.filter((k) => k.aspect === 'values' && 'caudal' in k && 'spark' in k);
    const caudalBatches = substitute(caudal.batches, spark.batches, names, substitutions, knownLines);
    const excluded = all.filter((i) => known.some((k) => k.column === names[i] && k.aspect === 'values' && !('caudal' in k)));
    const kept = all.filter((i) => !excluded.includes(i));
    const strict = diffBatches(names, types, kept, caudalBatches, spark.batches, spec.ordered === true);
    failures.push(...strict.lines);
    if (!strict.differs && excluded.length > 0) {
      const full = diffBatches(names, types, all, caudalBatches, spark.batches, spec.ordered === true);
      if (full.differs) {
        for (const i of excluded) {
          const k = known.find((x) => x.column === names[i] && x.aspect === 'values' && !('caudal' in x))!;
          knownLines.push(`  column '${names[i]}' values differ (known: ${k.reason}):`);
        }
        knownLines.push(...full.lines.slice(0, 12 * 2));
      }
    }
  }

  // Declared differences that no longer show up are worth knowing about too.
  const unusedKnown = known.filter((k) => !knownLines.some((l) => l.includes(`'${k.column}'`)));
  const stale = unusedKnown.map((k) => `  note: declared known difference on '${k.column}' (${k.aspect}) did not occur`);

  if (failures.length > 0) return { name, outcome: 'mismatch', lines: [...failures, ...knownLines] };
  if (spec.caudalUnsupported !== undefined) {
    return { name, outcome: 'now-supported', lines: [`  Caudal now runs this query and matches Spark: remove its caudalUnsupported mark (${spec.caudalUnsupported})`] };
  }
  if (knownLines.length > 0) return { name, outcome: 'known', lines: [...knownLines, ...stale] };
  return { name, outcome: 'match', lines: stale };
}
