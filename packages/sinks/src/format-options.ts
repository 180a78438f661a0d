import type { BaseSinkOptions } from './shared/base-sink-options.ts';
import type { ConsoleSinkOptions } from './console/console-options.ts';

// Typed `writeStream.format(name).options({...})` for this package's sinks.
declare module '@caudal/core' {
  interface SinkOptionsByFormat {
    /** Options of `writeStream.format('console')`. */
    console: ConsoleSinkOptions;
    /** Options of `writeStream.format('memory')`. */
    memory: BaseSinkOptions;
    /** Options of `writeStream.format('noop')`. */
    noop: BaseSinkOptions;
    /** Options of `writeStream.foreach(...)`. */
    foreach: BaseSinkOptions;
    /** Options of `writeStream.foreachBatch(...)`. */
    foreachBatch: BaseSinkOptions;
  }
}
