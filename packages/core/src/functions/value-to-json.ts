import { formatCell } from '../display/cell-format.ts';
import { intervalToString, type IntervalValue } from '../types/interval.ts';
import type { DataType } from '../types/data-type.ts';
import type { DateTimeFormatter } from './datetime-pattern.ts';
import { MICROS_PER_DAY } from './calendar.ts';
import { doubleToJson, quoteJsonString } from './json-writer.ts';

export interface JsonWriteOptions {
  readonly timeZone: string;
  readonly timestampFormat: DateTimeFormatter;
  readonly dateFormat: DateTimeFormatter;
  /** Leave struct fields that are null out (Spark's default `ignoreNullFields`). */
  readonly ignoreNullFields: boolean;
}

/** An internal value of `type` as JSON text, as Spark's JacksonGenerator writes it. */
export function valueToJson(type: DataType, v: unknown, o: JsonWriteOptions): string {
  if (v === null || v === undefined) return 'null';
  switch (type.kind) {
    case 'string': return quoteJsonString(v as string);
    case 'int': case 'long': return String(v);
    case 'double': return doubleToJson(v as number);
    case 'boolean': return v ? 'true' : 'false';
    case 'timestamp': return quoteJsonString(o.timestampFormat.format(v as number, o.timeZone));
    case 'date': return quoteJsonString(o.dateFormat.format((v as number) * MICROS_PER_DAY, 'UTC'));
    case 'binary': return quoteJsonString(Buffer.from(v as Uint8Array).toString('base64'));
    case 'interval': return quoteJsonString(intervalToString(v as IntervalValue));
    case 'null': return 'null';
    case 'array': {
      let out = '[';
      let first = true;
      for (const e of v as readonly unknown[]) {
        out += (first ? '' : ',') + valueToJson(type.elementType, e, o);
        first = false;
      }
      return `${out}]`;
    }
    case 'map': {
      let out = '{';
      let first = true;
      for (const [k, x] of v as ReadonlyMap<unknown, unknown>) {
        const key = type.keyType.kind === 'string' ? (k as string) : formatCell(type.keyType, k, o.timeZone);
        out += `${first ? '' : ','}${quoteJsonString(key)}:${valueToJson(type.valueType, x, o)}`;
        first = false;
      }
      return `${out}}`;
    }
    case 'struct': {
      const values = v as readonly unknown[];
      let out = '{';
      let first = true;
      for (let i = 0; i < type.fields.length; i++) {
        const x = values[i];
        if ((x === null || x === undefined) && o.ignoreNullFields) continue;
        const f = type.fields[i]!;
        out += `${first ? '' : ','}${quoteJsonString(f.name)}:${valueToJson(f.dataType, x, o)}`;
        first = false;
      }
      return `${out}}`;
    }
  }
}
