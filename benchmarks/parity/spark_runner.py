# Builds each parity spec as a PySpark streaming query (one SparkSession for all), captures every
# micro-batch with foreachBatch (df.collect()) and writes the normalised rows (conventions in spec.ts).
#
#   TZ=UTC benchmarks/.venv/bin/python benchmarks/parity/spark_runner.py <runner-input.json>
import datetime
import decimal
import json
import math
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

os.environ["TZ"] = "UTC"
time.tzset()

from pyspark.sql import SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql import types as T  # noqa: E402

QUERY_TIMEOUT_S = 120
# Queries run this many at a time: a micro-batch is mostly driver-side latency, so queries overlap well.
PARALLEL = int(os.environ.get("PARITY_SPARK_PARALLEL", "4"))
EPOCH = datetime.datetime(1970, 1, 1)
EPOCH_TZ = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def encode_integral(v):
    return v if abs(v) <= 2**53 else str(v)


def encode_double(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def micros(dt):
    # Session time zone and TZ are UTC, so a naive datetime is UTC wall-clock time.
    delta = dt - (EPOCH_TZ if dt.tzinfo is not None else EPOCH)
    return (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds


def encode(t, v):
    if v is None:
        return None
    if isinstance(t, (T.StringType, T.BooleanType, T.VarcharType, T.CharType)):
        return v
    if isinstance(t, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return encode_integral(v)
    if isinstance(t, (T.FloatType, T.DoubleType)):
        return encode_double(float(v))
    if isinstance(t, T.DecimalType):
        return str(v) if isinstance(v, decimal.Decimal) else str(decimal.Decimal(v))
    if isinstance(t, (T.TimestampType, T.TimestampNTZType)):
        return micros(v)
    if isinstance(t, T.DateType):
        return v.isoformat()
    if isinstance(t, T.BinaryType):
        return bytes(v).hex()
    if isinstance(t, T.ArrayType):
        return [encode(t.elementType, e) for e in v]
    if isinstance(t, T.MapType):
        out = {}
        for k, x in v.items():
            key = encode(t.keyType, k)
            out[key if isinstance(key, str) else json.dumps(key, separators=(",", ":"))] = encode(t.valueType, x)
        return out
    if isinstance(t, T.StructType):
        return {f.name: encode(f.dataType, v[i]) for i, f in enumerate(t.fields)}
    if isinstance(t, T.NullType):
        return None
    return str(v)


def apply_op(df, op, static_df):
    kind = op["op"]
    if kind == "selectExpr":
        return df.selectExpr(*op["exprs"])
    if kind == "filter":
        return df.filter(op["condition"])
    if kind == "withColumn":
        return df.withColumn(op["name"], F.expr(op["expr"]))
    if kind == "withColumnRenamed":
        return df.withColumnRenamed(op["from"], op["to"])
    if kind == "drop":
        return df.drop(*op["columns"])
    if kind == "withWatermark":
        return df.withWatermark(op["column"], op["delay"])
    if kind == "groupBy":
        g = df.groupBy(*[F.expr(k) for k in op["keys"]])
        return g.count() if op["aggs"] == "count" else g.agg(*[F.expr(a) for a in op["aggs"]])
    if kind == "dropDuplicates":
        return df.dropDuplicates(op["columns"]) if "columns" in op else df.dropDuplicates()
    if kind == "dropDuplicatesWithinWatermark":
        return df.dropDuplicatesWithinWatermark(op["columns"]) if "columns" in op else df.dropDuplicatesWithinWatermark()
    if kind == "joinStatic":
        return df.join(static_df, on=list(op["on"]), how=op["how"])
    if kind == "orderBy":
        return df.orderBy(*[F.expr(e) for e in op["exprs"]])
    raise ValueError(f"unknown op {kind}")


def source_of(spark, spec):
    src = spec["source"]
    if src["kind"] == "rate-micro-batch":
        reader = spark.readStream.format("rate-micro-batch")
        for k, v in src["options"].items():
            reader = reader.option(k, v)
        return reader.load()
    reader = spark.readStream.format(src["format"]).option("maxFilesPerTrigger", 1)
    if "schema" in src:
        reader = reader.schema(src["schema"])
    for k, v in src.get("options", {}).items():
        reader = reader.option(k, v)
    return reader.load(spec["inputDir"])


def static_of(spark, spec):
    st = spec.get("static")
    if st is None:
        return None
    reader = spark.read.format(st["format"]).schema(st["schema"])
    for k, v in st.get("options", {}).items():
        reader = reader.option(k, v)
    return reader.load(spec["staticDir"])


def run_spec(spark, spec, checkpoint):
    started = time.monotonic()
    ms = lambda: round((time.monotonic() - started) * 1000)  # noqa: E731
    try:
        static_df = static_of(spark, spec)
        df = source_of(spark, spec)
        for op in spec["ops"]:
            df = apply_op(df, op, static_df)
        schema = [{"name": f.name, "type": f.dataType.simpleString()} for f in df.schema.fields]
        is_rate = spec["source"]["kind"] == "rate-micro-batch"
        limit = spec["source"]["batches"] if is_rate else None
        batches = []
        reached = threading.Event()

        def capture(batch_df, batch_id):
            if limit is not None and batch_id >= limit:
                return
            fields = batch_df.schema.fields
            rows = [[encode(f.dataType, r[i]) for i, f in enumerate(fields)] for r in batch_df.collect()]
            batches.append({"batchId": batch_id, "rows": rows})
            if limit is not None and batch_id == limit - 1:
                reached.set()

        writer = (df.writeStream.outputMode(spec["outputMode"]).option("checkpointLocation", checkpoint)
                  .foreachBatch(capture))
        if not is_rate:
            writer = writer.trigger(availableNow=True)
        query = writer.start()
        try:
            if is_rate:
                deadline = time.monotonic() + QUERY_TIMEOUT_S
                while not reached.wait(0.05):
                    if not query.isActive:
                        break
                    if time.monotonic() > deadline:
                        raise TimeoutError(f"no result after {QUERY_TIMEOUT_S} s")
            elif not query.awaitTermination(QUERY_TIMEOUT_S):
                raise TimeoutError(f"no result after {QUERY_TIMEOUT_S} s")
        finally:
            query.stop()
        failure = query.exception()
        if failure is not None:
            raise RuntimeError(str(failure))
        batches.sort(key=lambda b: b["batchId"])
        return {"name": spec["name"], "status": "ok", "schema": schema, "batches": batches, "ms": ms()}
    except Exception as e:  # noqa: BLE001 - every failure is reported as the spec's result
        text = str(e).strip().split("\n")[0] if str(e).strip() else repr(e)
        return {"name": spec["name"], "status": "error", "error": f"{type(e).__name__}: {text}", "ms": ms()}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        inp = json.load(f)
    os.makedirs(inp["outDir"], exist_ok=True)
    spark = (SparkSession.builder.master("local[2]").appName("parity")
             .config("spark.sql.shuffle.partitions", "2")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.ansi.enabled", "false")
             .config("spark.sql.session.timeZone", "UTC")
             .config("spark.driver.extraJavaOptions", "-Duser.timezone=UTC")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    def one(spec):
        checkpoint = os.path.join(inp["workDir"], "checkpoints", "spark", spec["name"])
        out = run_spec(spark, spec, checkpoint)
        with open(os.path.join(inp["outDir"], spec["name"] + ".json"), "w", encoding="utf-8") as f:
            json.dump(out, f, allow_nan=False, separators=(",", ":"))
        print(f"spark {spec['name']}: {out['status']} ({out['ms']} ms)", file=sys.stderr, flush=True)

    try:
        with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
            for _ in pool.map(one, inp["specs"]):
                pass
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
