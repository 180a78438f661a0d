type Stream = typeof process.stdout | typeof process.stderr;

/** Collects what is written to `stream` while `fn` runs, restoring the stream even if `fn` fails. */
async function capture<T>(stream: Stream, fn: () => Promise<T>): Promise<{ result: T; text: string }> {
  const original = stream.write;
  let text = '';
  stream.write = ((chunk: string | Uint8Array): boolean => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as Stream['write'];
  try {
    const result = await fn();
    return { result, text };
  } finally {
    stream.write = original;
  }
}

export function captureStderr<T>(fn: () => Promise<T>): Promise<{ result: T; text: string }> {
  return capture(process.stderr, fn);
}

export function captureStdout<T>(fn: () => Promise<T>): Promise<{ result: T; text: string }> {
  return capture(process.stdout, fn);
}
