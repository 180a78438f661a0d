import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStream, Session, StructType, col, expr, type DataFrame } from 'caudal';

const sessions: Session[] = [];
afterEach(async () => { for (const s of sessions.splice(0)) await s.stop(); });

function setup() {
  const session = Session.builder().create();
  sessions.push(session);
  const schema = (p: string) => new StructType([
    { name: `${p}id`, dataType: { kind: 'int' }, nullable: true },
    { name: `${p}ts`, dataType: { kind: 'timestamp' }, nullable: true },
  ]);
  const left = new MemoryStream(session, schema('l_')).toDF();
  const right = new MemoryStream(session, schema('r_')).toDF();
  const stat = session.createDataFrame([{ s_id: 1 }]);
  return { left, right, stat };
}

/** The message `start()` rejects with (exact). */
async function startError(df: DataFrame, mode = 'append'): Promise<string> {
  try {
    const q = await df.writeStream.outputMode(mode).format('noop').start();
    await q.stop();
    return '(started)';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('streaming join rules', () => {
  it('stream-static: the static side may not be preserved or tested against a stream', async () => {
    const { left, stat } = setup();
    const on = col('l_id').eq(col('s_id'));
    expect(await startError(left.join(stat, on, 'right'))).toBe(
      'RightOuter join with a streaming DataFrame/Dataset on the left and a static DataFrame/DataSet on the right not supported');
    expect(await startError(left.join(stat, on, 'full'))).toBe(
      'FullOuter joins with streaming DataFrames/Datasets on the left and a static DataFrame/Dataset on the right is not supported');
    expect(await startError(stat.join(left, on, 'left'))).toBe(
      'LeftOuter join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported');
    expect(await startError(stat.join(left, on, 'semi'))).toBe(
      'LeftSemi join with a streaming DataFrame/Dataset on the right and a static DataFrame/Dataset on the left is not supported');
    expect(await startError(stat.join(left, on, 'anti'))).toBe('LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported');
    expect(await startError(stat.join(left, on, 'outer'))).toBe(
      'FullOuter joins with streaming DataFrames/Datasets on the right and a static DataFrame/Dataset on the left is not supported');
    for (const how of ['inner', 'left', 'semi', 'anti', 'cross']) expect(await startError(left.join(stat, on, how)), how).toBe('(started)');
    for (const how of ['inner', 'right']) expect(await startError(stat.join(left, on, how)), how).toBe('(started)');
    // Stream-static joins are stateless: Update mode is fine, Complete needs an aggregation.
    expect(await startError(left.join(stat, on), 'update')).toBe('(started)');
    expect(await startError(left.join(stat, on), 'complete')).toBe(
      'Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets');
  });

  it('stream-stream: Append mode only, an equality needed, no anti join', async () => {
    const { left, right } = setup();
    const on = col('l_id').eq(col('r_id'));
    expect(await startError(left.join(right, on), 'update')).toBe(
      'Join between two streaming DataFrames/Datasets is not supported in Update output mode, only in Append output mode');
    expect(await startError(left.join(right, on).groupBy('l_id').count(), 'complete')).toBe(
      'Join between two streaming DataFrames/Datasets is not supported in Complete output mode, only in Append output mode');
    expect(await startError(left.join(right, on, 'anti'))).toBe('LeftAnti joins with a streaming DataFrame/Dataset on the right are not supported');
    expect(await startError(left.crossJoin(right))).toBe('Stream-stream join without equality predicate is not supported');
    expect(await startError(left.join(right, col('l_ts').lt(col('r_ts'))))).toBe('Stream-stream join without equality predicate is not supported');
    // Inner joins need no watermark (their state just grows).
    expect(await startError(left.join(right, on))).toBe('(started)');
  });

  it('stream-stream outer and semi joins need a watermark on the nullable side and a range condition', async () => {
    const { left, right } = setup();
    const range = expr('l_id = r_id AND r_ts BETWEEN l_ts AND l_ts + INTERVAL 1 HOUR');
    const message = (t: string) => `Stream-stream ${t} join between two streaming DataFrame/Datasets is not supported without a watermark ` +
      'in the join keys, or a watermark on the nullable side and an appropriate range condition';
    expect(await startError(left.join(right, range, 'left'))).toBe(message('LeftOuter'));
    expect(await startError(left.join(right, range, 'right'))).toBe(message('RightOuter'));
    expect(await startError(left.join(right, range, 'full'))).toBe(message('FullOuter'));
    expect(await startError(left.join(right, range, 'semi'))).toBe(message('LeftSemi'));
    const lw = left.withWatermark('l_ts', '10 minutes');
    const rw = right.withWatermark('r_ts', '10 minutes');
    // A watermark on the left only bounds the right's state: enough for a right outer join, not a left one.
    expect(await startError(lw.join(right, range, 'left'))).toBe(message('LeftOuter'));
    expect(await startError(lw.join(right, range, 'right'))).toBe('(started)');
    expect(await startError(left.join(rw, range, 'left'))).toBe('(started)');
    expect(await startError(left.join(rw, range, 'semi'))).toBe('(started)');
    expect(await startError(lw.join(rw, range, 'full'))).toBe('(started)');
    // Watermarks without a range condition bound nothing.
    expect(await startError(lw.join(rw, col('l_id').eq(col('r_id')), 'left'))).toBe(message('LeftOuter'));
    // A watermarked event time among the join keys is enough.
    expect(await startError(lw.join(rw, expr('l_id = r_id AND l_ts = r_ts'), 'left'))).toBe('(started)');
  });

  it('explains a stream-stream join as stateful', () => {
    const { left, right } = setup();
    expect(left.join(right, expr('l_id = r_id AND r_ts <= l_ts + INTERVAL 1 HOUR')).explainString()).toBe([
      "Join Inner, ((l_id = r_id) AND (r_ts <= time_add(l_ts, INTERVAL '1 hours'))) (stateful)",
      ':- StreamingRelation memory-stream [l_id, l_ts]',
      '+- StreamingRelation memory-stream [r_id, r_ts]',
    ].join('\n'));
  });
});
