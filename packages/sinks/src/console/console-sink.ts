import { showString, type OutputMode, type Sink, type SinkBatch } from '@caudal/core';
import type { ConsoleSettings } from './console-options.ts';

const RULE = '-'.repeat(43);

/**
 * Where the console sink prints (stdout by default; tests capture it).
 *
 * @example
 * ```ts
 * import type { ConsoleWrite } from 'caudal';
 * import { ConsoleSink } from '@caudal/sinks';
 * // Capture what the console sink prints, e.g. in a test.
 * const printed: string[] = [];
 * const capture: ConsoleWrite = (text) => printed.push(text);
 * const sink = new ConsoleSink({ numRows: 20, truncate: true }, capture);
 * ```
 */
export type ConsoleWrite = (text: string) => void;

const writeStdout: ConsoleWrite = (text) => {
  process.stdout.write(text);
};

/**
 * Prints each batch as Spark's console sink does: a `Batch: <id>` banner between two rules of 43 dashes,
 * then `show(numRows, truncate)` of the batch and a blank line. Not fault tolerant (nothing to replay).
 *
 * @example
 * ```ts
 * import { ColumnBatch, LONG, StructType, createSinkBatch, vectorFromValues } from 'caudal';
 * import { ConsoleSink } from '@caudal/sinks';
 * const schema = new StructType().add('n', LONG);
 * const batch = createSinkBatch(spark, 0, schema, [new ColumnBatch(schema, [vectorFromValues(LONG, [1, 2])], 2)]);
 * await new ConsoleSink({ numRows: 20, truncate: true, timeZone: 'UTC' }).addBatch(batch, 'append');
 * // -------------------------------------------
 * // Batch: 0
 * // -------------------------------------------
 * // +---+
 * // |  n|
 * // ...
 * ```
 */
export class ConsoleSink implements Sink {
  readonly description = 'ConsoleSink';

  constructor(
    private readonly settings: ConsoleSettings & { readonly timeZone?: string },
    private readonly write: ConsoleWrite = writeStdout,
  ) {}

  async addBatch(batch: SinkBatch, _outputMode: OutputMode): Promise<void> {
    const { numRows, truncate, timeZone = 'UTC' } = this.settings;
    const table = showString(batch.schema, firstRows(batch, numRows), batch.numRows, numRows, truncate, timeZone);
    // One write per batch so concurrent queries' output does not interleave mid-table.
    this.write(`${RULE}\nBatch: ${batch.batchId}\n${RULE}\n${table}\n`);
  }

  async stop(): Promise<void> {}
}

/** Internal values of the first `limit` rows only: the rest of the batch is never materialized. */
function firstRows(batch: SinkBatch, limit: number): unknown[][] {
  const rows: unknown[][] = [];
  for (const b of batch.batches) {
    for (let i = 0; i < b.numRows && rows.length < limit; i++) rows.push(b.rowValues(i));
    if (rows.length >= limit) break;
  }
  return rows;
}
