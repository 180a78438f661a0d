import { afterEach, describe, expect, it } from 'vitest';
import { Session } from 'caudal';

// A source that always has data keeps the micro-batch loop running batch after batch; the loop must still let
// timers and I/O run (Spark's loop has a thread of its own), or a `setTimeout` that stops the query never fires.
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; });

describe('the default trigger with a source that always has data', () => {
  it('lets timers run between batches, so a timer can stop the query', async () => {
    session = Session.builder().create();
    const query = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 1000).load()
      .writeStream.format('noop').start();
    const batchesWhenTimerFired = await new Promise<number>((resolve) => {
      setTimeout(() => resolve(query.recentProgress.length), 20);
    });
    await query.stop();
    expect(query.isActive).toBe(false);
    expect(batchesWhenTimerFired).toBeGreaterThan(0);
  });
});
