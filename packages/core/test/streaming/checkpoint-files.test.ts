import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LONG, ManualClock, MemoryStream, Session, StructType, registerSink } from 'caudal';
import { TempDirs } from './support/temp-dirs.ts';

// What a query writes into a user checkpointLocation: Spark's layout, `v1` first lines, readable JSON.

const schema = new StructType().add('n', LONG);
const T0 = 1_700_000_000_000;
const dirs = new TempDirs();
let session: Session | undefined;
afterEach(async () => { await session?.stop(); session = undefined; dirs.removeAll(); });

const read = (dir: string, ...path: string[]): string => readFileSync(join(dir, ...path), 'utf8');

describe('checkpoint files', () => {
  it('writes metadata, offsets/N before the batch and commits/N after it, each starting with v1', async () => {
    const clock = new ManualClock(T0);
    session = Session.builder().clock(clock).config('spark.sql.session.timeZone', 'UTC').create();
    const dir = dirs.make('checkpoint-files');
    const stream = new MemoryStream(session, schema);
    const seenFiles: string[][] = [];
    const query = await stream.toDF().writeStream.option('checkpointLocation', dir)
      .foreachBatch((_df, batchId) => {
        // While the sink runs, offsets/N is already written and commits/N is not.
        seenFiles.push([String(existsSync(join(dir, 'offsets', String(batchId)))), String(existsSync(join(dir, 'commits', String(batchId))))]);
      })
      .start();

    expect(read(dir, 'metadata')).toBe(`v1\n{"id":"${query.id}","sources":[{"id":"0","format":"memory-stream"}]}\n`);
    expect(existsSync(join(dir, '.lock'))).toBe(true);

    stream.addData([{ n: 1 }, { n: 2 }]);
    await query.processAllAvailable();
    clock.advance(5_000);
    stream.addData([{ n: 3 }]);
    stream.addData([{ n: 4 }]);
    await query.processAllAvailable();

    expect(seenFiles).toEqual([['true', 'false'], ['true', 'false']]);
    expect(read(dir, 'offsets', '0')).toBe(
      `v1\n{"batchWatermarkMs":0,"batchTimestampMs":${T0},"conf":{"spark.sql.session.timeZone":"UTC"}}\n{"0":1}\n`,
    );
    expect(read(dir, 'offsets', '1')).toBe(
      `v1\n{"batchWatermarkMs":0,"batchTimestampMs":${T0 + 5_000},"conf":{"spark.sql.session.timeZone":"UTC"}}\n{"0":3}\n`,
    );
    expect(read(dir, 'commits', '0')).toBe('v1\n{"nextBatchWatermarkMs":0}\n');
    expect(read(dir, 'commits', '1')).toBe('v1\n{"nextBatchWatermarkMs":0}\n');
    expect(readdirSync(join(dir, 'offsets'))).toEqual(['0', '1']);
    expect(readdirSync(join(dir, 'commits'))).toEqual(['0', '1']);
    expect(readdirSync(join(dir, 'sources'))).toEqual(['0']);

    await query.stop();
    // The lock is released at stop; the logs stay for the next run.
    expect(existsSync(join(dir, '.lock'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['commits', 'metadata', 'offsets', 'sources']);
  });

  it('spark.sql.streaming.checkpointLocation is a root: a named query checkpoints in <root>/<queryName>', async () => {
    const root = dirs.make('checkpoint-root');
    session = Session.builder().config('spark.sql.streaming.checkpointLocation', root).create();
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.format('memory').queryName('rooted').start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    await query.stop();
    expect(readdirSync(root)).toEqual(['rooted']);
    expect(read(root, 'rooted', 'metadata')).toBe(`v1\n{"id":"${query.id}","sources":[{"id":"0","format":"memory-stream"}]}\n`);
    expect(read(root, 'rooted', 'commits', '0')).toBe('v1\n{"nextBatchWatermarkMs":0}\n');
    // An explicit option wins over the root.
    const own = dirs.make('checkpoint-own');
    const other = await stream.toDF().writeStream.format('memory').queryName('rooted').option('checkpointLocation', own).start();
    await other.stop();
    expect(other.id).not.toBe(query.id);
    expect(readdirSync(root)).toEqual(['rooted']);
    expect(existsSync(join(own, 'metadata'))).toBe(true);
  });

  it('a query without a checkpointLocation uses a temporary one and removes it at stop', async () => {
    session = Session.builder().create();
    // A sink learns its query's checkpoint directory from its context; this probe keeps it.
    let checkpointDir = '';
    registerSink({
      format: 'checkpoint-probe', supportedOutputModes: ['append'], requiresCheckpointLocation: false,
      createSink: (_options, ctx) => {
        checkpointDir = ctx.checkpointDir;
        return { description: 'CheckpointProbe', addBatch: async () => {}, stop: async () => {} };
      },
    });
    const stream = new MemoryStream(session, schema);
    const query = await stream.toDF().writeStream.format('checkpoint-probe').start();
    stream.addData([{ n: 1 }]);
    await query.processAllAvailable();
    expect(checkpointDir.startsWith(join(tmpdir(), 'caudal-checkpoint-'))).toBe(true);
    expect(read(checkpointDir, 'metadata')).toBe(`v1\n{"id":"${query.id}","sources":[{"id":"0","format":"memory-stream"}]}\n`);
    expect(read(checkpointDir, 'commits', '0')).toBe('v1\n{"nextBatchWatermarkMs":0}\n');
    await query.stop();
    expect(existsSync(checkpointDir)).toBe(false);
  });
});

describe('checkpoint log retention', () => {
  it('keeps only the last spark.sql.streaming.minBatchesToRetain entries of offsets/ and commits/', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caudal-retain-'));
    const session = Session.builder().create();
    session.conf.set('spark.sql.streaming.minBatchesToRetain', 5);
    const stream = new MemoryStream(session, new StructType([{ name: 'n', dataType: LONG, nullable: true }]));
    const q = await stream.toDF().writeStream.format('noop').option('checkpointLocation', dir).start();
    for (let i = 0; i < 21; i++) {
      stream.addData([{ n: i }]);
      await q.processAllAvailable();
    }
    await q.stop();
    const ids = (sub: string): number[] => readdirSync(join(dir, sub)).filter((n) => /^\d+$/.test(n)).map(Number).sort((a, b) => a - b);
    // Purged at batch 20: entries below 20 - 5 + 1 = 16 are gone.
    expect(ids('offsets')).toEqual([16, 17, 18, 19, 20]);
    expect(ids('commits')).toEqual([16, 17, 18, 19, 20]);
    await session.stop();
    rmSync(dir, { recursive: true, force: true });
  });
});
