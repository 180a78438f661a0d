// The occupancy CSV as a Kafka message stream: which file the producer sends and how the query parses a row.
import { fileURLToPath } from 'node:url';
import { col, element_at, regexp_replace, split, to_timestamp, type DataFrame } from 'caudal';

/** The UCI occupancy test set (also used by examples/sensors): a header line, then one reading a minute. */
export const READINGS_FILE = fileURLToPath(new URL('../sensors/data/datatest.txt', import.meta.url));

/**
 * Kafka records whose value is one CSV row, e.g. `"2015-02-02 14:19:00",23.7,26.272,585.2,749.2,0.0047,1`,
 * as typed columns. The course's `lines` DStream did the same with `replace('"', '')` and `split(",")`.
 * A value that is not such a row gives nulls (cast of a bad field), never a failure; rows without a date are dropped.
 */
export function parseReadings(records: DataFrame): DataFrame {
  const fields = split(regexp_replace(col('value').cast('string'), '"', ''), ',');
  return records
    .select(
      to_timestamp(element_at(fields, 1)).alias('Date'),
      element_at(fields, 2).cast('double').alias('Temperature'),
      element_at(fields, 3).cast('double').alias('Humidity'),
      element_at(fields, 4).cast('double').alias('Light'),
      element_at(fields, 5).cast('double').alias('CO2'))
    .filter(col('Date').isNotNull());
}
