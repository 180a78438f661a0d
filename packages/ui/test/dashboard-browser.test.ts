import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, col, count, startDashboard, window, type StreamingQueryProgress } from 'caudal';
import { ensureChromium } from './ensure-chromium.ts';

// The dashboard in a real browser (Debian's Chromium driven by playwright-core): a live rate-micro-batch
// query, its charts filling in over server-sent events, the numbers on the page against lastProgress,
// and screenshots in test/output/ for a person to look at.

const OUTPUT = fileURLToPath(new URL('./output/', import.meta.url));
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const shown = (n: number): string => (Number.isFinite(n) ? numberFormat.format(n) : '–');
const exact = (n: number): string => (Number.isFinite(n) ? String(n) : '');

let browser: Browser | undefined;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: await ensureChromium(), args: CHROMIUM_ARGS });
}, 10 * 60_000);
afterAll(async () => { await browser?.close(); });

/**
 * The little of the page's DOM the checks read: the project compiles without the DOM library, and
 * functions run in the page reach `document` through globalThis (they cannot close over helpers).
 */
interface PageElement {
  readonly textContent: string | null;
  readonly dataset: Readonly<Record<string, string | undefined>>;
  getAttribute(name: string): string | null;
}
interface PageDocument {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): Iterable<PageElement>;
}

/** What one data-testid element shows: its text, exact value (data-value) and, for a chart, the batches drawn. */
interface Shown {
  readonly text: string;
  readonly value: string | null;
  readonly points?: string;
}

/** Every data-testid element under `scope`, read in one go (so all from one render). */
function readValues(page: Page, scope: string): Promise<Record<string, Shown>> {
  return page.evaluate((sel) => {
    const out: Record<string, Shown> = {};
    for (const e of (globalThis as unknown as { document: PageDocument }).document.querySelectorAll(`${sel} [data-testid]`)) {
      const { testid, value, points } = e.dataset;
      out[testid!] ??= { text: e.textContent ?? '', value: value ?? null, ...(points !== undefined ? { points } : {}) };
    }
    return out;
  }, scope);
}

/** Waits until the chart's `data-points` (batches drawn) reaches `n`. */
async function waitForChartPoints(page: Page, n: number): Promise<void> {
  await page.waitForFunction((min) => Number((globalThis as unknown as { document: PageDocument }).document
    .querySelector('[data-testid="chart-input-rate"]')?.getAttribute('data-points')) >= min, n);
}

const pick = ({ text, value }: Shown): { text: string; value: string | null } => ({ text, value });

describe('dashboard in Chromium', () => {
  it('shows a running query live, with the numbers of its progress', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    const session = Session.builder().appName('RateDashboard').create();
    const dashboard = await startDashboard(session, { port: 0 });
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      // A finished run for the second table, then the live one.
      const once = await session.readStream.format('rate-micro-batch').option('rowsPerBatch', 100).load()
        .writeStream.format('noop').queryName('warm-up').trigger({ once: true }).start();
      await once.awaitTermination();
      const rates = session.readStream.format('rate-micro-batch')
        .option('rowsPerBatch', 50).option('startTimestamp', Date.UTC(2024, 0, 1)).option('advanceMillisPerBatch', 1000).load();
      const windowed = rates.withWatermark('timestamp', '3 seconds')
        .groupBy(window(col('timestamp'), '5 seconds'), col('value').mod(4).alias('bucket')).agg(count('*').alias('n'));
      const query = await windowed.writeStream.format('memory').queryName('rates').outputMode('update')
        .trigger({ processingTime: '150 milliseconds' }).start();

      await page.goto(dashboard.url);
      const row = page.locator(`[data-testid="query-row"][data-run-id="${query.runId}"]`);
      await row.waitFor();
      expect(await row.locator('[data-testid="query-name"]').textContent()).toBe('rates');
      expect(await row.locator('[data-testid="status"]').textContent()).toBe('active');
      const finishedRow = page.locator(`[data-testid="finished-queries"] [data-run-id="${once.runId}"]`);
      expect(await finishedRow.locator('[data-testid="status"]').textContent()).toBe('finished');
      expect(await finishedRow.locator('[data-testid="query-batches"]').textContent()).toBe('1');

      // The list's numbers: batches so far, and the rates of the progress of that batch.
      await page.waitForFunction((id) => Number((globalThis as unknown as { document: PageDocument }).document
        .querySelector(`[data-run-id="${id}"] [data-testid="query-batches"]`)?.getAttribute('data-value')) >= 3, query.runId);
      const listed = await readValues(page, `[data-run-id="${query.runId}"]`);
      const listedProgress = query.recentProgress[Number(listed['query-batches']!.value) - 1]!;
      expect(pick(listed['query-input-rate']!)).toEqual({ text: shown(listedProgress.inputRowsPerSecond), value: exact(listedProgress.inputRowsPerSecond) });
      expect(pick(listed['query-processed-rate']!)).toEqual({ text: shown(listedProgress.processedRowsPerSecond), value: exact(listedProgress.processedRowsPerSecond) });
      expect(listed['query-id']!.text).toBe(query.id);
      await page.screenshot({ path: `${OUTPUT}dashboard-list.png`, fullPage: true });

      // The query's page: wait until the charts hold at least three batches.
      await row.locator('[data-testid="query-name"]').click();
      await page.waitForURL(`**/query/${query.runId}`);
      await waitForChartPoints(page, 3);
      const v = await readValues(page, 'main');
      const batchId = Number(v['tile-batch-id']!.value);
      const p: StreamingQueryProgress = query.recentProgress.find((x) => x.batchId === batchId)!;
      const batches = query.recentProgress.indexOf(p) + 1;
      const stateRows = p.stateOperators.reduce((n, s) => n + s.numRowsTotal, 0);
      expect(v['query-title']!.text).toBe('rates');
      expect(v['detail-id']!.text).toBe(query.id);
      expect(pick(v['tile-batches']!)).toEqual({ text: String(batches), value: String(batches) });
      expect(pick(v['tile-input-rows']!)).toEqual({ text: shown(p.numInputRows), value: String(p.numInputRows) });
      expect(p.numInputRows).toBe(50);
      expect(pick(v['tile-input-rate']!)).toEqual({ text: shown(p.inputRowsPerSecond), value: exact(p.inputRowsPerSecond) });
      expect(pick(v['tile-processed-rate']!)).toEqual({ text: shown(p.processedRowsPerSecond), value: exact(p.processedRowsPerSecond) });
      expect(pick(v['tile-batch-duration']!)).toEqual({ text: shown(p.batchDuration), value: String(p.batchDuration) });
      expect(pick(v['tile-state-rows']!)).toEqual({ text: shown(stateRows), value: String(stateRows) });
      expect(pick(v['tile-watermark']!)).toEqual({ text: p.eventTime.watermark, value: String(Date.parse(p.eventTime.watermark!)) });
      expect(JSON.parse(v['last-progress']!.text)).toEqual(JSON.parse(p.json));
      expect(v['explain']!.text).toContain('== Incremental Physical Plan ==\nStateStoreSave (operator 0)');
      for (const chart of ['chart-input-rate', 'chart-processed-rate', 'chart-batch-duration', 'chart-state-rows', 'chart-watermark']) {
        expect(v[chart]!.points).toBe(String(batches));
        expect(await page.locator(`[data-testid="${chart}"] canvas`).count()).toBe(1);
      }
      await waitForChartPoints(page, 8);
      await page.screenshot({ path: `${OUTPUT}dashboard-query.png`, fullPage: true });

      // Stopping shows up without a reload.
      await query.stop();
      await page.locator('.title-row [data-testid="status"]', { hasText: 'finished' }).waitFor();
    } finally {
      await page.close();
      await dashboard.close();
      await session.stop();
    }
  });
});
