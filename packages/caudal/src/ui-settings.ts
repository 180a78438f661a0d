import { AnalysisError, registerSessionHook, type Session } from '@caudal/core';
import { startDashboard, type Dashboard } from '@caudal/ui';

/** Like Spark's `spark.port.maxRetries`: how many following ports a busy `caudal.ui.port` may move to. */
const PORT_RETRIES = 16;

const dashboards = new WeakMap<Session, Promise<Dashboard | null>>();

/**
 * The dashboard's address when the session was created with `caudal.ui.enabled` (Spark's
 * `sparkContext.uiWebUrl`); null when it is off or could not bind a port.
 *
 * @example
 * ```ts
 * import { Session, uiWebUrl } from 'caudal';
 * const spark = Session.builder().config('caudal.ui.enabled', true).getOrCreate();
 * console.log(await uiWebUrl(spark)); // http://127.0.0.1:4040/
 * ```
 */
export async function uiWebUrl(session: Session): Promise<string | null> {
  return (await dashboards.get(session))?.url ?? null;
}

/**
 * The session settings, read when a session is created (as Spark's `spark.ui.*`, they cannot change
 * later): `caudal.ui.enabled` (default false), `caudal.ui.port` (default 4040; a busy port moves to the
 * next, up to 16 times, as Spark does), `caudal.ui.host` (default 127.0.0.1). `session.stop()` closes it.
 */
export function registerUiSettings(): void {
  registerSessionHook(startConfiguredDashboard);
}

function startConfiguredDashboard(session: Session): (() => Promise<void>) | undefined {
  const enabled = session.conf.get('caudal.ui.enabled')?.trim().toLowerCase();
  if (enabled === undefined || enabled === 'false') return undefined;
  if (enabled !== 'true') throw new AnalysisError(`caudal.ui.enabled must be true or false, got '${session.conf.get('caudal.ui.enabled')}'`);
  const portText = session.conf.get('caudal.ui.port') ?? '4040';
  const port = Number(portText);
  if (!/^\d+$/.test(portText.trim()) || port > 65535) {
    throw new AnalysisError(`caudal.ui.port must be an integer from 0 to 65535, got '${portText}'`);
  }
  const host = session.conf.get('caudal.ui.host') ?? '127.0.0.1';
  const started = bindWithRetries(session, port, host);
  dashboards.set(session, started);
  return async () => {
    await (await started)?.close();
  };
}

async function bindWithRetries(session: Session, port: number, host: string): Promise<Dashboard | null> {
  for (let attempt = 0; ; attempt++) {
    const p = port === 0 ? 0 : port + attempt;
    try {
      const dashboard = await startDashboard(session, { port: p, host });
      process.stderr.write(`Caudal dashboard for ${session.appName} available at ${dashboard.url}\n`);
      return dashboard;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' && port !== 0 && attempt < PORT_RETRIES && p < 65535) {
        process.stderr.write(`Service 'CaudalUI' could not bind on port ${p}. Attempting port ${p + 1}.\n`);
        continue;
      }
      process.stderr.write(`Caudal dashboard not started: ${e instanceof Error ? e.message : String(e)}\n`);
      return null;
    }
  }
}
