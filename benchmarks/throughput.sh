#!/bin/sh
# Single-thread training throughput of every trainer's step, JouleBench (Java) beside PyTorch doing the same work,
# plus the sgemm rate of each side's BLAS. The two sides run interleaved, workload by workload, for several rounds
# (benchmarks/interleave.py); the table gives each workload's median and range (min-max) over the rounds, of the
# rates, of the JouleBench / PyTorch ratio on wall time and on CPU time, and of the cores each side used.
#
#   benchmarks/throughput.sh [SCALE] [--rounds N] [--only TEXT] [--warmup S] [--no-sgemm] [--json FILE]
#       SCALE      multiplies every workload's step count (default 1)
#       --rounds   interleaved rounds (default 3)
#       --only     only the workloads whose name contains TEXT
#       --warmup   each side's minimum warm-up per workload, seconds (default 2; Java then warms up on until
#                  its JIT has been idle for 3 s and 10 steps, at most 30 s: BenchReport)
#       --no-sgemm skip the sgemm rates (run once, before the rounds)
#       --json     also write every measurement to FILE
#   JOULEBENCH_BLAS=system benchmarks/throughput.sh     the Java side on the system's OpenBLAS
#
# Builds what it needs from this checkout (main and test classes of algorithms, no install), then runs each
# measurement in its own plain JVM or Python process. Needs for the PyTorch side Debian's python3-torch with
# libopenblas0-pthread (apt-get install python3-torch libopenblas0-pthread); without it, the Java side only.
# Run on a quiet machine.
set -eu
cd "$(dirname "$0")/.."
SCALE=1
case "${1:-}" in
    ''|-*) ;;
    *) SCALE="$1"; shift ;;
esac
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

# The collector a trial's JVM runs with (harness TrialJvmOptions: serial, 32 MiB young generation; G1's concurrent
# threads took a fifth of a core beside NoProp's step), the tests' heap and flags (pom.xml: surefire.argLine), then
# the BLAS choice.
JVM_OPTS="-XX:+UseSerialGC -Xmn32m -Xmx6g -Dorg.deeplearning4j.crash.reporting.enabled=false"
# JOULEBENCH_BLAS=system: the Java side on the system's OpenBLAS, as the launcher does (see ./joulebench).
if [ "${JOULEBENCH_BLAS:-bundled}" = system ]; then
    JVM_OPTS="$JVM_OPTS -Dorg.bytedeco.openblas.load=openblas -Dorg.bytedeco.openblas_nolapack.load=openblas"
    JVM_OPTS="$JVM_OPTS -Dorg.bytedeco.javacpp.pathsFirst=true"
    JVM_OPTS="$JVM_OPTS -Djava.library.path=${JOULEBENCH_BLAS_DIR:-/usr/lib/x86_64-linux-gnu/openblas-pthread}"
fi

# Once: compile algorithms from the reactor and write its test class path (a file per module, under target/).
./mvnw -B -q test-compile dependency:build-classpath -pl algorithms -am \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
CP="algorithms/target/test-classes:algorithms/target/classes:$(cat algorithms/target/bench.classpath)"

PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
TORCH_PYTHON="$PYTHON"
"$PYTHON" -c 'import torch' 2>/dev/null || TORCH_PYTHON=""
exec "$PYTHON" benchmarks/interleave.py --scale "$SCALE" --classpath "$CP" "--jvm-opts=$JVM_OPTS" \
    --python "$TORCH_PYTHON" "$@"
