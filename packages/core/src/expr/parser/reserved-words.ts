/**
 * Words that cannot stand alone as a column name or a bare alias, because the grammar gives them a meaning
 * there (Spark's non-ANSI mode is just as lenient about other keywords). Backquote them to use as names;
 * after a `.` or `AS` any word is a name.
 */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'not', 'is', 'in', 'between', 'like', 'rlike', 'regexp',
  'case', 'when', 'then', 'else', 'end',
  'null', 'true', 'false', 'as', 'distinct', 'from',
]);
