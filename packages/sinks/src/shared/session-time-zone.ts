/**
 * The session setting that decides the zone timestamps are shown in.
 *
 * @example
 * ```ts
 * import { SESSION_TIME_ZONE_CONF } from '@caudal/sinks';
 * spark.conf.set(SESSION_TIME_ZONE_CONF, 'Europe/Madrid'); // 'spark.sql.session.timeZone'
 * ```
 */
export const SESSION_TIME_ZONE_CONF = 'spark.sql.session.timeZone';

const FALLBACK_TIME_ZONE = 'UTC';

interface TimeZoneSource {
  /** The effective zone, as `DataFrame.show()` uses it. */
  readonly timeZone?: unknown;
  readonly conf?: { readonly get?: (key: string) => unknown };
}

/**
 * The session's time zone for display: `session.timeZone` (what `df.show()` uses), else
 * `session.conf.get('spark.sql.session.timeZone')`, else UTC. Typed loosely on purpose so a session
 * without either never fails a query.
 *
 * @example
 * ```ts
 * import { Session } from 'caudal';
 * import { sessionTimeZone } from '@caudal/sinks';
 * const spark = Session.builder().config('spark.sql.session.timeZone', 'Europe/Madrid').create();
 * sessionTimeZone(spark); // 'Europe/Madrid'
 * sessionTimeZone(undefined); // 'UTC'
 * ```
 */
export function sessionTimeZone(session: unknown): string {
  if (typeof session !== 'object' || session === null) return FALLBACK_TIME_ZONE;
  const s = session as TimeZoneSource;
  if (isZone(s.timeZone)) return s.timeZone;
  const conf = s.conf;
  if (conf !== undefined && typeof conf.get === 'function') {
    const zone = conf.get(SESSION_TIME_ZONE_CONF);
    if (isZone(zone)) return zone;
  }
  return FALLBACK_TIME_ZONE;
}

function isZone(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}
