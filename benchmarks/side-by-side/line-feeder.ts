/**
 * w7's line source: a TCP server on 127.0.0.1 (port 0) that the runner's socket source connects to. Once the
 * runner has connected and printed READY, `feed` sends `<seq>,<sentMs>` lines at a steady rate. The schedule
 * is drift-corrected (line i is due at start + i / rate, however late the previous timer fired), and sentMs
 * (epoch ms, sub-ms: `performance.timeOrigin + performance.now()`) is taken right before each line's write.
 */
import { createServer, type Server, type Socket } from 'node:net';

export interface FeedStats {
  readonly linesSent: number;
  /** First write → last write. */
  readonly feedMs: number;
  readonly linesPerSecond: number;
  /** How far behind its schedule the latest line was written (timer lateness, a busy event loop). */
  readonly maxLagMs: number;
  /** Connections accepted; the lines go to the first one only. */
  readonly connections: number;
}

export const nowEpochMs = (): number => performance.timeOrigin + performance.now();

export class LineFeeder {
  private readonly sockets: Socket[] = [];
  private readonly waiters: (() => void)[] = [];
  private connections = 0;
  private stopped = false;

  private constructor(private readonly server: Server, readonly host: string, readonly port: number) {
    server.on('connection', (s) => {
      this.connections++;
      s.setNoDelay(true);
      s.on('error', () => undefined); // the runner closing its end is not our failure
      this.sockets.push(s);
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async listen(host = '127.0.0.1'): Promise<LineFeeder> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, host, () => resolve());
    });
    const addr = server.address();
    if (addr === null || typeof addr === 'string') throw new Error('the line feeder has no TCP address');
    return new LineFeeder(server, host, addr.port);
  }

  /** Resolves once a client is connected; rejects after `timeoutMs`. */
  waitForConnection(timeoutMs: number): Promise<void> {
    if (this.sockets.length > 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no connection to the line feeder within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Sends `lines` lines at `linesPerSecond` to the first connection; `stop()` ends it early. */
  async feed(lines: number, linesPerSecond: number): Promise<FeedStats> {
    const socket = this.sockets[0];
    if (socket === undefined) throw new Error('the line feeder has no connection');
    const intervalMs = 1000 / linesPerSecond;
    const start = performance.now();
    let first = 0;
    let last = 0;
    let seq = 0;
    let maxLagMs = 0;
    while (seq < lines && !this.stopped && !socket.destroyed) {
      // Every line due by now goes out, each with its own send time.
      while (seq < lines && start + seq * intervalMs <= performance.now()) {
        const t = performance.now();
        maxLagMs = Math.max(maxLagMs, t - (start + seq * intervalMs));
        const sentMs = performance.timeOrigin + t;
        socket.write(`${seq},${sentMs}\n`);
        if (seq === 0) first = t;
        last = t;
        seq++;
      }
      if (seq >= lines) break;
      const wait = start + seq * intervalMs - performance.now();
      await new Promise((r) => setTimeout(r, Math.max(0, Math.floor(wait))));
    }
    const feedMs = last - first;
    return {
      linesSent: seq,
      feedMs,
      linesPerSecond: seq > 1 ? ((seq - 1) * 1000) / feedMs : 0,
      maxLagMs,
      connections: this.connections,
    };
  }

  /** Ends a running feed, closes every connection and the server. */
  async close(): Promise<void> {
    this.stopped = true;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
