import type { Session } from './session.ts';

/**
 * Work a package outside core does for every new session, as the format registry lets packages add
 * connectors: the `caudal` facade starts the dashboard when `caudal.ui.enabled` is set, so core knows
 * nothing of it. A hook may return a function that `session.stop()` awaits (to release what it opened).
 *
 * @example
 * ```ts
 * import { registerSessionHook, type SessionHook } from 'caudal';
 * // Reports every session's queries while it runs; session.stop() removes the listener.
 * const logQueries: SessionHook = (session) => {
 *   const listener = { onQueryStarted: (e: { id: string }) => console.log(`${session.appName}: query ${e.id} started`) };
 *   session.streams.addListener(listener);
 *   return async () => session.streams.removeListener(listener);
 * };
 * registerSessionHook(logQueries);
 * ```
 */
export type SessionHook = (session: Session) => (() => Promise<void>) | undefined;

const hooks: SessionHook[] = [];
const stopActions = new WeakMap<Session, (() => Promise<void>)[]>();

/**
 * Registers a hook for sessions created from now on; registering the same function twice is a no-op.
 *
 * @example
 * ```ts
 * import { Session, registerSessionHook } from 'caudal';
 * registerSessionHook((session) => {
 *   session.conf.set('spark.sql.session.timeZone', 'UTC'); // a default for every session created from now on
 *   return undefined;
 * });
 * const spark = Session.builder().appName('reports').getOrCreate();
 * ```
 */
export function registerSessionHook(hook: SessionHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

/** @internal Runs every hook for a new session (a hook that throws fails the session's creation). */
export function runSessionHooks(session: Session): void {
  const actions: (() => Promise<void>)[] = [];
  stopActions.set(session, actions);
  for (const hook of hooks) {
    const stop = hook(session);
    if (stop) actions.push(stop);
  }
}

/** @internal What the hooks asked to do when the session stops, in reverse order; failures are reported, not thrown. */
export async function runSessionStopActions(session: Session): Promise<void> {
  const actions = stopActions.get(session) ?? [];
  stopActions.delete(session);
  for (const action of actions.reverse()) {
    try {
      await action();
    } catch (e) {
      process.stderr.write(`Error while stopping session ${session.appName}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
}
