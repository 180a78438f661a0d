// The replay of the occupancy readings as timestamped CSV files: shared by simulator.ts (which drops the
// files into a folder as time passes) and the crash test (which writes them all up front).

/** The columns of a replayed file: the event time, then the data set's own columns. */
export const REPLAY_HEADER = '"EventTime","Date","Temperature","Humidity","Light","CO2","HumidityRatio","Occupancy"';

/** The schema main.ts reads the replayed files with. */
export const READINGS_SCHEMA =
  'EventTime TIMESTAMP, Date STRING, Temperature DOUBLE, Humidity DOUBLE, Light DOUBLE, CO2 DOUBLE, HumidityRatio DOUBLE, Occupancy INT';

export interface ReplayOptions {
  /** Readings per file. */
  readonly rowsPerFile: number;
  /** How many times faster than the readings were taken the replay runs. */
  readonly speed: number;
  /** Event time of the first reading, in ms since the epoch. */
  readonly startMs: number;
  /** Only the first this many readings. */
  readonly limit?: number;
}

export interface ReplayFile {
  /** `readings-00001.csv`, ... : zero-padded, so name order is replay order. */
  readonly name: string;
  /** Header line, then one line per reading, each ending in `\n`. */
  readonly text: string;
  readonly rows: number;
  readonly lastEventTimeMs: number;
}

/**
 * Splits the data set (`"Date","Temperature",...` header, then rows such as
 * `"2015-02-02 14:19:00",23.7,26.272,585.2,749.2,0.00476416302416414,1`) into files of `rowsPerFile` rows,
 * each row prefixed with its event time: `startMs + (Date - first Date) / speed`, rounded to the millisecond
 * and written as ISO-8601 UTC.
 */
export function replayFiles(data: string, options: ReplayOptions): ReplayFile[] {
  const lines = data.split(/\r?\n/).filter((l) => l !== '');
  const header = lines.shift();
  if (header === undefined || !header.startsWith('"Date",')) throw new Error(`not an occupancy data file: header ${JSON.stringify(header)}`);
  const rows = lines.slice(0, options.limit ?? lines.length);
  const firstMs = readingTimeMs(rows[0] ?? '');
  const files: ReplayFile[] = [];
  for (let i = 0; i < rows.length; i += options.rowsPerFile) {
    const chunk = rows.slice(i, i + options.rowsPerFile);
    let last = 0;
    const body = chunk.map((row) => {
      last = options.startMs + Math.round((readingTimeMs(row) - firstMs) / options.speed);
      return `${new Date(last).toISOString()},${row}\n`;
    });
    const name = `readings-${String(files.length + 1).padStart(5, '0')}.csv`;
    files.push({ name, text: `${REPLAY_HEADER}\n${body.join('')}`, rows: chunk.length, lastEventTimeMs: last });
  }
  return files;
}

/** The reading's `"yyyy-MM-dd HH:mm:ss"` date, read as UTC (only differences between readings matter). */
function readingTimeMs(row: string): number {
  const m = /^"(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})"/.exec(row);
  if (m === null) throw new Error(`a reading without a "yyyy-MM-dd HH:mm:ss" date: ${row}`);
  return Date.parse(`${m[1]}T${m[2]}Z`);
}
