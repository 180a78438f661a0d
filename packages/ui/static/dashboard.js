// The dashboard page (plain browser JavaScript, served as is). Two views on one page: `/` lists the
// query runs, `/query/<runId>` shows one run. Data arrives by server-sent events (`/events`): a
// `snapshot` first, then `update`s with what changed. Everything shown is set with textContent (query
// names and error messages are user text), and every number has a data-testid and its exact value in
// data-value so tests can compare it with `lastProgress`.
/* global uPlot */

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
/** Numbers as shown: at most one decimal, thousands grouped; a missing value is an en dash. */
const fmt = (v) => (v === null || v === undefined ? '–' : numberFormat.format(v));
/** Event times as shown: ISO-8601 UTC. */
const fmtTime = (ms) => (ms === null || ms === undefined ? '–' : new Date(ms).toISOString());
/** Points kept in the browser per chart (the server keeps its own bounded history). */
const MAX_POINTS = 5000;
/** Durations stacked in the batch-duration chart, in the order a batch runs them. */
const PHASE_ORDER = ['latestOffset', 'walCommit', 'getBatch', 'queryPlanning', 'addBatch', 'commitOffsets'];
const COLORS = ['#2563eb', '#f59e0b', '#10b981', '#8b5cf6', '#ef4444', '#06b6d4', '#84cc16', '#ec4899'];

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v;
    else node.setAttribute(k, String(v));
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Sets a value element's text and exact value, only when they changed. */
function setValue(node, value, text) {
  const raw = value === null || value === undefined ? '' : String(value);
  if (node.dataset.value !== raw) node.dataset.value = raw;
  if (node.textContent !== text) node.textContent = text;
}

function badge(status) {
  return el('span', { class: `badge ${status}`, 'data-testid': 'status', 'data-value': status }, status);
}

function connect(path, onData) {
  const conn = document.querySelector('[data-testid="connection"]');
  const source = new EventSource(path);
  const handle = (e) => {
    conn.dataset.state = 'live';
    conn.textContent = 'live';
    const data = JSON.parse(e.data);
    if (data.app !== undefined) document.querySelector('[data-testid="app-name"]').textContent = data.app;
    onData(e.type, data);
  };
  source.addEventListener('snapshot', handle);
  source.addEventListener('update', handle);
  source.onerror = () => {
    conn.dataset.state = 'lost';
    conn.textContent = 'reconnecting…';
  };
}

// ---------------------------------------------------------------- the list of query runs

function listView(root) {
  const active = el('tbody');
  const finished = el('tbody');
  const table = (body, testid) => el('div', { class: 'card' }, el('table', { class: 'queries', 'data-testid': testid },
    el('colgroup', {}, ...['name', 'id', 'status', 'batches', 'rate', 'rate', 'error'].map((c) => el('col', { class: `col-${c}` }))),
    el('thead', {}, el('tr', {},
      el('th', {}, 'Name'), el('th', {}, 'Id'), el('th', {}, 'Status'), el('th', { class: 'num' }, 'Batches'),
      el('th', { class: 'num' }, 'Input rows/s'), el('th', { class: 'num' }, 'Processed rows/s'), el('th', {}, 'Latest error'))),
    body));
  root.append(
    el('h1', {}, 'Streaming queries'),
    el('h2', {}, 'Active'), table(active, 'active-queries'),
    el('h2', {}, 'Finished'), table(finished, 'finished-queries'),
  );
  document.title = 'Caudal · Streaming queries';

  const row = (q) => el('tr', { 'data-testid': 'query-row', 'data-run-id': q.runId },
    el('td', {}, el('a', { href: `/query/${encodeURIComponent(q.runId)}`, 'data-testid': 'query-name' }, q.name ?? '(unnamed)')),
    el('td', { class: 'id', 'data-testid': 'query-id', title: `run ${q.runId}` }, q.id),
    el('td', {}, badge(q.status)),
    el('td', { class: 'num', 'data-testid': 'query-batches', 'data-value': q.batches }, fmt(q.batches)),
    el('td', { class: 'num', 'data-testid': 'query-input-rate', 'data-value': q.inputRowsPerSecond ?? '' }, fmt(q.inputRowsPerSecond)),
    el('td', { class: 'num', 'data-testid': 'query-processed-rate', 'data-value': q.processedRowsPerSecond ?? '' }, fmt(q.processedRowsPerSecond)),
    el('td', { class: 'error', 'data-testid': 'query-error' }, q.error ?? ''),
  );
  const fill = (body, queries, empty) => {
    body.replaceChildren(...(queries.length > 0 ? queries.map(row) : [el('tr', {}, el('td', { class: 'empty', colspan: 7 }, empty))]));
  };
  connect('/events', (_type, data) => {
    fill(active, data.queries.filter((q) => q.status === 'active'), 'No active queries.');
    fill(finished, data.queries.filter((q) => q.status !== 'active'), 'No finished queries yet.');
  });
}

// ---------------------------------------------------------------- one query run

/** A uPlot chart in a card; it is created when the first data arrives and follows the card's width. */
class Chart {
  constructor(card, makeOptions) {
    this.card = card;
    this.makeOptions = makeOptions;
    this.body = el('div', { class: 'plot' });
    card.append(this.body);
    this.plot = null;
    this.seriesKey = '';
  }

  /** `series` describes the lines (labels, colours); `data` is uPlot's [xs, ys...]. */
  update(series, data, note) {
    this.card.dataset.points = String(data[0].length);
    if (note) {
      this.plot?.destroy();
      this.plot = null;
      this.seriesKey = '';
      this.body.replaceChildren(el('div', { class: 'note' }, note));
      return;
    }
    const key = JSON.stringify(series.map((s) => s.label));
    if (this.plot === null || key !== this.seriesKey) {
      this.plot?.destroy();
      this.body.replaceChildren();
      this.seriesKey = key;
      this.plot = new uPlot(this.makeOptions(series, this.width()), data, this.body);
    } else {
      this.plot.setData(data);
    }
    // Unless the pointer is on the chart, the legend shows the latest batch's values.
    const left = this.plot.cursor.left;
    if ((left === undefined || left < 0) && data[0].length > 0) this.plot.setLegend({ idx: data[0].length - 1 });
  }

  width() {
    return Math.max(200, this.card.clientWidth - 28);
  }

  resize() {
    this.plot?.setSize({ width: this.width(), height: 200 });
  }
}

function chartOptions({ yValues, series, width, yTime = false }) {
  const axis = { stroke: '#66707d', grid: { stroke: '#eef1f5', width: 1 }, ticks: { stroke: '#e3e6eb', width: 1 } };
  return {
    width,
    height: 200,
    scales: { x: { time: true }, y: { time: yTime } },
    cursor: { drag: { x: false, y: false } },
    series: [{}, ...series],
    axes: [axis, { ...axis, size: 72, values: yValues }],
  };
}

function line(label, color, extra = {}) {
  return { label, stroke: color, width: 2, points: { show: false }, ...extra };
}

const numberAxis = (_u, values) => values.map((v) => fmt(v));
const timeAxis = (_u, values) => values.map((v) => new Date(v * 1000).toISOString().slice(11, 19));

function tile(label, testid, small = false) {
  const value = el('div', { class: small ? 'value small' : 'value', 'data-testid': testid }, '–');
  return { node: el('div', { class: 'card tile' }, el('div', { class: 'label' }, label), value), value };
}

function queryView(root, runId) {
  document.title = 'Caudal · Query';
  const title = el('h1', { 'data-testid': 'query-title' }, '…');
  const status = el('span');
  const meta = el('div', { class: 'meta' });
  const errorBox = el('div', { class: 'error-box', 'data-testid': 'query-error', hidden: '' });
  const tiles = {
    batches: tile('Batches', 'tile-batches'),
    batchId: tile('Latest batch', 'tile-batch-id'),
    inputRows: tile('Input rows', 'tile-input-rows'),
    inputRate: tile('Input rows/s', 'tile-input-rate'),
    processedRate: tile('Processed rows/s', 'tile-processed-rate'),
    duration: tile('Batch duration (ms)', 'tile-batch-duration'),
    stateRows: tile('Rows in state', 'tile-state-rows'),
    watermark: tile('Watermark', 'tile-watermark', true),
  };
  const card = (testid, heading, wide = false) => el('div', { class: wide ? 'card chart wide' : 'card chart', 'data-testid': testid, 'data-points': '0' }, el('h3', {}, heading));
  const cards = {
    input: card('chart-input-rate', 'Input rows/s'),
    processed: card('chart-processed-rate', 'Processed rows/s'),
    duration: card('chart-batch-duration', 'Batch duration by phase (ms)', true),
    state: card('chart-state-rows', 'Rows in state'),
    watermark: card('chart-watermark', 'Watermark and latest event time (UTC)'),
  };
  const progressPre = el('pre', { 'data-testid': 'last-progress' }, 'No progress yet.');
  const explainPre = el('pre', { 'data-testid': 'explain' }, '');
  root.append(
    el('a', { class: 'crumb', href: '/' }, '← All queries'),
    el('div', { class: 'title-row' }, title, status),
    meta,
    errorBox,
    el('div', { class: 'tiles' }, ...Object.values(tiles).map((t) => t.node)),
    el('div', { class: 'charts' }, ...Object.values(cards)),
    el('h2', {}, 'Details'),
    el('div', { class: 'panels' },
      el('div', { class: 'card panel' }, el('h3', {}, 'Latest progress'), progressPre),
      el('div', { class: 'card panel' }, el('h3', {}, 'Plan (explain)'), explainPre)),
  );

  const numeric = (series, width) => chartOptions({ width, series, yValues: numberAxis });
  const charts = {
    input: new Chart(cards.input, numeric),
    processed: new Chart(cards.processed, numeric),
    duration: new Chart(cards.duration, numeric),
    state: new Chart(cards.state, numeric),
    watermark: new Chart(cards.watermark, (series, width) => chartOptions({ width, series, yValues: timeAxis, yTime: true })),
  };
  window.addEventListener('resize', () => { for (const c of Object.values(charts)) c.resize(); });

  let points = [];
  let missing = false;

  const render = (detail) => {
    const s = detail.summary;
    const last = points[points.length - 1] ?? null;
    document.title = `Caudal · ${s.name ?? s.id}`;
    title.textContent = s.name ?? '(unnamed query)';
    status.replaceChildren(badge(s.status));
    meta.replaceChildren('id ', el('code', { 'data-testid': 'detail-id' }, s.id), ' · run ', el('code', {}, s.runId),
      ` · started ${s.startedAt}`);
    errorBox.hidden = s.error === null;
    errorBox.textContent = s.error ?? '';
    setValue(tiles.batches.value, s.batches, fmt(s.batches));
    setValue(tiles.batchId.value, s.latestBatchId, fmt(s.latestBatchId));
    setValue(tiles.inputRows.value, last?.numInputRows, fmt(last?.numInputRows));
    setValue(tiles.inputRate.value, s.inputRowsPerSecond, fmt(s.inputRowsPerSecond));
    setValue(tiles.processedRate.value, s.processedRowsPerSecond, fmt(s.processedRowsPerSecond));
    setValue(tiles.duration.value, last?.batchDuration, fmt(last?.batchDuration));
    setValue(tiles.stateRows.value, last?.stateRows, fmt(last?.stateRows));
    setValue(tiles.watermark.value, last?.watermark, fmtTime(last?.watermark));
    if (detail.lastProgress) {
      const json = JSON.stringify(detail.lastProgress, null, 2);
      if (progressPre.textContent !== json) progressPre.textContent = json;
    }
    const explain = detail.explain ?? 'The plan is not available.';
    if (explainPre.textContent !== explain) explainPre.textContent = explain;
    renderCharts();
  };

  const renderCharts = () => {
    const xs = points.map((p) => p.timestamp / 1000);
    const none = points.length === 0 ? 'Waiting for the first batch…' : undefined;
    charts.input.update([line('input rows/s', COLORS[0], { fill: 'rgba(37,99,235,0.08)' })], [xs, points.map((p) => p.inputRowsPerSecond)], none);
    charts.processed.update([line('processed rows/s', COLORS[2], { fill: 'rgba(16,185,129,0.08)' })], [xs, points.map((p) => p.processedRowsPerSecond)], none);
    charts.state.update([line('rows in state', COLORS[3], { fill: 'rgba(139,92,246,0.08)' })], [xs, points.map((p) => p.stateRows)], none);

    // Phases stacked: each series is the running total up to its phase, drawn from the top of the stack
    // down so each fill shows its own band; the legend shows the phase's own time.
    const keys = new Set();
    for (const p of points) for (const k of Object.keys(p.durationMs)) if (k !== 'triggerExecution') keys.add(k);
    const phases = [...PHASE_ORDER.filter((k) => keys.has(k)), ...[...keys].filter((k) => !PHASE_ORDER.includes(k)).sort()];
    const own = phases.map((k) => points.map((p) => p.durationMs[k] ?? 0));
    const stacked = own.map((_, i) => points.map((_p, j) => own.slice(0, i + 1).reduce((a, ys) => a + ys[j], 0)));
    const order = phases.map((_, i) => i).reverse();
    const durationSeries = [
      line('batch (triggerExecution)', '#111827', { width: 1.5, dash: [5, 4] }),
      ...order.map((i) => ({
        label: phases[i], stroke: COLORS[i % COLORS.length], width: 1, fill: `${COLORS[i % COLORS.length]}bb`, points: { show: false },
        // The series below this one in the stack is the next one (or none for the bottom phase).
        value: (u, v, si, idx) => (idx === null || v === null ? '–' : fmt(v - (si + 1 < u.data.length ? u.data[si + 1][idx] : 0))),
      })),
    ];
    charts.duration.update(durationSeries, [xs, points.map((p) => p.batchDuration), ...order.map((i) => stacked[i])], none);

    // The watermark starts at the epoch (no event seen yet), which would flatten the chart: not drawn.
    const watermark = (p) => (p.watermark === null || p.watermark <= 0 ? null : p.watermark / 1000);
    const hasWatermark = points.some((p) => p.watermark !== null);
    charts.watermark.update([
      line('watermark', COLORS[4], { value: (_u, v) => (v === null ? '–' : new Date(v * 1000).toISOString().slice(11, 23)) }),
      line('max event time', COLORS[1], { value: (_u, v) => (v === null ? '–' : new Date(v * 1000).toISOString().slice(11, 23)) }),
    ], [xs, points.map(watermark), points.map((p) => (p.maxEventTime === null ? null : p.maxEventTime / 1000))],
    none ?? (hasWatermark ? undefined : 'No watermark: the query has no withWatermark.'));
  };

  connect(`/events?query=${encodeURIComponent(runId)}`, (type, data) => {
    if (type === 'snapshot') {
      if (!data.detail) {
        if (!missing) root.replaceChildren(el('div', { class: 'missing', 'data-testid': 'missing' }, `No query run ${runId} (finished runs are kept for a while only).`));
        missing = true;
        return;
      }
      points = [...data.detail.points];
    } else if (data.detail) {
      points.push(...data.detail.points);
      if (points.length > MAX_POINTS) points = points.slice(points.length - MAX_POINTS);
    }
    if (data.detail && !missing) render(data.detail);
  });
}

const root = document.getElementById('app');
const match = /^\/query\/([^/]+)$/.exec(location.pathname);
if (match) queryView(root, decodeURIComponent(match[1]));
else listView(root);
