import { OptionError, type Options } from '@caudal/core';

/** What a reader does with a record it cannot parse (Spark's `mode` option). */
export type ParseMode = 'PERMISSIVE' | 'DROPMALFORMED' | 'FAILFAST';

const MODES: readonly ParseMode[] = ['PERMISSIVE', 'DROPMALFORMED', 'FAILFAST'];

/** Case-insensitive, default PERMISSIVE. Spark falls back to PERMISSIVE with a warning; we fail early. */
export function parseModeOption(options: Options): ParseMode {
  const v = options.get('mode');
  if (v === undefined) return 'PERMISSIVE';
  const mode = MODES.find((m) => m === v.trim().toUpperCase());
  if (mode === undefined) {
    throw new OptionError(`Invalid value '${v}' for option 'mode', must be one of ${MODES.join(', ')}`);
  }
  return mode;
}
