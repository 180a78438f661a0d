// Late data, step by step: words with the time they were seen, counted per 10-minute window with a
// 10-minute watermark (update mode, console). Rows that arrive after the watermark has passed their
// window's end are dropped from the counts, as in Spark, and routed to a second sink with
// `writeStream.lateRowsSink(...)` (beyond Spark, which only counts them in `numRowsDroppedByWatermark`).
//
//   pnpm exec tsx examples/late-data/main.ts
//
// The input is a MemoryStream fed by a fixed script, one micro-batch per arrival, so every run prints the
// same thing (times in UTC). The second sink is a memory table, `late_rows`, shown at the end.
//
// PySpark (the aggregation; Spark has no late-rows sink)          | Caudal
// ----------------------------------------------------------------+------------------------------------------------------------
// windowedCounts = words \                                         | const windowedCounts = words
//     .withWatermark("time", "10 minutes") \                       |   .withWatermark('time', '10 minutes')
//     .groupBy(window(words.time, "10 minutes"), words.word) \     |   .groupBy(window(col('time'), '10 minutes'), col('word'))
//     .count()                                                     |   .count();
//                                                                  |
// query = windowedCounts.writeStream \                             | const query = await windowedCounts.writeStream
//     .outputMode("update") \                                      |   .outputMode('update')
//     .format("console") \                                         |   .format('console')
//     .option("truncate", False) \                                 |   .option('truncate', false)
//                                                                  |   .lateRowsSink('memory', { queryName: 'late_rows' })
//     .start()                                                     |   .start();
import { MemoryStream, Session, StructType, TIMESTAMP, STRING, col, window } from 'caudal';

const spark = Session.builder()
  .appName('LateData')
  .config('spark.sql.session.timeZone', 'UTC')
  .getOrCreate();

const stream = new MemoryStream(spark, new StructType().add('word', STRING).add('time', TIMESTAMP));
const words = stream.toDF();

const windowedCounts = words
  .withWatermark('time', '10 minutes')
  .groupBy(window(col('time'), '10 minutes'), col('word'))
  .count();

const query = await windowedCounts.writeStream
  .outputMode('update')
  .format('console')
  .option('truncate', false)
  .lateRowsSink('memory', { queryName: 'late_rows' })
  .start();

const at = (hhmm: string): Date => new Date(`2024-01-01T${hhmm}:00Z`);
const say = (text: string): void => void process.stdout.write(`${text}\n`);

/** The script: when the rows arrive, and the time each word was seen. */
const arrivals: { arrive: string; rows: [string, string][]; note: string }[] = [
  { arrive: '12:05', rows: [['dog', '12:02'], ['owl', '12:04']], note: 'on time' },
  { arrive: '12:12', rows: [['cat', '12:11'], ['dog', '12:07']], note: 'dog (12:07) is out of order, but its window [12:00, 12:10) is still open: counted' },
  { arrive: '12:22', rows: [['owl', '12:21']], note: 'the watermark moves to 12:21 - 10 min = 12:11: [12:00, 12:10) closes (an empty batch evicts it)' },
  { arrive: '12:23', rows: [['dog', '12:08'], ['cat', '12:13']], note: 'dog (12:08) belongs to the closed window: dropped, and sent to late_rows; cat (12:13) is counted' },
  { arrive: '12:35', rows: [['owl', '12:33'], ['donkey', '12:04']], note: 'donkey (12:04) is 31 minutes late: dropped, and sent to late_rows' },
];

/** A progress watermark (ISO-8601) as `HH:MM`; the epoch means no event time has been seen yet. */
const hhmm = (iso: string | undefined): string => (iso === undefined || iso.startsWith('1970-') ? 'none yet' : iso.slice(11, 16));

for (const { arrive, rows, note } of arrivals) {
  const before = query.recentProgress.length;
  say(`>>> ${arrive} arrive: ${rows.map(([w, t]) => `${w} (${t})`).join(', ')}. ${note}`);
  stream.addData(rows.map(([word, t]) => ({ word, time: at(t) })));
  await query.processAllAvailable();
  for (const p of query.recentProgress.slice(before)) {
    const op = p.stateOperators[0];
    say(`<<< batch ${p.batchId}: watermark ${hhmm(p.eventTime['watermark'])}; rows in: ${p.numInputRows}, ` +
      `dropped as late: ${op?.numRowsDroppedByWatermark ?? 0}, groups kept: ${op?.numRowsTotal ?? 0}`);
  }
  say('');
}
await query.stop();

say('Late rows (the late_rows memory table):');
await spark.table('late_rows').show(20, false);
await spark.stop();
