import type { OutputMode } from '@caudal/core';

/** Console, memory, foreach, foreachBatch and noop accept every output mode, as in Spark. */
export const ALL_OUTPUT_MODES: readonly OutputMode[] = Object.freeze(['append', 'update', 'complete']);
