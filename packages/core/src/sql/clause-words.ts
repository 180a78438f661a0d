/**
 * Words that start or continue a clause of a query, so they never stand as a bare alias
 * (`FROM t WHERE ...` is not a table aliased `WHERE`). After `AS`, or backquoted, they are names.
 * Spark's grammar keeps the same words out of aliases (its strict non-reserved keywords and clause starts).
 */
export const CLAUSE_WORDS: ReadonlySet<string> = new Set([
  'select', 'from', 'where', 'group', 'having', 'order', 'limit', 'with',
  'union', 'except', 'intersect', 'minus',
  'join', 'inner', 'cross', 'left', 'right', 'full', 'semi', 'anti', 'natural', 'on', 'using',
  'lateral', 'window', 'sort', 'cluster', 'distribute',
]);
