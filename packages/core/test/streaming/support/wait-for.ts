import type { ManualClock, StreamingQuery } from 'caudal';

/** How many event-loop turns a condition may take before the wait fails (bounded, never a sleep). */
const MAX_TURNS = 20_000;

/** Yields one turn of the event loop (timers, I/O and microtasks all get to run). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Resolves once `condition()` holds, polling once per event-loop turn; fails after a bounded number of turns. */
export async function waitFor(condition: () => boolean, what: string, maxTurns = MAX_TURNS): Promise<void> {
  for (let i = 0; i < maxTurns; i++) {
    if (condition()) return;
    await nextTurn();
  }
  throw new Error(`waitFor: still waiting after ${maxTurns} event-loop turns for ${what}`);
}

/**
 * Resolves once a processing-time query is parked on the manual clock: it waits for a future time
 * and no trigger is running. After this, nothing happens until the clock is advanced.
 */
export function untilWaitingOnClock(clock: ManualClock, query: StreamingQuery): Promise<void> {
  return waitFor(
    () => clock.isWaiting() && !query.status.isTriggerActive,
    `query ${query.name ?? query.id} to wait on the manual clock (status: ${query.status.message})`,
  );
}
