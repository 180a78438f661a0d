/** The error `fn` throws (fails the test if it returns), for exact message checks. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    if (e instanceof Error) return e;
    throw new Error(`expected an Error, got ${String(e)}`);
  }
  throw new Error('expected the call to throw');
}
