import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType, col } from 'caudal';
import { captureStdout } from '../helpers/capture-stdout.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('noop sink in a running query', () => {
  it('runs every batch through the plan and discards the output', async () => {
    const session = Session.builder().create();
    cleanups.push(() => session.stop());
    const out = captureStdout();
    cleanups.push(out.restore);
    const input = new MemoryStream(session, new StructType().add('n', LONG));
    const evens = input.toDF().filter(col('n').mod(2).eq(0));
    const query = await evens.writeStream.format('noop').start();
    input.addData([[1], [2], [3], [4]]);
    await query.processAllAvailable();
    input.addData([[6]]);
    await query.processAllAvailable();
    await query.stop();
    out.restore();
    expect(out.text()).toBe('');
    const progress = query.recentProgress.map((p) => [p.batchId, p.numInputRows, p.sink.description, p.sink.numOutputRows]);
    expect(progress).toEqual([[0, 4, 'NoopSink', 2], [1, 1, 'NoopSink', 1]]);
    expect(query.exception()).toBeNull();
  });
});
