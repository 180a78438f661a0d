import { referencedColumns, type BoundExpr } from '../expr/bound-expr.ts';
import { shiftRefs } from '../expr/map-refs.ts';
import { time_add, time_sub } from '../functions/time-add.ts';
import type { IntervalValue } from '../types/interval.ts';
import { eventTimeColumns, type EventTimeKind } from './event-time-columns.ts';
import type { Join } from './logical-plan.ts';

/** One equality between an expression of the left side and one of the right side. */
export interface EquiKey {
  /** Over the left side's columns. */
  readonly left: BoundExpr;
  /** Over the right side's columns. */
  readonly right: BoundExpr;
  /** `<=>`: nulls match each other (with `=`, a null key matches nothing, as in SQL). */
  readonly nullSafe: boolean;
}

/** A join condition split the way hash joins use it. */
export interface JoinConditionParts {
  /** Hash keys: `=` / `<=>` conjuncts with one operand per side. */
  readonly keys: readonly EquiKey[];
  /** Conjuncts over the left side's columns only (bound to the left's columns). */
  readonly leftOnly: readonly BoundExpr[];
  /** Conjuncts over the right side's columns only (bound to the right's columns). */
  readonly rightOnly: readonly BoundExpr[];
  /** The other conjuncts, over left ++ right (both sides, or no column at all). */
  readonly pair: readonly BoundExpr[];
  /** Everything but the keys, over left ++ right: what a candidate pair must still pass. */
  readonly residual: readonly BoundExpr[];
}

export function splitConjuncts(e: BoundExpr | null): BoundExpr[] {
  if (e === null) return [];
  if (e.kind === 'binary' && e.op === 'and') return [...splitConjuncts(e.left), ...splitConjuncts(e.right)];
  return [e];
}

/** Splits `condition` (over left ++ right, the left having `leftWidth` columns) into keys and filters. */
export function splitJoinCondition(condition: BoundExpr | null, leftWidth: number): JoinConditionParts {
  const keys: EquiKey[] = [];
  const leftOnly: BoundExpr[] = [];
  const rightOnly: BoundExpr[] = [];
  const pair: BoundExpr[] = [];
  const residual: BoundExpr[] = [];
  const sideOf = (e: BoundExpr): 'left' | 'right' | 'both' | 'none' => {
    const cols = [...referencedColumns(e)];
    if (cols.length === 0) return 'none';
    if (cols.every((c) => c < leftWidth)) return 'left';
    if (cols.every((c) => c >= leftWidth)) return 'right';
    return 'both';
  };
  for (const c of splitConjuncts(condition)) {
    if (c.kind === 'binary' && (c.op === '=' || c.op === '<=>')) {
      const a = sideOf(c.left);
      const b = sideOf(c.right);
      if ((a === 'left' && b === 'right') || (a === 'right' && b === 'left')) {
        const [l, r] = a === 'left' ? [c.left, c.right] : [c.right, c.left];
        keys.push({ left: l, right: shiftRefs(r, -leftWidth), nullSafe: c.op === '<=>' });
        continue;
      }
    }
    residual.push(c);
    const side = sideOf(c);
    if (side === 'left') leftOnly.push(c);
    else if (side === 'right') rightOnly.push(shiftRefs(c, -leftWidth));
    else pair.push(c);
  }
  return { keys, leftOnly, rightOnly, pair, residual };
}

/** An equi-join key that carries watermarked event time: state of both sides expires by its value. */
export interface WatermarkKey {
  readonly index: number;
  readonly kind: EventTimeKind;
}

/** The first join key whose left or right operand is a watermarked event-time column (or window). */
export function watermarkKey(join: Join, parts: JoinConditionParts): WatermarkKey | null {
  const leftTimes = eventTimeColumns(join.left);
  const rightTimes = eventTimeColumns(join.right);
  for (let i = 0; i < parts.keys.length; i++) {
    const k = parts.keys[i]!;
    const kind = (k.left.kind === 'ref' ? leftTimes.get(k.left.index) : undefined) ?? (k.right.kind === 'ref' ? rightTimes.get(k.right.index) : undefined);
    if (kind) return { index: i, kind };
  }
  return null;
}

/**
 * How rows of one side's state expire through a time-range condition: a row whose `column` (a timestamp
 * of that side) is at or below `watermark + offsetMicros` can no longer match any future row of the other
 * side. Spark's StreamingJoinHelper.getStateValueWatermark.
 */
export interface StateTimeBound {
  readonly column: number;
  readonly offsetMicros: number;
}

/**
 * Derives the state bound of `side` from the conjuncts that compare its time with the other side's
 * watermarked event time. Supported conjuncts: `<`, `<=`, `>`, `>=` (so `BETWEEN`) whose operands are a
 * timestamp column of each side, each optionally plus or minus interval literals (days, hours, ...; not
 * months): `l.t >= r.t - INTERVAL 10 MINUTES`, `r.t BETWEEN l.t AND l.t + INTERVAL 1 HOUR`, `r.t > l.t`.
 * Each conjunct that bounds the state time from below gives a bound; as Spark, the smallest one wins.
 * Null when no conjunct bounds it (the state of that side then grows without limit).
 */
export function stateTimeBound(join: Join, parts: JoinConditionParts, side: 'left' | 'right'): StateTimeBound | null {
  const leftWidth = join.left.schema.length;
  const other = side === 'left' ? eventTimeColumns(join.right) : eventTimeColumns(join.left);
  const otherOffset = side === 'left' ? leftWidth : 0;
  const isState = (c: number): boolean => (side === 'left' ? c < leftWidth : c >= leftWidth);
  const isWatermarked = (c: number): boolean => !isState(c) && other.get(c - otherOffset) === 'timestamp';
  let best: StateTimeBound | null = null;
  for (const c of parts.pair) {
    if (c.kind !== 'binary') continue;
    let less: BoundExpr;
    let greater: BoundExpr;
    if (c.op === '<' || c.op === '<=') [less, greater] = [c.left, c.right];
    else if (c.op === '>' || c.op === '>=') [less, greater] = [c.right, c.left];
    else continue;
    // greater - less (>= or >) 0, as a sum of signed column terms and a constant.
    const terms = new Map<number, number>();
    const k = { micros: 0 };
    if (!linearTerms(greater, 1, terms, k) || !linearTerms(less, -1, terms, k)) continue;
    const cols = [...terms].filter(([, coef]) => coef !== 0);
    if (cols.length !== 2) continue;
    const stateTerm = cols.find(([col]) => isState(col));
    const wmTerm = cols.find(([col]) => isWatermarked(col));
    // stateTime - otherTime + k >= 0  ⇒  stateTime >= otherTime - k > watermark - k.
    if (!stateTerm || !wmTerm || stateTerm[1] !== 1 || wmTerm[1] !== -1) continue;
    const column = stateTerm[0] - (side === 'left' ? 0 : leftWidth);
    const offsetMicros = -k.micros;
    if (best === null || (best.column === column && offsetMicros < best.offsetMicros)) best = { column, offsetMicros };
  }
  return best;
}

/** Adds `sign * e` to `terms` / `k` when `e` is a timestamp column plus or minus interval literals. */
function linearTerms(e: BoundExpr, sign: number, terms: Map<number, number>, k: { micros: number }): boolean {
  if (e.kind === 'ref') {
    if (e.dataType.kind !== 'timestamp') return false;
    terms.set(e.index, (terms.get(e.index) ?? 0) + sign);
    return true;
  }
  if (e.kind === 'call' && (e.fn === time_add || e.fn === time_sub)) {
    const iv = e.args[1];
    if (iv?.kind !== 'literal' || iv.value === null) return false;
    const v = iv.value as IntervalValue;
    if (v.months !== 0) return false;
    k.micros += sign * (e.fn === time_add ? 1 : -1) * v.micros;
    return linearTerms(e.args[0]!, sign, terms, k);
  }
  return false;
}
