#!/bin/sh
# Single-thread training throughput of every trainer's step, JouleBench (Java) beside PyTorch doing the same work,
# plus the sgemm rate of each side's BLAS. Prints the BENCH lines of both and a side-by-side table.
#
#   benchmarks/throughput.sh [SCALE]     SCALE multiplies every workload's step count (default 1)
#   JOULEBENCH_BLAS=system benchmarks/throughput.sh     the Java side on the system's OpenBLAS
#
# Needs: this checkout built once (./mvnw -B install -DskipTests), and for the PyTorch side Debian's python3-torch
# with libopenblas0-pthread (apt-get install python3-torch libopenblas0-pthread). Run on a quiet machine.
set -eu
cd "$(dirname "$0")/.."
SCALE="${1:-1}"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1
OUT="${TMPDIR:-/tmp}/joulebench-throughput.$$"
mkdir -p "$OUT"

# JOULEBENCH_BLAS=system: the Java side on the system's OpenBLAS, as the launcher does (see ./joulebench).
ARGLINE="-Xmx6g"
if [ "${JOULEBENCH_BLAS:-bundled}" = system ]; then
    ARGLINE="$ARGLINE -Dorg.bytedeco.openblas.load=openblas -Dorg.bytedeco.openblas_nolapack.load=openblas"
    ARGLINE="$ARGLINE -Dorg.bytedeco.javacpp.pathsFirst=true"
    ARGLINE="$ARGLINE -Djava.library.path=${JOULEBENCH_BLAS_DIR:-/usr/lib/x86_64-linux-gnu/openblas-pthread}"
fi
./mvnw -B -q -o test -pl algorithms -Djoulebench.bench=true -Djoulebench.bench.scale="$SCALE" \
    "-Dsurefire.argLine=$ARGLINE" -Dtest='GemmPeakBench,*ThroughputBench' -Dsurefire.failIfNoSpecifiedTests=false \
    | grep '^BENCH' | tee "$OUT/java"

PYTHON=/usr/bin/python3
if "$PYTHON" -c 'import torch' 2>/dev/null; then
    "$PYTHON" benchmarks/pytorch_throughput.py --scale "$SCALE" | grep '^BENCH' | tee "$OUT/torch"
else
    echo "no PyTorch at $PYTHON (apt-get install python3-torch libopenblas0-pthread): Java side only" >&2
    : > "$OUT/torch"
fi

"$PYTHON" benchmarks/side_by_side.py "$OUT/java" "$OUT/torch"
rm -rf "$OUT"
