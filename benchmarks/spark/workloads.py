"""Apache Spark side of the Caudal vs Spark side-by-side suite (contract: issue 7).

Usage::

    benchmarks/.venv/bin/python benchmarks/spark/workloads.py <workload-name> <params-json-file>

Workloads: w1-filter-project, w2-group-count, w3-windowed-count, w4-wordcount, w5-invoices,
w6-bizum, w7-socket-latency, w8-kafka. Each runs the same query as the Caudal runner on Spark
``local[2]``.

Protocol. Diagnostics (Spark's logs included) go to stderr. stdout carries exactly two lines:

* ``READY`` once the SparkSession exists (w7: once the query has started and its socket source
  has connected, i.e. after batch 0, so the feeder may start sending lines);
* ``RESULT <one-line JSON>`` at the end (the contract's ``WorkloadResult``), then exit code 0.

On failure the runner prints the error on stderr and exits non-zero. To keep stdout clean, file
descriptor 1 is re-pointed at stderr before the JVM starts (the JVM inherits it), and the two
protocol lines are written to a private duplicate of the original stdout.

Measured windows (see the contract): rate workloads (w1-w3) skip ``warmupBatches`` progress
events, take the next ``batches``, and measure end(last measured) - end(last warm-up), with
end(p) = timestamp + triggerExecution. Available-now workloads (w4-w6, w8) run a warm-up query
over the small input first, then measure the wall clock of the real run. w7 records, for each
received line, the driver's clock when ``foreachBatch`` has collected it minus the line's send
time.
"""
from __future__ import annotations

import os
import sys

# Before anything can start the JVM: fd 1 becomes stderr, the protocol keeps the real stdout.
_PROTOCOL_OUT = os.fdopen(os.dup(1), "w", buffering=1)
os.dup2(2, 1)

import json  # noqa: E402
import shutil  # noqa: E402
import signal  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import datetime  # noqa: E402
from typing import Any, Callable, Optional  # noqa: E402

Params = dict[str, Any]
Progress = dict[str, Any]
Result = dict[str, Any]

KAFKA_PACKAGE = "org.apache.spark:spark-sql-kafka-0-10_2.13:4.0.1"
# spark-sql-kafka 4.0.1 depends on spark-token-provider-kafka 4.0.1, which the Maven Central mirror
# reachable from this workplace does not serve (404), so Ivy fails. The runner excludes it from the
# Ivy resolution and adds the 4.0.0 jar instead (fetched once into ~/.m2 by Maven): every member
# of org.apache.spark.kafka010 that spark-sql-kafka 4.0.1 calls exists in 4.0.0 with the same
# signature (checked with javap).
TOKEN_PROVIDER = "org.apache.spark:spark-token-provider-kafka-0-10_2.13"
TOKEN_PROVIDER_VERSION = "4.0.0"
MAVEN_GET = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get"
W7_IDLE_TIMEOUT_S = 30.0
RECENT_PROGRESS_CAP = 100_000


def _process_age_ms() -> float:
    """Milliseconds since this process started (from /proc, 10 ms resolution); 0 when unknown."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            stat = f.read()
        start_ticks = int(stat[stat.rindex(")") + 2:].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime_s = float(f.read().split()[0])
        age = (uptime_s - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0
        return age if 0.0 <= age < 60_000.0 else 0.0
    except (OSError, ValueError, IndexError):
        return 0.0


_AGE_AT_IMPORT_MS = _process_age_ms()
_MONO_AT_IMPORT = time.monotonic()


def since_process_start_ms() -> float:
    return _AGE_AT_IMPORT_MS + (time.monotonic() - _MONO_AT_IMPORT) * 1000.0


from pyspark.sql import DataFrame, SparkSession  # noqa: E402
from pyspark.sql import functions as F  # noqa: E402
from pyspark.sql.streaming import StreamingQuery  # noqa: E402
from pyspark.sql.streaming.listener import (  # noqa: E402
    QueryIdleEvent,
    QueryProgressEvent,
    QueryStartedEvent,
    QueryTerminatedEvent,
    StreamingQueryListener,
)


def log(message: str) -> None:
    print(f"workloads.py: {message}", file=sys.stderr, flush=True)


def need(params: Params, key: str) -> Any:
    if key not in params:
        raise RuntimeError(f"the params file has no {key!r}")
    return params[key]


def emit(line: str) -> None:
    _PROTOCOL_OUT.write(line + "\n")
    _PROTOCOL_OUT.flush()


# ---------------------------------------------------------------------------------------------
# Session
# ---------------------------------------------------------------------------------------------

def build_session(scratch: str, with_kafka: bool) -> SparkSession:
    """local[2] with the contract's settings. Spark's scratch space (spark.local.dir defaults to
    java.io.tmpdir) and warehouse live under `scratch`; the Ivy cache stays at its default."""
    builder = (
        SparkSession.builder.master("local[2]")
        .appName("caudal-side-by-side")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.streaming.numRecentProgressUpdates", str(RECENT_PROGRESS_CAP))
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.warehouse.dir", os.path.join(scratch, "warehouse"))
        .config("spark.driver.extraJavaOptions", f"-Djava.io.tmpdir={os.path.join(scratch, 'java-tmp')}")
    )
    os.makedirs(os.path.join(scratch, "java-tmp"), exist_ok=True)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    if with_kafka:
        # Resolved by Spark's Ivy into its default cache (~/.ivy2.5.2); the first run downloads.
        builder = (builder.config("spark.jars.packages", KAFKA_PACKAGE)
                   .config("spark.jars.excludes", TOKEN_PROVIDER)
                   .config("spark.jars", token_provider_jar()))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def token_provider_jar() -> str:
    """Path of the spark-token-provider-kafka jar in ~/.m2, downloading it with Maven the first time."""
    group, artifact = TOKEN_PROVIDER.split(":")
    version = TOKEN_PROVIDER_VERSION
    path = os.path.join(os.path.expanduser("~"), ".m2", "repository", *group.split("."), artifact, version,
                        f"{artifact}-{version}.jar")
    if not os.path.isfile(path):
        log(f"fetching {TOKEN_PROVIDER}:{version} with Maven")
        subprocess.run(["mvn", "-B", "-q", MAVEN_GET, f"-Dartifact={TOKEN_PROVIDER}:{version}", "-Dtransitive=false"],
                       stdin=subprocess.DEVNULL, stdout=sys.stderr, check=True)
    return path


# ---------------------------------------------------------------------------------------------
# Progress helpers
# ---------------------------------------------------------------------------------------------

def progress_of(query: StreamingQuery) -> list[Progress]:
    """Every progress event of the query, oldest first, as plain dicts (the JSON Spark reports)."""
    events = [json.loads(p.json) for p in query.recentProgress]
    if len(events) >= RECENT_PROGRESS_CAP:
        raise RuntimeError(f"more than {RECENT_PROGRESS_CAP} progress events: some were dropped")
    return events


def trigger_ms(p: Progress) -> int:
    return int(p.get("durationMs", {}).get("triggerExecution", 0))


def epoch_ms(timestamp: str) -> float:
    return datetime.fromisoformat(timestamp.replace("Z", "+00:00")).timestamp() * 1000.0


def end_ms(p: Progress) -> float:
    return epoch_ms(p["timestamp"]) + trigger_ms(p)


def state_rows(p: Progress) -> int:
    return sum(int(op.get("numRowsTotal", 0)) for op in p.get("stateOperators", []))


def sink_output_rows(events: list[Progress]) -> Optional[int]:
    """Sum of sink.numOutputRows, or None when the sink does not report it (-1)."""
    counts = [int(p.get("sink", {}).get("numOutputRows", -1)) for p in events]
    return None if any(n < 0 for n in counts) else sum(counts)


def rate(rows: float, ms: float) -> float:
    return rows / (ms / 1000.0) if ms > 0 else 0.0


class ProgressCounter(StreamingQueryListener):
    """Wakes the main thread when the watched query has reported `target` progress events."""

    def __init__(self, target: int) -> None:
        self.target = target
        self.count = 0
        self.query_id: Optional[str] = None
        self.terminated = False
        self.error: Optional[str] = None
        self.cond = threading.Condition()

    def onQueryStarted(self, event: QueryStartedEvent) -> None:
        with self.cond:
            if self.query_id is None:
                self.query_id = str(event.id)

    def onQueryProgress(self, event: QueryProgressEvent) -> None:
        with self.cond:
            if str(event.progress.id) == self.query_id:
                self.count += 1
                self.cond.notify_all()

    def onQueryIdle(self, event: QueryIdleEvent) -> None:
        pass

    def onQueryTerminated(self, event: QueryTerminatedEvent) -> None:
        with self.cond:
            if str(event.id) == self.query_id:
                self.terminated = True
                self.error = event.exception
                self.cond.notify_all()

    def wait(self, query: StreamingQuery) -> None:
        with self.cond:
            while self.count < self.target:
                if self.terminated or not query.isActive:
                    detail = self.error or str(query.exception() or "no exception")
                    raise RuntimeError(f"query ended after {self.count} of {self.target} progress events: {detail}")
                self.cond.wait(timeout=1.0)


# ---------------------------------------------------------------------------------------------
# Measurement harnesses
# ---------------------------------------------------------------------------------------------

def measure_rate(spark: SparkSession, start: Callable[[], StreamingQuery], params: Params) -> tuple[Result, Progress]:
    """Default-trigger query: skip warmupBatches events, measure the next `batches`, stop."""
    warmup, measured = int(need(params, "warmupBatches")), int(need(params, "batches"))
    counter = ProgressCounter(warmup + measured)
    spark.streams.addListener(counter)
    try:
        query = start()
        try:
            counter.wait(query)
        finally:
            query.stop()
        events = progress_of(query)
    finally:
        spark.streams.removeListener(counter)
    if len(events) < warmup + measured:
        raise RuntimeError(f"only {len(events)} progress events recorded, expected {warmup + measured}")
    taken = events[warmup:warmup + measured]
    window_start = end_ms(events[warmup - 1]) if warmup > 0 else epoch_ms(taken[0]["timestamp"])
    measured_ms = end_ms(taken[-1]) - window_start
    input_rows = sum(int(p["numInputRows"]) for p in taken)
    result: Result = {
        "inputRows": input_rows,
        "measuredMs": measured_ms,
        "rowsPerSecond": rate(input_rows, measured_ms),
        "batches": len(taken),
        "batchMs": [trigger_ms(p) for p in taken],
    }
    return result, taken[-1]


@dataclass(frozen=True)
class Run:
    """Where one available-now run reads from and writes to."""

    source: str  # input dir or Kafka topic
    checkpoint: str
    sink: str  # output dir or Kafka topic ("" when the sink is noop)


def measure_available_now(start: Callable[[Run], StreamingQuery], warmup: Run, measured: Run) -> tuple[Result, list[Progress]]:
    """Warm-up run on the small input, then the measured run timed from start() to termination."""
    t0 = time.perf_counter()
    start(warmup).awaitTermination()
    log(f"warm-up run took {(time.perf_counter() - t0) * 1000:.0f} ms")
    t0 = time.perf_counter()
    query = start(measured)
    query.awaitTermination()
    wall_ms = (time.perf_counter() - t0) * 1000.0
    events = progress_of(query)
    input_rows = sum(int(p["numInputRows"]) for p in events)
    with_data = [p for p in events if int(p["numInputRows"]) > 0]
    result: Result = {
        "inputRows": input_rows,
        "measuredMs": wall_ms,
        "rowsPerSecond": rate(input_rows, wall_ms),
        "batches": len(with_data),
        "batchMs": [trigger_ms(p) for p in with_data],
    }
    return result, events


def file_runs(params: Params, scratch: str, sink: str = "") -> tuple[Run, Run]:
    """The warm-up run has its own checkpoint (and output); the measured run uses checkpointDir."""
    warmup_sink = param_or_scratch(params, "warmupOutputDir", scratch, "warmup-output") if sink else ""
    warmup = Run(need(params, "warmupInputDir"), warmup_checkpoint(params, scratch), warmup_sink)
    measured = Run(need(params, "inputDir"), measured_checkpoint(params, scratch), sink)
    return warmup, measured


def param_or_scratch(params: Params, key: str, scratch: str, name: str) -> str:
    """A directory the orchestrator passed, else one under this run's scratch dir."""
    given = params.get(key)
    return str(given) if given else os.path.join(scratch, name)


def measured_checkpoint(params: Params, scratch: str) -> str:
    return param_or_scratch(params, "checkpointDir", scratch, "checkpoint")


def warmup_checkpoint(params: Params, scratch: str) -> str:
    return param_or_scratch(params, "warmupCheckpointDir", scratch, "warmup-checkpoint")


# ---------------------------------------------------------------------------------------------
# w1-w3: rate-micro-batch, default trigger
# ---------------------------------------------------------------------------------------------

def rate_source(spark: SparkSession, params: Params, **options: Any) -> DataFrame:
    reader = spark.readStream.format("rate-micro-batch").option("rowsPerBatch", int(need(params, "rowsPerBatch")))
    for key, value in options.items():
        reader = reader.option(key, value)
    return reader.load()


def start_noop(df: DataFrame, mode: str, checkpoint: str) -> StreamingQuery:
    return df.writeStream.format("noop").outputMode(mode).option("checkpointLocation", checkpoint).start()


def w1_filter_project(spark: SparkSession, params: Params, scratch: str) -> Result:
    def start() -> StreamingQuery:
        src = rate_source(spark, params, numPartitions=2)
        out = src.filter(F.col("value") % 2 == 0).select(
            F.col("value"), (F.col("value") * 2).alias("doubled"), F.col("timestamp"))
        return start_noop(out, "append", measured_checkpoint(params, scratch))

    result, _ = measure_rate(spark, start, params)
    return result


def w2_group_count(spark: SparkSession, params: Params, scratch: str) -> Result:
    def start() -> StreamingQuery:
        src = rate_source(spark, params, numPartitions=2)
        out = src.groupBy((F.col("value") % 1000).alias("k")).count()
        return start_noop(out, "update", measured_checkpoint(params, scratch))

    result, _ = measure_rate(spark, start, params)
    return result


def w3_windowed_count(spark: SparkSession, params: Params, scratch: str) -> Result:
    def start() -> StreamingQuery:
        src = rate_source(spark, params, startTimestamp=0, advanceMillisPerBatch=1000)
        out = (src.withWatermark("timestamp", "10 seconds")
               .groupBy(F.window("timestamp", "10 seconds"), (F.col("value") % 100).alias("k"))
               .count())
        return start_noop(out, "append", measured_checkpoint(params, scratch))

    result, last = measure_rate(spark, start, params)
    result["stateRows"] = state_rows(last)
    return result


# ---------------------------------------------------------------------------------------------
# w4-w6: file sources, availableNow
# ---------------------------------------------------------------------------------------------

def w4_wordcount(spark: SparkSession, params: Params, scratch: str) -> Result:
    def start(run: Run) -> StreamingQuery:
        lines = spark.readStream.format("text").option("maxFilesPerTrigger", int(need(params, "maxFilesPerTrigger"))).load(run.source)
        words = lines.select(F.explode(F.split(F.col("value"), " ")).alias("word")).filter(F.col("word") != "")
        return (words.groupBy("word").count().writeStream.format("noop").outputMode("complete")
                .trigger(availableNow=True).option("checkpointLocation", run.checkpoint).start())

    result, _ = measure_available_now(start, *file_runs(params, scratch))
    return result


def invoice_schema(spark: SparkSession, params: Params) -> Any:
    """The orchestrator's DDL; without it, the schema Spark infers from the warm-up input."""
    ddl = params.get("invoiceSchema")
    if ddl:
        return str(ddl)
    log("params has no invoiceSchema: inferring it from warmupInputDir")
    return spark.read.json(need(params, "warmupInputDir")).schema


def w5_invoices(spark: SparkSession, params: Params, scratch: str) -> Result:
    schema = invoice_schema(spark, params)

    def start(run: Run) -> StreamingQuery:
        invoices = spark.readStream.schema(schema).option("maxFilesPerTrigger", int(need(params, "maxFilesPerTrigger"))).json(run.source)
        items = invoices.selectExpr(
            "InvoiceNumber", "CreatedTime", "StoreID", "PosID", "CustomerType", "PaymentMethod",
            "DeliveryType", "DeliveryAddress.City", "DeliveryAddress.State", "DeliveryAddress.PinCode",
            "explode(InvoiceLineItems) as LineItem")
        for field in ("ItemCode", "ItemDescription", "ItemPrice", "ItemQty", "TotalValue"):
            items = items.withColumn(field, F.expr(f"LineItem.{field}"))
        return (items.drop("LineItem").writeStream.format("json").outputMode("append")
                .option("path", run.sink).option("checkpointLocation", run.checkpoint)
                .trigger(availableNow=True).start())

    runs = file_runs(params, scratch, sink=str(need(params, "outputDir")))
    result, _ = measure_available_now(start, *runs)
    result["outputRows"] = count_output_lines(need(params, "outputDir"))
    result["notes"] = "inputRows = invoices (file rows); outputRows = line items (lines in the JSON part files)"
    return result


def count_output_lines(directory: str) -> int:
    """Lines in the data files of a file sink's output (skips _spark_metadata, .crc and hidden files)."""
    total = 0
    for name in os.listdir(directory):
        path = os.path.join(directory, name)
        if name.startswith(("_", ".")) or not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            total += sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    return total


def w6_bizum(spark: SparkSession, params: Params, scratch: str) -> Result:
    def start(run: Run) -> StreamingQuery:
        payments = (spark.readStream.option("sep", ";").schema("Nombre STRING, Cantidad INT, Concepto STRING")
                    .option("maxFilesPerTrigger", int(need(params, "maxFilesPerTrigger"))).csv(run.source))
        out = (payments.select(F.lower(F.col("Nombre")).alias("Nombre"), "Cantidad")
               .groupBy("Nombre").agg(F.max("Cantidad").alias("Maximo")))
        return (out.writeStream.format("noop").outputMode("update").trigger(availableNow=True)
                .option("checkpointLocation", run.checkpoint).start())

    result, events = measure_available_now(start, *file_runs(params, scratch))
    output_rows = sink_output_rows(events)
    if output_rows is not None:
        result["outputRows"] = output_rows
    result["notes"] = "outputRows = sum of sink.numOutputRows over the measured batches (noop sink, update mode)"
    return result


# ---------------------------------------------------------------------------------------------
# w7: socket source -> foreachBatch in the driver
# ---------------------------------------------------------------------------------------------

class LatencySink:
    """foreachBatch target: collects each batch to the driver and records now - sentMs per row."""

    def __init__(self, wanted: int) -> None:
        self.wanted = wanted
        self.latency_ms: list[float] = []
        self.sent_ms: list[float] = []
        self.seqs: list[int] = []
        self.last_activity = time.monotonic()
        self.cond = threading.Condition()

    def __call__(self, batch: DataFrame, batch_id: int) -> None:
        rows = batch.collect()
        now_ms = time.time_ns() / 1e6
        with self.cond:
            for row in rows:
                if row["sentMs"] is None:
                    continue
                self.latency_ms.append(round(now_ms - row["sentMs"], 3))
                self.sent_ms.append(row["sentMs"])
                self.seqs.append(row["seq"])
            if rows:
                self.last_activity = time.monotonic()
            self.cond.notify_all()

    def wait(self, query: StreamingQuery) -> None:
        with self.cond:
            self.last_activity = time.monotonic()
            while len(self.latency_ms) < self.wanted:
                if not query.isActive:
                    raise RuntimeError(f"query ended after {len(self.latency_ms)} of {self.wanted} lines: {query.exception()}")
                idle = time.monotonic() - self.last_activity
                if idle > W7_IDLE_TIMEOUT_S:
                    raise RuntimeError(f"received {len(self.latency_ms)} of {self.wanted} lines, none in the last {W7_IDLE_TIMEOUT_S:.0f} s")
                self.cond.wait(timeout=0.5)


def await_socket_connected(query: StreamingQuery, timeout_s: float = 60.0) -> None:
    """Spark 4 opens the socket lazily, when it plans batch 0 (always empty: nothing was read before
    the connection); the batch's progress event therefore means the source is connected."""
    deadline = time.monotonic() + timeout_s
    while query.lastProgress is None:
        if not query.isActive:
            raise RuntimeError(f"query stopped while starting: {query.exception()}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"the socket source did not connect within {timeout_s:.0f} s")
        time.sleep(0.01)


def w7_socket_latency(spark: SparkSession, params: Params, scratch: str) -> Result:
    sink = LatencySink(int(need(params, "lines")))
    lines = (spark.readStream.format("socket").option("host", need(params, "socketHost"))
             .option("port", int(need(params, "socketPort"))).load())
    parsed = lines.selectExpr("cast(split(value, ',')[0] as bigint) as seq", "cast(split(value, ',')[1] as double) as sentMs")
    query = parsed.writeStream.foreachBatch(sink).option("checkpointLocation", measured_checkpoint(params, scratch)).start()
    try:
        await_socket_connected(query)
        emit("READY")
        sink.wait(query)
    finally:
        query.stop()
    events = progress_of(query)
    with_data = [p for p in events if int(p["numInputRows"]) > 0]
    received = len(sink.latency_ms)
    feed_ms = max(sink.sent_ms) - min(sink.sent_ms)
    result: Result = {
        "inputRows": received,
        "measuredMs": feed_ms,
        "rowsPerSecond": rate(received, feed_ms),
        "batches": len(with_data),
        "batchMs": [trigger_ms(p) for p in with_data],
        "latencyMs": sink.latency_ms,
        "outputRows": received,
        "notes": seq_note(sink.seqs) + "; measuredMs = feed duration (last sentMs - first sentMs)",
    }
    return result


def seq_note(seqs: list[int]) -> str:
    distinct = len(set(seqs))
    return f"{len(seqs)} lines received, {distinct} distinct seq, {len(seqs) - distinct} duplicates"


# ---------------------------------------------------------------------------------------------
# w8: Kafka -> aggregate -> Kafka, availableNow
# ---------------------------------------------------------------------------------------------

def w8_kafka(spark: SparkSession, params: Params, scratch: str) -> Result:
    brokers = str(need(params, "kafkaBrokers"))

    def start(run: Run) -> StreamingQuery:
        raw = (spark.readStream.format("kafka").option("kafka.bootstrap.servers", brokers)
               .option("subscribe", run.source).option("startingOffsets", "earliest").load())
        readings = raw.select(F.from_json(F.col("value").cast("string"),
                                          "sensor STRING, temperature DOUBLE, humidity DOUBLE, ts TIMESTAMP").alias("r"))
        stats = readings.groupBy("r.sensor").agg(
            F.count("*").alias("n"), F.avg("r.temperature").alias("avg_temperature"), F.max("r.humidity").alias("max_humidity"))
        out = stats.selectExpr("sensor AS key", "to_json(struct(*)) AS value")
        return (out.writeStream.format("kafka").option("kafka.bootstrap.servers", brokers).option("topic", run.sink)
                .outputMode("update").trigger(availableNow=True).option("checkpointLocation", run.checkpoint).start())

    # The warm-up's results go to a topic of their own (auto-created, deleted after the run), so
    # topicOut holds the measured run's only; the Caudal runner does the same.
    warmup_out = f"{need(params, 'topicOut')}-warmup"
    warmup = Run(str(need(params, "warmupTopicIn")), warmup_checkpoint(params, scratch), warmup_out)
    measured = Run(str(need(params, "topicIn")), measured_checkpoint(params, scratch), str(need(params, "topicOut")))
    try:
        result, events = measure_available_now(start, warmup, measured)
    finally:
        delete_topic(spark, brokers, warmup_out)
    notes = ["outputRows = sum of sink.numOutputRows (Kafka sink)"]
    output_rows = sink_output_rows(events)
    if output_rows is not None:
        result["outputRows"] = output_rows
    if "messages" in params and result["inputRows"] != int(need(params, "messages")):
        notes.append(f"read {result['inputRows']} of {need(params, 'messages')} messages")
    result["notes"] = "; ".join(notes)
    return result


def delete_topic(spark: SparkSession, brokers: str, topic: str) -> None:
    """Deletes a topic with the Kafka admin client that spark-sql-kafka brings into the driver JVM."""
    jvm = spark.sparkContext._jvm
    assert jvm is not None
    try:
        props = jvm.java.util.Properties()
        props.put("bootstrap.servers", brokers)
        admin = jvm.org.apache.kafka.clients.admin.AdminClient.create(props)
        try:
            topics = jvm.java.util.Collections.singletonList(topic)
            admin.deleteTopics(topics).all().get(30, jvm.java.util.concurrent.TimeUnit.SECONDS)
        finally:
            admin.close()
    except Exception as error:  # noqa: BLE001 - a leftover warm-up topic is not worth failing the run
        log(f"could not delete topic {topic}: {error}")


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------

Workload = Callable[[SparkSession, Params, str], Result]

WORKLOADS: dict[str, Workload] = {
    "w1-filter-project": w1_filter_project,
    "w2-group-count": w2_group_count,
    "w3-windowed-count": w3_windowed_count,
    "w4-wordcount": w4_wordcount,
    "w5-invoices": w5_invoices,
    "w6-bizum": w6_bizum,
    "w7-socket-latency": w7_socket_latency,
    "w8-kafka": w8_kafka,
}


def run(name: str, params: Params, scratch: str) -> Result:
    spark = build_session(scratch, with_kafka=name == "w8-kafka")
    startup_ms = since_process_start_ms()
    try:
        log(f"Spark {spark.version} session ready after {startup_ms:.0f} ms")
        if name != "w7-socket-latency":
            emit("READY")
        measured = WORKLOADS[name](spark, params, scratch)
        return {"engine": "spark", "engineVersion": spark.version, "workload": name, "startupMs": startup_ms, **measured}
    finally:
        spark.stop()


def exit_on_sigterm(signum: int, frame: object) -> None:
    """SIGTERM (the orchestrator's timeout) unwinds like an error, so the temp dir is removed."""
    raise SystemExit(128 + signum)


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in WORKLOADS:
        log(f"usage: workloads.py <{'|'.join(WORKLOADS)}> <params-json-file>")
        return 2
    with open(argv[2], encoding="utf-8") as f:
        params: Params = json.load(f)
    signal.signal(signal.SIGTERM, exit_on_sigterm)
    scratch = tempfile.mkdtemp(prefix="spark-side-by-side-")
    try:
        result = run(argv[1], params, scratch)
    except Exception as error:  # noqa: BLE001 - any failure ends the run with a message and exit 1
        log(f"{argv[1]} failed: {error}")
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    emit("RESULT " + json.dumps(result, separators=(",", ":")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
