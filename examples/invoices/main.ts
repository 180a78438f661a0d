// The invoices case of the seed course ("Caso 2: Facturas"), ported line by line: every few minutes a store
// drops a file of JSON invoices into a folder; the query splits each invoice into one row per line item and
// writes them as JSON files, exactly once, one input file per micro-batch, archiving each input file once
// its batch has committed.
//
//   pnpm exec tsx examples/invoices/main.ts [--input DIR] [--output DIR] [--checkpoint DIR] [--archive DIR]
//                                           [--trigger '1 minute' | availableNow] [--max-files N]
//
// Defaults: folders under .caudal-tmp/invoices/ and a one-minute trigger (env INVOICES_TRIGGER overrides it).
// Drop the invoice files in with `simulator.ts`, which writes each one elsewhere and renames it into the folder.
//
// PySpark                                                         | Caudal
// ----------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder \                                   | const spark = Session.builder()
//     .appName("Streaming de Ficheros") \                          |   .appName('Streaming de Ficheros')
//     .master("local[2]") \                                        |   .master('local[2]')
//     .config("spark.streaming.stopGracefullyOnShutdown", "true")\ |   .config('spark.streaming.stopGracefullyOnShutdown', 'true')
//     .config("spark.sql.shuffle.partitions", 3) \                 |   .config('spark.sql.shuffle.partitions', 3)
//     .config("spark.sql.streaming.schemaInference", "true") \     |   .config('spark.sql.streaming.schemaInference', 'true')
//     .getOrCreate()                                               |   .getOrCreate();
//                                                                  |
// raw_df = spark.readStream \                                      | const rawDf = spark.readStream
//     .format("json") \                                            |   .format('json')
//     .option("path", "../datos/invoices") \                       |   .option('path', input)
//     .option("maxFilesPerTrigger", 1) \                           |   .option('maxFilesPerTrigger', maxFiles)
//     .option("cleanSource", "delete") \                           |   .option('cleanSource', 'archive')
//                                                                  |   .option('sourceArchiveDir', archive)
//                                                                  |   .schema(INVOICE_SCHEMA)
//     .load()                                                      |   .load();
//                                                                  |
// explode_df = raw_df.selectExpr("InvoiceNumber", "CreatedTime",  | const explodeDf = rawDf.selectExpr('InvoiceNumber', 'CreatedTime',
//     "StoreID", "PosID", "CustomerType", "PaymentMethod",         |   'StoreID', 'PosID', 'CustomerType', 'PaymentMethod',
//     "DeliveryType", "explode(InvoiceLineItems) as LineItem")     |   'DeliveryType', 'explode(InvoiceLineItems) as LineItem');
//                                                                  |
// limpio_df = explode_df \                                         | const limpioDf = explodeDf
//     .withColumn("ItemCode", expr("LineItem.ItemCode")) \         |   .withColumn('ItemCode', expr('LineItem.ItemCode'))
//     .withColumn("ItemDescription", expr("LineItem...")) \        |   .withColumn('ItemDescription', expr('LineItem.ItemDescription'))
//     .withColumn("ItemPrice", expr("LineItem.ItemPrice")) \       |   .withColumn('ItemPrice', expr('LineItem.ItemPrice'))
//     .withColumn("ItemQty", expr("LineItem.ItemQty")) \           |   .withColumn('ItemQty', expr('LineItem.ItemQty'))
//     .withColumn("TotalValue", expr("LineItem.TotalValue")) \     |   .withColumn('TotalValue', expr('LineItem.TotalValue'))
//     .drop("LineItem")                                            |   .drop('LineItem');
//                                                                  |
// facturaWriterQuery = limpio_df.writeStream \                     | const facturaWriterQuery = await limpioDf.writeStream
//     .format("json") \                                            |   .format('json')
//     .queryName("Facturas Writer") \                              |   .queryName('Facturas Writer')
//     .outputMode("append") \                                      |   .outputMode('append')
//     .option("path", "./salida") \                                |   .option('path', output)
//     .option("checkpointLocation", "chk-point-dir-caso2") \       |   .option('checkpointLocation', checkpoint)
//     .trigger(processingTime="1 minute") \                        |   .trigger({ processingTime: '1 minute' })
//     .start()                                                     |   .start();
//
// Two changes from the course: the schema is given (the input folder is empty when the query starts, so
// there is nothing to infer it from, and a fixed schema keeps restarts consistent), and processed files
// are archived rather than deleted, so a run can be repeated from the archive.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Session, expr, type TriggerOptions } from 'caudal';

/** The invoices' schema, as Spark infers it from the files (`spark.read.json(dir).printSchema()`). */
const INVOICE_SCHEMA =
  'CESS DOUBLE, CGST DOUBLE, CashierID STRING, CreatedTime BIGINT, CustomerCardNo STRING, CustomerType STRING, ' +
  'DeliveryAddress STRUCT<AddressLine: STRING, City: STRING, ContactNumber: STRING, PinCode: STRING, State: STRING>, ' +
  'DeliveryType STRING, ' +
  'InvoiceLineItems ARRAY<STRUCT<ItemCode: STRING, ItemDescription: STRING, ItemPrice: DOUBLE, ItemQty: BIGINT, TotalValue: DOUBLE>>, ' +
  'InvoiceNumber STRING, NumberOfItems BIGINT, PaymentMethod STRING, PosID STRING, SGST DOUBLE, StoreID STRING, ' +
  'TaxableAmount DOUBLE, TotalAmount DOUBLE';

const { values: args } = parseArgs({
  options: {
    input: { type: 'string', default: '.caudal-tmp/invoices/input' },
    output: { type: 'string', default: '.caudal-tmp/invoices/output' },
    checkpoint: { type: 'string', default: '.caudal-tmp/invoices/checkpoint' },
    archive: { type: 'string', default: '.caudal-tmp/invoices/archive' },
    trigger: { type: 'string', default: process.env['INVOICES_TRIGGER'] ?? '1 minute' },
    'max-files': { type: 'string', default: '1' },
  },
  strict: true,
});

const input = resolve(args.input);
const output = resolve(args.output);
const checkpoint = resolve(args.checkpoint);
const archive = resolve(args.archive);
// Spark fails on a folder that does not exist yet; the example creates it so either program may start first.
mkdirSync(input, { recursive: true });
const trigger: TriggerOptions = args.trigger === 'availableNow' ? { availableNow: true } : { processingTime: args.trigger };

const spark = Session.builder()
  .appName('Streaming de Ficheros')
  .master('local[2]')
  .config('spark.streaming.stopGracefullyOnShutdown', 'true')
  .config('spark.sql.shuffle.partitions', 3)
  .config('spark.sql.streaming.schemaInference', 'true')
  .getOrCreate();

const rawDf = spark.readStream
  .format('json')
  .option('path', input)
  .option('maxFilesPerTrigger', Number(args['max-files']))
  .option('cleanSource', 'archive')
  .option('sourceArchiveDir', archive)
  .schema(INVOICE_SCHEMA)
  .load();

const explodeDf = rawDf.selectExpr('InvoiceNumber', 'CreatedTime', 'StoreID', 'PosID', 'CustomerType',
  'PaymentMethod', 'DeliveryType', 'explode(InvoiceLineItems) as LineItem');

const limpioDf = explodeDf
  .withColumn('ItemCode', expr('LineItem.ItemCode'))
  .withColumn('ItemDescription', expr('LineItem.ItemDescription'))
  .withColumn('ItemPrice', expr('LineItem.ItemPrice'))
  .withColumn('ItemQty', expr('LineItem.ItemQty'))
  .withColumn('TotalValue', expr('LineItem.TotalValue'))
  .drop('LineItem');

const facturaWriterQuery = await limpioDf.writeStream
  .format('json')
  .queryName('Facturas Writer')
  .outputMode('append')
  .option('path', output)
  .option('checkpointLocation', checkpoint)
  .trigger(trigger)
  .start();

process.stderr.write(`Facturas Writer started: reading ${input}, writing ${output} (trigger: ${args.trigger})\n`);

// spark.streaming.stopGracefullyOnShutdown: Ctrl-C lets the running batch finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void facturaWriterQuery.stop());
}

await facturaWriterQuery.awaitTermination();
const batches = facturaWriterQuery.recentProgress.filter((p) => p.numInputRows > 0).length;
process.stderr.write(`Facturas Writer stopped after ${batches} batch(es) with data in this run\n`);
