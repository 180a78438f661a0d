import { afterEach, describe, expect, it } from 'vitest';
import { LONG, MemoryStream, Session, StructType, registerSource } from 'caudal';
import { RecordingSourceProvider } from './support/recording-connectors.ts';
import { TempDirs } from './support/temp-dirs.ts';

// A checkpoint belongs to one running query, and to one query shape.

const schema = new StructType().add('n', LONG);
const recording = new RecordingSourceProvider('recording-for-checkpoint-conflicts');
registerSource(recording);

const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); recording.reset(); });

describe('checkpoint conflicts', () => {
  it('refuses a second query on a checkpoint in use, and allows it once the first has stopped', async () => {
    session = Session.builder().create();
    const dir = dirs.make('in-use');
    const stream = new MemoryStream(session, schema);
    const start = (name: string) => stream.toDF().writeStream.format('memory').queryName(name).option('checkpointLocation', dir).start();
    const first = await start('first');
    await expect(start('second')).rejects.toThrow(
      `The checkpoint ${dir} is in use by another running query (process ${process.pid}). Stop that query first, or use another checkpointLocation.`,
    );
    // Another session in the same process is refused too.
    const other = Session.builder().create();
    try {
      await expect(new MemoryStream(other, schema).toDF().writeStream.format('memory').queryName('third')
        .option('checkpointLocation', dir).start()).rejects.toThrow(`The checkpoint ${dir} is in use by another running query`);
      expect(other.streams.active).toEqual([]);
    } finally {
      await other.stop();
    }
    expect(session.streams.active).toEqual([first]);
    expect(first.isActive).toBe(true);

    await first.stop();
    const second = await start('second');
    expect(second.id).toBe(first.id);
  });

  it('refuses a checkpoint written by a query with different sources, before opening any', async () => {
    session = Session.builder().create();
    const dir = dirs.make('other-sources');
    const stream = new MemoryStream(session, schema);
    const q = await stream.toDF().writeStream.format('memory').queryName('one').option('checkpointLocation', dir).start();
    await q.stop();

    await expect(session.readStream.format(recording.format).load().writeStream.format('memory').queryName('two')
      .option('checkpointLocation', dir).start()).rejects.toThrow(
      `The checkpoint ${dir} was written by a query with different sources (memory-stream); this query reads ${recording.format}. ` +
      'Use a new checkpointLocation for a changed query.',
    );
    await expect(stream.toDF().union(new MemoryStream(session, schema).toDF()).writeStream.format('memory').queryName('three')
      .option('checkpointLocation', dir).start()).rejects.toThrow(
      `The checkpoint ${dir} was written by a query with different sources (memory-stream); this query reads memory-stream, memory-stream. ` +
      'Use a new checkpointLocation for a changed query.',
    );
    expect(recording.instances).toEqual([]);
    expect(session.streams.active).toEqual([]);
    // The checkpoint is not damaged: the original query still restarts from it.
    const again = await stream.toDF().writeStream.format('memory').queryName('one').option('checkpointLocation', dir).start();
    expect(again.id).toBe(q.id);
  });
});
