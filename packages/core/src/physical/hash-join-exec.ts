import { ColumnBatch } from '../data/column-batch.ts';
import { compileExpr, type Evaluator } from '../expr/compile-expression.ts';
import type { Join } from '../logical/logical-plan.ts';
import { splitJoinCondition } from '../logical/join-condition.ts';
import { StructType } from '../types/schema.ts';
import { compileConjunction, joinedBatch, keyCodes, NO_MATCH, takeOrNull, type KeyCode } from './join-rows.ts';
import type { ExecContext, PhysicalOperator } from './physical-operator.ts';

/** Candidate pairs evaluated together: bounds the memory of a join with many matches (or a cross join). */
const CHUNK_PAIRS = 1 << 16;

/**
 * A join without state: static ⋈ static, and stream ⋈ static (the static side is read again for every
 * micro-batch, as in Spark, so a changed table is seen by the next batch). A hash table is built on the
 * build side (the static side of a stream-static join, else the right) keyed by the equi-join keys of the
 * condition; rows of the other side probe it and each candidate pair must pass the rest of the condition.
 * Without equi-join keys every pair is a candidate (nested loop). Output order: probe rows in order, each
 * followed by its matches (or its NULL-padded row), then unmatched build rows (outer joins).
 */
export class HashJoinExec implements PhysicalOperator {
  readonly name;
  readonly children;
  readonly schema;
  private readonly leftKeys: Evaluator[];
  private readonly rightKeys: Evaluator[];
  private readonly nullSafe: boolean[];
  private readonly residual;
  private readonly pairSchema: StructType;
  private readonly semiOrAnti: boolean;

  constructor(
    readonly left: PhysicalOperator,
    readonly right: PhysicalOperator,
    readonly plan: Join,
    /** The side the hash table is built on (semi/anti joins always build on the right). */
    readonly buildSide: 'left' | 'right',
  ) {
    this.children = [left, right];
    this.schema = plan.schema;
    const parts = splitJoinCondition(plan.condition, plan.left.schema.length);
    this.leftKeys = parts.keys.map((k) => compileExpr(k.left));
    this.rightKeys = parts.keys.map((k) => compileExpr(k.right));
    this.nullSafe = parts.keys.map((k) => k.nullSafe);
    this.residual = compileConjunction(parts.residual);
    this.pairSchema = new StructType([...plan.left.schema.fields, ...plan.right.schema.fields]);
    this.semiOrAnti = plan.joinType === 'LeftSemi' || plan.joinType === 'LeftAnti';
    this.name = parts.keys.length > 0 ? 'HashJoin' : 'NestedLoopJoin';
  }

  execute(ctx: ExecContext): ColumnBatch[] {
    const L = ColumnBatch.concat(this.left.schema, this.left.execute(ctx));
    const R = ColumnBatch.concat(this.right.schema, this.right.execute(ctx));
    const buildLeft = this.buildSide === 'left' && !this.semiOrAnti;
    const [build, probe] = buildLeft ? [L, R] : [R, L];
    const buildCodes = keyCodes((buildLeft ? this.leftKeys : this.rightKeys).map((k) => k(build, ctx.eval)), this.nullSafe, build.numRows);
    const probeCodes = keyCodes((buildLeft ? this.rightKeys : this.leftKeys).map((k) => k(probe, ctx.eval)), this.nullSafe, probe.numRows);
    const table = new Map<KeyCode, number[]>();
    for (let i = 0; i < build.numRows; i++) {
      const code = buildCodes[i];
      if (code === NO_MATCH) continue;
      const bucket = table.get(code);
      if (bucket) bucket.push(i);
      else table.set(code, [i]);
    }
    const t = this.plan.joinType;
    const probeOuter = buildLeft ? t === 'RightOuter' || t === 'FullOuter' : t === 'LeftOuter' || t === 'FullOuter';
    const buildOuter = buildLeft ? t === 'LeftOuter' || t === 'FullOuter' : t === 'RightOuter' || t === 'FullOuter';
    const buildMatched = new Uint8Array(build.numRows);
    const out: ColumnBatch[] = [];
    // Output rows as (left index, right index) with -1 for a missing side; semi/anti: left indices only.
    const outL: number[] = [];
    const outR: number[] = [];
    const flush = (): void => {
      if (outL.length === 0) return;
      if (this.semiOrAnti) out.push(L.take(outL));
      else out.push(joinedBatch(this.schema, L.columns.map((c) => takeOrNull(c, outL, outL.length)), R.columns.map((c) => takeOrNull(c, outR, outR.length)), outL.length));
      outL.length = 0;
      outR.length = 0;
    };

    let p = 0;
    while (p < probe.numRows) {
      // One chunk: whole probe rows, with their candidate pairs.
      const first = p;
      const starts: number[] = [];
      const candProbe: number[] = [];
      const candBuild: number[] = [];
      while (p < probe.numRows && (candProbe.length < CHUNK_PAIRS || p === first)) {
        starts.push(candProbe.length);
        const code = probeCodes[p];
        const bucket = code === NO_MATCH ? undefined : table.get(code);
        if (bucket) for (const b of bucket) { candProbe.push(p); candBuild.push(b); }
        p++;
      }
      starts.push(candProbe.length);
      let pass: Uint8Array | null = null;
      if (this.residual && candProbe.length > 0) {
        const [li, ri] = buildLeft ? [candBuild, candProbe] : [candProbe, candBuild];
        const pairs = joinedBatch(this.pairSchema, L.columns.map((c) => takeOrNull(c, li, li.length)), R.columns.map((c) => takeOrNull(c, ri, ri.length)), li.length);
        pass = this.residual(pairs, ctx.eval);
      }
      for (let row = first; row < p; row++) {
        let matched = false;
        for (let k = starts[row - first]!; k < starts[row - first + 1]!; k++) {
          if (pass !== null && pass[k] === 0) continue;
          matched = true;
          const b = candBuild[k]!;
          buildMatched[b] = 1;
          if (this.semiOrAnti) break;
          outL.push(buildLeft ? b : row);
          outR.push(buildLeft ? row : b);
        }
        if (t === 'LeftSemi' ? matched : t === 'LeftAnti' ? !matched : !matched && probeOuter) {
          outL.push(buildLeft ? -1 : row);
          outR.push(buildLeft ? row : -1);
        }
      }
      if (outL.length >= CHUNK_PAIRS) flush();
    }
    if (buildOuter) {
      for (let b = 0; b < build.numRows; b++) {
        if (buildMatched[b] === 1) continue;
        outL.push(buildLeft ? b : -1);
        outR.push(buildLeft ? -1 : b);
      }
    }
    flush();
    return out;
  }
}
