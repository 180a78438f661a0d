import type { BaseSinkOptions } from './shared/base-sink-options.ts';
import type { ConsoleSinkOptions } from './console/console-options.ts';

// Typed `writeStream.format(name).options({...})` for this package's sinks.
declare module '@caudal/core' {
  interface SinkOptionsByFormat {
    console: ConsoleSinkOptions;
    memory: BaseSinkOptions;
    noop: BaseSinkOptions;
    foreach: BaseSinkOptions;
    foreachBatch: BaseSinkOptions;
  }
}
