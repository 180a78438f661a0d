import type { ColumnBatch, StructType } from '@caudal/core';
import type { PartFileEncoder } from '../format/part-file-encoder.ts';
import type { JsonWriteSettings } from './json-options.ts';
import { memberWriter } from './json-member-writer.ts';
import { Utf8Out } from './utf8-out.ts';

const utf8 = new TextEncoder();

/** Bytes per piece `encodeStream` hands out (a row may end a little past it). */
const PIECE_BYTES = 1 << 20;
const OPEN = 0x7b;

/**
 * JSON Lines as Spark's JSON writer: one object per row, each followed by `lineSep`, encoded straight
 * into UTF-8 bytes. A row that starts with the same values as the previous one (the rows of an explode
 * repeat their parent's columns) copies the previous row's bytes for them.
 */
export function jsonEncoder(schema: StructType, settings: JsonWriteSettings): PartFileEncoder {
  const writers = schema.fields.map((f) => memberWriter(f.dataType, f.name, settings));
  const close = utf8.encode(`}${settings.lineSep}`);
  const empty = utf8.encode(`{}${settings.lineSep}`);
  const width = writers.length;

  function* encodeStream(batches: readonly ColumnBatch[]): Generator<Uint8Array> {
    const out = new Utf8Out(PIECE_BYTES + (PIECE_BYTES >> 4));
    // ends[c]: where the current row's members up to column c end, from the row's start.
    const ends = new Int32Array(width);
    for (const batch of batches) {
      const columns = writers.map((w, c) => w(batch.column(c)));
      let previous = -1;
      for (let r = 0; r < batch.numRows; r++) {
        const start = out.pos;
        let c = 0;
        if (previous >= 0) {
          while (c < width && columns[c]!.same(r)) c++;
          if (c > 0) {
            const len = ends[c - 1]!;
            out.ensure(len);
            out.buf.copyWithin(start, previous, previous + len);
            out.pos += len;
          }
        }
        // Members all start with a comma; the row's first one becomes its `{`.
        for (; c < width; c++) {
          columns[c]!.write(r, out);
          ends[c] = out.pos - start;
        }
        if (out.pos === start) out.bytes(empty);
        else {
          out.buf[start] = OPEN;
          out.bytes(close);
        }
        previous = start;
        if (out.pos >= PIECE_BYTES) {
          yield out.take(PIECE_BYTES + (PIECE_BYTES >> 4));
          previous = -1;
        }
      }
    }
    if (out.pos > 0) yield out.take(0);
  }

  return {
    extension: '.json',
    encode: async (batch: ColumnBatch) => Buffer.concat([...encodeStream([batch])]),
    encodeStream,
  };
}
