/** A source position: any JSON value. Stored as text in `offsets/N`; compared by its JSON text. */
export type Offset = null | boolean | number | string | readonly Offset[] | { readonly [key: string]: Offset };

/** The offset as the JSON text checkpoints and progress reports hold. */
export function offsetJson(o: Offset): string {
  return JSON.stringify(o);
}

/** Whether two offsets have the same JSON text. */
export function sameOffset(a: Offset | undefined, b: Offset | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return offsetJson(a) === offsetJson(b);
}
