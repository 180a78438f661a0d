import type { AddressInfo } from 'node:net';
import type { Session } from '@caudal/core';
import { DashboardServer } from './dashboard-server.ts';
import { QueryHistory } from './query-history.ts';
import { loadStaticAssets } from './static-assets.ts';

/**
 * Where and how the dashboard listens, and how much history it keeps.
 *
 * @example
 * ```ts
 * import { startDashboard, type DashboardOptions } from 'caudal';
 * const options: DashboardOptions = { port: 0, host: '127.0.0.1', retainedQueries: 20, refreshMs: 1000 };
 * const dashboard = await startDashboard(spark, options);
 * console.log(dashboard.url); // e.g. http://127.0.0.1:53412/ (port 0 picks a free port)
 * // PySpark: SparkSession.builder.config("spark.ui.port", "4040") ... / spark.sql.streaming.ui.retainedQueries
 * ```
 */
export interface DashboardOptions {
  /** TCP port; 0 picks a free one (read it from `url`). Default 4040, as Spark's UI. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`: the dashboard is reachable from this machine only. */
  readonly host?: string;
  /** Finished query runs kept (Spark's `spark.sql.streaming.ui.retainedQueries`). Default 100. */
  readonly retainedQueries?: number;
  /** Progress reports kept per run for the charts (Spark's `retainedProgressUpdates`). Default 600. */
  readonly retainedProgressUpdates?: number;
  /** How often, at most, open pages are sent what changed, in ms. Default 250. */
  readonly refreshMs?: number;
}

/**
 * A running dashboard.
 *
 * @example
 * ```ts
 * import { startDashboard, type Dashboard } from 'caudal';
 * const dashboard: Dashboard = await startDashboard(spark, { port: 4040 });
 * console.log(`open ${dashboard.url}`); // http://127.0.0.1:4040/
 * // ... run queries ...
 * await dashboard.close();
 * ```
 */
export interface Dashboard {
  /** The address of its first page, e.g. `http://127.0.0.1:4040/`. */
  readonly url: string;
  /** Stops listening (open pages are disconnected) and forgets the history; resolves once the port is free. */
  close(): Promise<void>;
}

/**
 * Serves a live dashboard of the session's streaming queries: a page listing active and finished
 * queries, and a page per query with charts (input and processed rows/s, batch duration by phase, rows in
 * state, watermark against the latest event time), the latest progress and the plan. It listens to the
 * session through a StreamingQueryListener, so queries started before or after it are shown alike.
 * Rejects when the port cannot be bound.
 *
 * @example
 * ```ts
 * import { Session, startDashboard } from 'caudal';
 * const spark = Session.builder().appName('wordcount').getOrCreate();
 * const dashboard = await startDashboard(spark, { port: 4040 });
 * console.log(`dashboard at ${dashboard.url}`);
 * // ... start queries ...
 * await dashboard.close();
 * ```
 */
export async function startDashboard(session: Session, options: DashboardOptions = {}): Promise<Dashboard> {
  const port = options.port ?? 4040;
  const host = options.host ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`dashboard port must be an integer from 0 to 65535, got ${port}`);
  const history = new QueryHistory(session.streams, {
    retainedQueries: positive('retainedQueries', options.retainedQueries ?? 100),
    retainedProgressUpdates: positive('retainedProgressUpdates', options.retainedProgressUpdates ?? 600),
  });
  const server = new DashboardServer(session.appName, history, loadStaticAssets(), positive('refreshMs', options.refreshMs ?? 250));
  session.streams.addListener(history);
  let address: AddressInfo;
  try {
    address = await server.listen(port, host);
  } catch (e) {
    session.streams.removeListener(history);
    await server.close();
    throw e;
  }
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostPart}:${address.port}/`,
    close: async () => {
      session.streams.removeListener(history);
      await server.close();
    },
  };
}

function positive(name: string, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`dashboard option ${name} must be a positive integer, got ${n}`);
  return n;
}
