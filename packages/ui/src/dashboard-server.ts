import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { QueryHistory } from './query-history.ts';
import type { StaticAsset } from './static-assets.ts';

/** An open event stream: the run it follows (null on the list page) and the last change it was sent. */
interface EventClient {
  readonly res: ServerResponse;
  readonly runId: string | null;
  sent: number;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
} as const;

/**
 * The dashboard's HTTP server (node:http, no framework):
 *   GET /                   the list of query runs          GET /query/<runId>   one run's page
 *   GET /static/<file>      page script, style, uPlot        GET /api/queries     summaries (JSON)
 *   GET /api/queries/<id>   one run's detail (JSON)          GET /events[?query=<runId>]  server-sent events
 * An event stream starts with a `snapshot` event, then gets an `update` event with what changed, at most
 * once per `refreshMs` (a fast query does not flood the browser), plus a comment every 15 s to stay open.
 */
export class DashboardServer {
  private readonly server: Server;
  private readonly clients = new Set<EventClient>();
  private timer: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private flushedSeq = 0;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly appName: string,
    private readonly history: QueryHistory,
    private readonly assets: ReadonlyMap<string, StaticAsset>,
    private readonly refreshMs: number,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  /** Binds the port; rejects with the listen error (EADDRINUSE, ...). */
  async listen(port: number, host: string): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => reject(e);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    // The dashboard never keeps a program alive by itself (Spark's UI dies with its driver too).
    this.server.unref();
    this.server.on('connection', (socket) => socket.unref());
    this.timer = setInterval(() => this.flush(), this.refreshMs).unref();
    this.heartbeat = setInterval(() => { for (const c of this.clients) c.res.write(': ping\n\n'); }, 15_000).unref();
    return this.server.address() as AddressInfo;
  }

  /** Ends every event stream and closes the server; resolves once the port is free. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      clearInterval(this.timer);
      clearInterval(this.heartbeat);
      for (const c of this.clients) c.res.end();
      this.clients.clear();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://dashboard');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      this.send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    const path = url.pathname;
    const queryPage = /^\/query\/([^/]+)$/.exec(path);
    const apiQuery = /^\/api\/queries\/([^/]+)$/.exec(path);
    if (path === '/' || queryPage) {
      this.sendAsset(res, 'index.html');
    } else if (path.startsWith('/static/')) {
      this.sendAsset(res, path.slice('/static/'.length));
    } else if (path === '/api/queries') {
      this.sendJson(res, 200, { app: this.appName, queries: this.history.summaries() });
    } else if (apiQuery) {
      const detail = this.history.detail(decodeURIComponent(apiQuery[1]!));
      if (detail) this.sendJson(res, 200, detail);
      else this.sendJson(res, 404, { error: `no query run ${decodeURIComponent(apiQuery[1]!)}` });
    } else if (path === '/events') {
      this.openEvents(res, url.searchParams.get('query'));
    } else {
      this.send(res, 404, 'text/plain; charset=utf-8', `Not Found: ${path}\n`);
    }
  }

  private openEvents(res: ServerResponse, runId: string | null): void {
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    const client: EventClient = { res, runId, sent: this.history.seq };
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
    writeEvent(res, 'snapshot', {
      app: this.appName,
      queries: this.history.summaries(),
      ...(runId !== null ? { detail: this.history.detail(runId) } : {}),
    });
  }

  /** Sends each stream what changed since it was last written to. */
  private flush(): void {
    const seq = this.history.seq;
    if (seq === this.flushedSeq) return;
    this.flushedSeq = seq;
    if (this.clients.size === 0) return;
    const queries = this.history.summaries();
    for (const c of this.clients) {
      if (c.sent === seq) continue;
      const detail = c.runId !== null && this.history.changedSince(c.runId, c.sent) ? this.history.detail(c.runId, c.sent) : undefined;
      writeEvent(c.res, 'update', { queries, ...(detail ? { detail } : {}) });
      c.sent = seq;
    }
  }

  private sendAsset(res: ServerResponse, name: string): void {
    const asset = this.assets.get(name);
    if (!asset) this.send(res, 404, 'text/plain; charset=utf-8', `Not Found: /static/${name}\n`);
    else this.send(res, 200, asset.contentType, asset.body);
  }

  private sendJson(res: ServerResponse, status: number, value: unknown): void {
    this.send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  }

  private send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
    res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'content-type': contentType, 'cache-control': 'no-store' });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  }
}

function writeEvent(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}
