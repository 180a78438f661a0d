import type { StructType } from '@caudal/core';
import type { ParsedFile } from '../file-format.ts';
import type { CorruptRecordLayout } from '../malformed/corrupt-record-column.ts';
import { MalformedRecordError, type MalformedRecord } from '../malformed/malformed-record-error.ts';
import type { ParseMode } from '../malformed/parse-mode.ts';
import { BatchBuilder } from './batch-builder.ts';

/**
 * Turns one file's records into rows, applying `mode` to malformed ones. Parsers write field values
 * into `row` (at `layout.dataIndices[j]` for data field j) and call `emit` or `emitMalformed`; a parser
 * sure of a whole good row may append it to `builder`'s columns instead.
 */
export class RowAssembler {
  readonly row: unknown[];
  readonly builder: BatchBuilder;
  private readonly malformed: MalformedRecord[] = [];

  constructor(
    schema: StructType,
    readonly layout: CorruptRecordLayout,
    private readonly mode: ParseMode,
    private readonly path: string,
  ) {
    this.row = new Array<unknown>(schema.length).fill(null);
    this.builder = new BatchBuilder(schema);
  }

  /** Appends `row` as a good record and clears it. */
  emit(): void {
    this.builder.appendRow(this.row);
    this.row.fill(null);
  }

  /**
   * A malformed record. PERMISSIVE keeps a row: the fields already in `row` when `keepPartial` (values
   * that did convert), nulls otherwise, and the raw text in the corrupt-record column if the schema has
   * one. DROPMALFORMED drops it; FAILFAST throws naming the file and line.
   */
  emitMalformed(line: number, reason: string, raw: string, keepPartial: boolean): void {
    const record = { path: this.path, line, reason };
    if (this.mode === 'FAILFAST') throw new MalformedRecordError(record);
    this.malformed.push(record);
    if (this.mode === 'PERMISSIVE') {
      if (!keepPartial) this.row.fill(null);
      if (this.layout.corruptIndex !== -1) this.row[this.layout.corruptIndex] = raw;
      this.builder.appendRow(this.row);
    }
    this.row.fill(null);
  }

  finish(): ParsedFile {
    const batches = this.builder.finish();
    return { batches, rows: batches.reduce((n, b) => n + b.numRows, 0), malformed: this.malformed };
  }
}
