import { createConnection, type Socket } from 'node:net';
import {
  ColumnBatch,
  STRING,
  TIMESTAMP,
  type Offset,
  type ReadLimit,
  type SourceContext,
  type StreamSource,
  type StructType,
  type Vector,
} from '@caudal/core';
import { stderrLog, type Log } from '../common/log.ts';
import { longOffset } from '../common/long-offset.ts';
import { LineBuffer } from './line-buffer.ts';
import { LineSplitter } from './line-splitter.ts';
import type { SocketConfig } from './socket-options.ts';
import { socketSchema } from './socket-schema.ts';

/**
 * `format('socket')` (Spark's TextSocketMicroBatchStream), for tutorials and debugging: a TCP client that
 * buffers the UTF-8 lines a server sends. The offset is the number of lines received - 1; committed lines are
 * dropped. Not fault tolerant: lines live only in memory, so a restarted query cannot replay them.
 * Lines arrive through socket events (no polling) and each arrival calls `ctx.notifyDataAvailable()`;
 * `timestamp` is the receive time on `ctx.clock`.
 */
export class SocketSource implements StreamSource {
  readonly schema: StructType;
  readonly description: string;
  private readonly buffer: LineBuffer;
  private readonly splitter = new LineSplitter();
  private socket: Socket | null = null;
  private starting: Promise<void> | undefined;
  private stopped = false;
  private closeLogged = false;

  constructor(
    private readonly config: SocketConfig,
    private readonly ctx: SourceContext,
    private readonly log: Log = stderrLog,
  ) {
    this.schema = socketSchema(config.includeTimestamp);
    this.description = `TextSocketV2[host: ${config.host}, port: ${config.port}]`;
    this.buffer = new LineBuffer(config.includeTimestamp);
  }

  /** Connects; fails with the address and a hint when nothing listens there. Later calls share the outcome. */
  start(): Promise<void> {
    this.starting ??= this.connect();
    return this.starting;
  }

  private async connect(): Promise<void> {
    if (this.stopped) throw new Error(`${this.description} was stopped before it started`);
    this.log('The socket source should not be used for production applications! It does not support recovery.');
    const { host, port } = this.config;
    const socket = createConnection({ host, port });
    this.socket = socket;
    let connected = false;
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => {
        connected = true;
        resolve();
      });
      socket.on('data', (chunk: Buffer) => this.receive(this.splitter.push(chunk)));
      // A server that closes (or resets) the connection ends the input; the query keeps running without new lines.
      socket.on('end', () => {
        this.receive(this.splitter.end());
        this.logClosed();
      });
      socket.on('error', (err) => {
        if (connected) {
          this.logClosed(err);
          return;
        }
        socket.destroy();
        reject(new Error(`Cannot connect to the socket source at ${host}:${port}: ${err.message}. ` +
          `Is a server listening there? For a quick test run \`nc -lk ${port}\` first.`, { cause: err }));
      });
      socket.on('close', () => {
        if (!connected) reject(new Error(`The socket source at ${host}:${port} was stopped before it connected`));
      });
    });
  }

  initialOffset(): Offset {
    return -1;
  }

  async latestOffset(_start: Offset, _limit: ReadLimit): Promise<Offset> {
    return this.buffer.latest;
  }

  async getBatch(start: Offset | null, end: Offset): Promise<ColumnBatch[]> {
    const from = start === null ? -1 : longOffset(start, -1, 'socket');
    const to = longOffset(end, -1, 'socket');
    if (from > to) throw new Error(`internal: socket batch start ${from} is after its end ${to}`);
    if (from < this.buffer.lastCommitted || to > this.buffer.latest) {
      throw new Error(
        `${this.description} cannot serve lines ${from + 1}..${to}: it holds lines ${this.buffer.lastCommitted + 1}..` +
          `${this.buffer.latest}. The socket source keeps lines only in memory and does not support recovery; ` +
          'restart the query with a new checkpointLocation.',
      );
    }
    if (from === to) return [];
    const { lines, micros } = this.buffer.slice(from, to);
    const columns: Vector[] = [{ kind: 'obj', type: STRING, values: lines }];
    if (this.config.includeTimestamp) columns.push({ kind: 'num', type: TIMESTAMP, values: micros, valid: null });
    return [new ColumnBatch(this.schema, columns, lines.length)];
  }

  async commit(end: Offset): Promise<void> {
    const to = longOffset(end, -1, 'socket');
    const last = this.buffer.lastCommitted;
    if (to < last) throw new Error(`Offsets committed out of order: ${last} followed by ${to}`);
    if (to > this.buffer.latest) {
      throw new Error(`internal: ${this.description} asked to commit line ${to} but has received up to ${this.buffer.latest}`);
    }
    this.buffer.commit(to);
  }

  /** Closes the connection; lines still buffered stay readable. Idempotent. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.socket?.destroy();
    this.socket = null;
  }

  private receive(lines: readonly string[]): void {
    if (lines.length === 0) return;
    this.buffer.append(lines, this.config.includeTimestamp ? this.ctx.clock.now() * 1000 : 0);
    // Wakes an idle query now rather than at its next poll.
    this.ctx.notifyDataAvailable();
  }

  private logClosed(err?: Error): void {
    if (this.closeLogged || this.stopped) return;
    this.closeLogged = true;
    const { host, port } = this.config;
    this.log(`Stream closed by ${host}:${port}${err === undefined ? '' : ` (${err.message})`}`);
  }
}
