import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Session, col, count, startDashboard, window, type Dashboard, type StreamingQuery, type StreamingQueryProgress } from 'caudal';
import type { QueryDetail, QuerySummary } from '@caudal/ui';
import { SseReader } from './sse-reader.ts';

// The dashboard server over real TCP on 127.0.0.1: pages and assets, the JSON API, the event stream,
// the bounded history, and closing.

const sessions: Session[] = [];
const dashboards: Dashboard[] = [];
const readers: SseReader[] = [];
afterEach(async () => {
  for (const r of readers.splice(0)) await r.cancel();
  for (const d of dashboards.splice(0)) await d.close();
  for (const s of sessions.splice(0)) await s.stop();
});

async function setup(options: Parameters<typeof startDashboard>[1] = {}) {
  const session = Session.builder().appName('dashboard-test').create();
  sessions.push(session);
  const dashboard = await startDashboard(session, { port: 0, ...options });
  dashboards.push(dashboard);
  return { session, dashboard };
}

/** A rate-micro-batch query with a watermarked windowed count that stops itself after `batches` batches. */
async function runRateQuery(session: Session, name: string, batches: number): Promise<StreamingQuery> {
  const stopAfter = {
    onQueryProgress: ({ progress }: { progress: StreamingQueryProgress }) => {
      if (progress.name === name && progress.batchId === batches - 1) void session.streams.get(progress.id)?.stop();
    },
  };
  session.streams.addListener(stopAfter);
  const df = session.readStream.format('rate-micro-batch')
    .option('rowsPerBatch', 5).option('startTimestamp', Date.UTC(2024, 0, 1)).option('advanceMillisPerBatch', 1000).load()
    .withWatermark('timestamp', '2 seconds')
    .groupBy(window(col('timestamp'), '2 seconds')).agg(count('*').alias('n'));
  const query = await df.writeStream.format('memory').queryName(name).outputMode('update')
    .trigger({ processingTime: '50 milliseconds' }).start();
  await query.awaitTermination();
  session.streams.removeListener(stopAfter);
  return query;
}

/** What the dashboard must report for a run, computed from the query itself. */
function expectedSummary(q: StreamingQuery, status: string, error: string | null): QuerySummary {
  const last = q.lastProgress!;
  const rate = (n: number): number | null => (Number.isFinite(n) ? n : null);
  return {
    id: q.id, runId: q.runId, name: q.name, status: status as QuerySummary['status'],
    startedAt: expect.any(String) as unknown as string,
    batches: q.recentProgress.length, latestBatchId: last.batchId,
    inputRowsPerSecond: rate(last.inputRowsPerSecond), processedRowsPerSecond: rate(last.processedRowsPerSecond), error,
  };
}

function expectedPoints(q: StreamingQuery) {
  return q.recentProgress.map((p) => ({
    batchId: p.batchId,
    timestamp: new Date(p.timestamp).getTime(),
    numInputRows: p.numInputRows,
    inputRowsPerSecond: Number.isFinite(p.inputRowsPerSecond) ? p.inputRowsPerSecond : null,
    processedRowsPerSecond: Number.isFinite(p.processedRowsPerSecond) ? p.processedRowsPerSecond : null,
    batchDuration: p.batchDuration,
    durationMs: p.durationMs,
    stateRows: p.stateOperators.map((s) => s.numRowsTotal).reduce((a, b) => a + b, 0),
    watermark: p.eventTime.watermark === undefined ? null : new Date(p.eventTime.watermark).getTime(),
    maxEventTime: p.eventTime.max === undefined ? null : new Date(p.eventTime.max).getTime(),
  }));
}

async function getJson<T>(url: string): Promise<{ status: number; body: T }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as T };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

describe('startDashboard', () => {
  it('binds 127.0.0.1 by default and serves the page, its script and style, and uPlot from node_modules', async () => {
    const { dashboard } = await setup();
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(dashboard.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<script src="/static/uPlot.iife.min.js"></script>');
    expect(html).not.toMatch(/https?:\/\//);
    // A query page is the same page (the script reads the path).
    expect(await (await fetch(new URL('/query/some-run', dashboard.url))).text()).toBe(html);

    const require = createRequire(import.meta.url);
    for (const [path, file] of [['uPlot.iife.min.js', 'uplot/dist/uPlot.iife.min.js'], ['uPlot.min.css', 'uplot/dist/uPlot.min.css']] as const) {
      const res = await fetch(new URL(`/static/${path}`, dashboard.url));
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(require.resolve(file)))).toBe(true);
    }
    const script = await fetch(new URL('/static/dashboard.js', dashboard.url));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe(readFileSync(new URL('../static/dashboard.js', import.meta.url), 'utf8'));
  });

  it('answers unknown paths with 404 and other methods with 405', async () => {
    const { dashboard } = await setup();
    const missing = await fetch(new URL('/nothing', dashboard.url));
    expect([missing.status, await missing.text()]).toEqual([404, 'Not Found: /nothing\n']);
    const asset = await fetch(new URL('/static/../package.json', dashboard.url));
    expect(asset.status).toBe(404);
    const run = await getJson(new URL('/api/queries/no-such-run', dashboard.url).href);
    expect(run).toEqual({ status: 404, body: { error: 'no query run no-such-run' } });
    const post = await fetch(dashboard.url, { method: 'POST', body: 'x' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });

  it('lists finished queries with the numbers of their last progress, and each run with its full history', async () => {
    const { session, dashboard } = await setup();
    const query = await runRateQuery(session, 'windowed', 4);
    expect(query.recentProgress.map((p) => p.batchId)).toEqual([0, 1, 2, 3]);

    const list = await getJson<{ app: string; queries: QuerySummary[] }>(new URL('/api/queries', dashboard.url).href);
    expect(list.body).toEqual({ app: 'dashboard-test', queries: [expectedSummary(query, 'finished', null)] });

    const detail = await getJson<QueryDetail>(new URL(`/api/queries/${query.runId}`, dashboard.url).href);
    expect(detail.body.summary).toEqual(expectedSummary(query, 'finished', null));
    expect(detail.body.points).toEqual(expectedPoints(query));
    expect(detail.body.lastProgress).toEqual(JSON.parse(query.lastProgress!.json));
    expect(detail.body.explain).toBe(query.explainString(true));
    // The chart data really moves: 5 rows a batch, state rows from the window aggregation, a watermark.
    expect(detail.body.points.map((p) => p.numInputRows)).toEqual([5, 5, 5, 5]);
    const pts = detail.body.points;
    expect(pts.at(-1)!.watermark).toBe(Math.max(...pts.slice(0, -1).map((p) => p.maxEventTime!)) - 2000);
    expect(pts.at(-1)!.stateRows).toBeGreaterThan(0);
  });

  it('shows a failed query with its error', async () => {
    const { session, dashboard } = await setup();
    const query = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 1).load()
      .writeStream.queryName('broken').foreachBatch(() => { throw new Error('sink exploded'); }).start();
    await expect(query.awaitTermination()).rejects.toThrow('sink exploded');
    const list = await getJson<{ queries: QuerySummary[] }>(new URL('/api/queries', dashboard.url).href);
    expect(list.body.queries).toEqual([{
      id: query.id, runId: query.runId, name: 'broken', status: 'failed', startedAt: expect.any(String),
      batches: 0, latestBatchId: null, inputRowsPerSecond: null, processedRowsPerSecond: null, error: 'sink exploded',
    }]);
  });

  it('keeps a bounded history: the last progress updates of a run, the last finished runs', async () => {
    const { session, dashboard } = await setup({ retainedProgressUpdates: 3, retainedQueries: 2 });
    const runs = [];
    for (const name of ['q1', 'q2', 'q3']) runs.push(await runRateQuery(session, name, 4));
    const list = await getJson<{ queries: QuerySummary[] }>(new URL('/api/queries', dashboard.url).href);
    expect(list.body.queries.map((q) => q.name)).toEqual(['q3', 'q2']);
    const detail = await getJson<QueryDetail>(new URL(`/api/queries/${runs[2]!.runId}`, dashboard.url).href);
    expect(detail.body.points.map((p) => p.batchId)).toEqual([1, 2, 3]);
    expect(detail.body.summary.batches).toBe(4);
  });

  it('includes queries that were running before it started', async () => {
    const session = Session.builder().create();
    sessions.push(session);
    const query = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 2).load()
      .writeStream.format('noop').queryName('early').trigger({ processingTime: '10 milliseconds' }).start();
    while (query.recentProgress.length < 2) await new Promise((r) => setTimeout(r, 10));
    const dashboard = await startDashboard(session, { port: 0 });
    dashboards.push(dashboard);
    await query.stop();
    const detail = await getJson<QueryDetail>(new URL(`/api/queries/${query.runId}`, dashboard.url).href);
    expect(detail.body.summary.status).toBe('finished');
    expect(detail.body.points).toEqual(expectedPoints(query));
  });

  it('streams a snapshot, then updates as batches complete, with the new points of the followed run', async () => {
    const { session, dashboard } = await setup({ refreshMs: 20 });
    const list = new SseReader(await fetch(new URL('/events', dashboard.url)));
    readers.push(list);
    expect(await list.next()).toEqual({ event: 'snapshot', data: { app: 'dashboard-test', queries: [] } });

    const seen: StreamingQueryProgress[] = [];
    session.streams.addListener({ onQueryProgress: ({ progress }) => { seen.push(progress); } });
    const query = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 3).load()
      .writeStream.format('noop').queryName('live').trigger({ processingTime: '30 milliseconds' }).start();
    const follow = new SseReader(await fetch(new URL(`/events?query=${query.runId}`, dashboard.url)));
    readers.push(follow);
    const first = (await follow.next())!;
    expect(first.event).toBe('snapshot');
    const points = [...(first.data as { detail: QueryDetail }).detail.points];
    // Updates carry only new points: together they are every batch, in order, each once.
    while (points.length < 4) {
      const e = (await follow.next())!;
      expect(e.event).toBe('update');
      points.push(...((e.data as { detail?: QueryDetail }).detail?.points ?? []));
    }
    const listed = await list.until((e) => (e.data as { queries: QuerySummary[] }).queries.some((q) => q.batches >= 4));
    expect((listed.data as { queries: QuerySummary[] }).queries.map((q) => [q.name, q.status])).toEqual([['live', 'active']]);
    await query.stop();
    expect(points.map((p) => p.batchId)).toEqual(seen.slice(0, points.length).map((p) => p.batchId));
    expect(points.map((p) => p.batchId)).toEqual([...points.keys()]);
    const done = await list.until((e) => (e.data as { queries: QuerySummary[] }).queries[0]?.status === 'finished');
    expect((done.data as { queries: QuerySummary[] }).queries).toEqual([expectedSummary(query, 'finished', null)]);
  });

  it('releases the port when closed, ending open event streams', async () => {
    const { dashboard } = await setup();
    const events = new SseReader(await fetch(new URL('/events', dashboard.url)));
    readers.push(events);
    expect((await events.next())?.event).toBe('snapshot');
    await dashboard.close();
    expect(await events.next()).toBeNull();
    const port = Number(new URL(dashboard.url).port);
    const probe = createServer();
    await listen(probe, port);
    await new Promise((r) => probe.close(r));
    await expect(fetch(dashboard.url)).rejects.toThrow('fetch failed');
    await dashboard.close(); // closing twice is harmless
  });

  it('rejects when the port is taken', async () => {
    const blocker = createServer();
    await listen(blocker, 0);
    const port = (blocker.address() as { port: number }).port;
    try {
      const session = Session.builder().create();
      sessions.push(session);
      await expect(startDashboard(session, { port })).rejects.toThrow(`listen EADDRINUSE: address already in use 127.0.0.1:${port}`);
      expect(session.streams.listListeners()).toEqual([]);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
  });
});
