import { AnalysisError } from '../analyzer/analysis-error.ts';
import { TIMESTAMP, simpleString } from '../types/data-type.ts';
import type { ScalarFunction } from './scalar-function.ts';

/** `window_time(window)`: the time that represents a window, its end minus one microsecond. */
export const window_time: ScalarFunction = {
  name: 'window_time',
  resolve(args, sql) {
    const t = args[0]?.dataType;
    const ok = args.length === 1 && t?.kind === 'struct' && t.fields.length === 2 && t.fields[1]!.dataType.kind === 'timestamp';
    if (!ok) {
      throw new AnalysisError(`Cannot resolve '${sql}': window_time takes one window column (struct<start: timestamp, end: timestamp>)${t ? `, not ${simpleString(t)}` : ''}`);
    }
    return { dataType: TIMESTAMP, nullable: true };
  },
  evaluate([w], n) {
    const out = new Float64Array(n);
    const valid = new Uint8Array(n);
    const values = w!.kind === 'obj' ? w!.values : [];
    for (let i = 0; i < n; i++) {
      const win = values[i] as number[] | null | undefined;
      if (win === null || win === undefined) continue;
      out[i] = win[1]! - 1;
      valid[i] = 1;
    }
    return { kind: 'num', type: TIMESTAMP, values: out, valid };
  },
};
