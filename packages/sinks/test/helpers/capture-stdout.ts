/**
 * Replaces `process.stdout.write` (where the console sink prints) with a recorder until `restore()`.
 * Always call `restore()` (in `finally` or `afterEach`) so later output reaches the terminal again.
 */
export function captureStdout(): { text: () => string; restore: () => void } {
  const original = process.stdout.write;
  const chunks: string[] = [];
  const recorder = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    // write(chunk, cb) or write(chunk, encoding, cb): call the callback as the real stream would.
    const cb = rest.find((a): a is (err?: Error | null) => void => typeof a === 'function');
    cb?.();
    return true;
  };
  process.stdout.write = recorder as typeof process.stdout.write;
  return {
    text: () => chunks.join(''),
    restore: () => {
      process.stdout.write = original;
    },
  };
}
