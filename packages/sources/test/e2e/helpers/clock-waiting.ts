import type { ManualClock } from 'caudal';

/**
 * Resolves once something waits on the clock: the query's trigger sleeping until its next interval.
 * Advancing only then makes each advance start exactly one trigger, at the new time.
 */
export async function untilClockWaited(clock: ManualClock): Promise<void> {
  while (!clock.isWaiting()) await new Promise((resolve) => setTimeout(resolve, 1));
}
