// The light windows of main.ts as an unattended job: the average light in 45-second windows sliding every
// 15 seconds, with a watermark, in append mode, written exactly once as JSON files (the file sink and its
// manifest, `_caudal_metadata`), so a crash at any moment and a restart from the checkpoint neither lose nor
// repeat a window. crash.test.ts kills it with SIGKILL over and over to check just that.
//
//   pnpm exec tsx examples/sensors/light-job.ts [--input DIR] [--output DIR] [--checkpoint DIR]
//                                               [--trigger '5 seconds' | availableNow] [--max-files N] [--watermark '10 seconds']
//
// Defaults: folders under .caudal-tmp/sensors/ (input as main.ts and simulator.ts use it), a 5-second
// trigger, one file per batch. Read the committed output with `FileSinkLog.readCommittedFiles(output)` or
// `spark.read.json(output)`, which reads only what the manifest lists.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Session, avg, col, window, type TriggerOptions } from 'caudal';
import { READINGS_SCHEMA } from './replay.ts';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string', default: '.caudal-tmp/sensors/input' },
    output: { type: 'string', default: '.caudal-tmp/sensors/light' },
    checkpoint: { type: 'string', default: '.caudal-tmp/sensors/light-checkpoint' },
    trigger: { type: 'string', default: '5 seconds' },
    'max-files': { type: 'string', default: '1' },
    watermark: { type: 'string', default: '10 seconds' },
  },
  strict: true,
});

const input = resolve(args.input);
mkdirSync(input, { recursive: true });
const trigger: TriggerOptions = args.trigger === 'availableNow' ? { availableNow: true } : { processingTime: args.trigger };

const spark = Session.builder().appName('Sensores: luz').getOrCreate();

const lecturas = spark.readStream
  .schema(READINGS_SCHEMA)
  .option('header', true)
  .option('maxFilesPerTrigger', Number(args['max-files']))
  // The files are renamed into place whole: no need to wait for them to settle.
  .option('fileSettleTime', 0)
  .csv(input);

const luz = lecturas
  .withWatermark('EventTime', args.watermark)
  .groupBy(window(col('EventTime'), '45 seconds', '15 seconds'))
  .agg(avg('Light').alias('AvgLight'));

const query = await luz.writeStream
  .format('json')
  .outputMode('append')
  .queryName('luz')
  .option('path', resolve(args.output))
  .option('checkpointLocation', resolve(args.checkpoint))
  .trigger(trigger)
  .start();

process.stderr.write(`Light job started: reading ${input}, writing ${resolve(args.output)} (trigger: ${args.trigger})\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void query.stop());
}

await query.awaitTermination();
