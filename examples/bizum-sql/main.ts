// The course's bizum exercise (the largest payment each person received) in Spark SQL: a static read of
// the bizum CSV files, a temporary view over it, and one SQL query.
//
//   pnpm exec tsx examples/bizum-sql/main.ts [directory]
//
// The directory defaults to examples/bizum/data when it exists, else ../shared/data/bizums beside the
// repository. Each file holds `Nombre;Cantidad;Concepto` rows (name; amount; concept), no header; the same
// person appears in different letter case (MARIA, Maria), so names are lower-cased before grouping.
//
// PySpark                                                     | Caudal
// ------------------------------------------------------------+------------------------------------------------------------
// spark = SparkSession.builder \                                | const spark = Session.builder()
//     .appName("BizumSQL").getOrCreate()                       |   .appName('BizumSQL').getOrCreate();
//                                                              |
// bizums = spark.read \                                        | const bizums = spark.read
//     .option("sep", ";") \                                    |   .option('sep', ';')
//     .schema("Nombre STRING, Cantidad INT, Concepto STRING") \ |   .schema('Nombre STRING, Cantidad INT, Concepto STRING')
//     .csv(directory)                                          |   .csv(directory);
// bizums.createOrReplaceTempView("bizums")                     | bizums.createOrReplaceTempView('bizums');
//                                                              |
// spark.sql("""                                                | await spark.sql(`
//     SELECT lower(Nombre) AS nombre, max(Cantidad) AS maximo  |   SELECT lower(Nombre) AS nombre, max(Cantidad) AS maximo
//     FROM bizums                                              |   FROM bizums
//     GROUP BY lower(Nombre)                                   |   GROUP BY lower(Nombre)
//     ORDER BY nombre""").show()                               |   ORDER BY nombre`).show();
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Session } from 'caudal';

/** The nearest directory above `from` holding pnpm-workspace.yaml. */
function repoRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

function defaultDirectory(): string {
  const root = repoRoot(import.meta.dirname);
  const local = join(root, 'examples', 'bizum', 'data');
  return existsSync(local) ? local : join(root, '..', 'shared', 'data', 'bizums');
}

const args = process.argv.slice(2);
const directory = args[0] ?? defaultDirectory();
if (args.length > 1 || !existsSync(directory)) {
  process.stderr.write(`Usage: main.ts [directory]   (no such directory: ${directory})\n`);
  process.exit(1);
}

const spark = Session.builder().appName('BizumSQL').getOrCreate();

const bizums = spark.read
  .option('sep', ';')
  .schema('Nombre STRING, Cantidad INT, Concepto STRING')
  .csv(directory);
bizums.createOrReplaceTempView('bizums');

await spark.sql(`
  SELECT lower(Nombre) AS nombre, max(Cantidad) AS maximo
  FROM bizums
  GROUP BY lower(Nombre)
  ORDER BY nombre`).show();

await spark.stop();
