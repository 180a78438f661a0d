#!/usr/bin/env bash
# Creates benchmarks/.venv with a pinned PySpark (Spark runs in the JVM of this machine: Java 17 or newer).
# Idempotent: a second run with the venv already in place only checks it. Nothing of Spark is committed.
set -euo pipefail
PYSPARK_VERSION="${PYSPARK_VERSION:-4.0.1}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
VENV="$HERE/../.venv"

if ! command -v java >/dev/null 2>&1; then
  echo "benchmarks/spark/setup.sh: java is not on PATH; Spark $PYSPARK_VERSION needs Java 17 or newer" >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(0 if pyspark.__version__ == '$PYSPARK_VERSION' else 1)" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
"$VENV/bin/python" -c "import pyspark; print('pyspark', pyspark.__version__)"
