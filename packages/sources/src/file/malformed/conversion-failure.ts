import { simpleString, type DataType } from '@caudal/core';

/**
 * A value that does not fit its column's type; it makes the record malformed. Thrown by converters and
 * caught per top-level field, so the other fields of the record keep their values (Spark's partial results).
 */
export class ConversionFailure extends Error {
  override readonly name = 'ConversionFailure';

  /** `path` locates the value inside the field: `.City`, `[2].ItemQty`. */
  constructor(readonly value: unknown, readonly type: DataType, public path = '') {
    super('value does not fit its type');
  }

  /** Prefixes one step of the path while the failure travels up through nested converters. */
  static within(e: unknown, step: string): unknown {
    if (e instanceof ConversionFailure) e.path = step + e.path;
    return e;
  }

  /** `cannot parse field 'Cantidad' value "abc" as int`. */
  describe(field: string): string {
    return `cannot parse field '${field}${this.path}' value ${render(this.value)} as ${simpleString(this.type)}`;
  }
}

const MAX_SHOWN = 60;

function render(v: unknown): string {
  const text = typeof v === 'string' || (typeof v === 'object' && v !== null) ? JSON.stringify(v) : String(v);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
}
