import { AnalysisError, DEFAULT_FILE_SINK_COMPACT_INTERVAL, type FileSinkLogSettings, type Session } from '@caudal/core';

const COMPACT_INTERVAL = 'spark.sql.streaming.fileSink.log.compactInterval';
const DELETION = 'spark.sql.streaming.fileSink.log.deletion';

/** The manifest settings from the session, as Spark's `FileStreamSinkLog` reads them (10, deletion on). */
export function fileSinkLogConf(session: Session): FileSinkLogSettings {
  const rawInterval = session.conf.get(COMPACT_INTERVAL);
  const compactInterval = rawInterval === undefined ? DEFAULT_FILE_SINK_COMPACT_INTERVAL : Number(rawInterval.trim());
  if (!Number.isSafeInteger(compactInterval) || compactInterval <= 0) {
    throw new AnalysisError(`Please set ${COMPACT_INTERVAL} (was ${rawInterval ?? ''}) to a positive value.`);
  }
  const rawDeletion = (session.conf.get(DELETION) ?? 'true').trim().toLowerCase();
  if (rawDeletion !== 'true' && rawDeletion !== 'false') {
    throw new AnalysisError(`${DELETION} should be boolean, but was ${session.conf.get(DELETION) ?? ''}`);
  }
  return { compactInterval, deleteOldEntries: rawDeletion === 'true' };
}
