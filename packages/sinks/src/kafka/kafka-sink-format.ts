import type { KafkaSinkOptions } from './kafka-sink-options.ts';

// Typed `writeStream.format('kafka').options({...})`.
declare module '@caudal/core' {
  interface SinkOptionsByFormat {
    /** Options of `writeStream.format('kafka')`. */
    kafka: KafkaSinkOptions;
  }
}
