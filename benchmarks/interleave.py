"""Runs the Java and PyTorch training-step benchmarks interleaved, workload by workload, for several rounds, and
reports for each workload the median and the range (min-max) of the JouleBench / PyTorch ratio across rounds, on
wall time and on CPU time. Started by benchmarks/throughput.sh, which builds the Java classpath first.

Each measurement is its own process: one JVM (io.joulebench.algorithms.local.BenchMain with
-Djoulebench.bench.only=NAME) or one Python (pytorch_throughput.py --workload NAME). A round runs every workload's
pair back to back, Java first in odd rounds and PyTorch first in even ones (A B, then B A), so a slow drift of the
machine lands on both sides of a ratio instead of on one half of the table.
"""
import argparse
import json
import os
import re
import shlex
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BENCH_MAIN = "io.joulebench.algorithms.local.BenchMain"
PACKAGE = "io.joulebench.algorithms."
NOPROP = "noprop-dt block step (conv 32,64,128, h 256, AdamW)"
BP_CNN = "bp-cnn step (3 blocks + linear, AdamW)"

# (Java bench class under io.joulebench.algorithms, workload name, PyTorch peer's name or None). A peer of another
# name is borrowed from the same round (the DL4J engine beside PyTorch's run of the same model).
WORKLOADS = [
    ("bp.BpMlpThroughputBench", "bp-mlp step (784-1000-1000-10)", "bp-mlp step (784-1000-1000-10)"),
    ("bp.BpMlpThroughputBench", "bp-mlp step (784-2000x4-10, FF twin)", "bp-mlp step (784-2000x4-10, FF twin)"),
    ("mf.MfThroughputBench", "mf layer-1 step (784->1000)", "mf layer-1 step (784->1000)"),
    ("mf.MfThroughputBench", "mf layer-2 step (1000->1000, cached input)",
     "mf layer-2 step (1000->1000, cached input)"),
    ("mf.MfThroughputBench", "mf simultaneous step (both layers)", None),
    ("ff.FfThroughputBench", "ff step (784-2000x4, batch 100, 200 rows)", "ff step (784-2000x4, batch 100, 200 rows)"),
    ("cafo.CafoThroughputBench", "cafo blocks forward (3 blocks, inference)",
     "cafo blocks forward (3 blocks, inference)"),
    ("cafo.CafoThroughputBench", "cafo predictor step (6272->10, Adam)", "cafo predictor step (6272->10, Adam)"),
    ("cafo.CafoThroughputBench", "cafo-dfa block step (3 blocks, DFA + Adam)",
     "cafo-dfa block step (3 blocks, DFA + Adam)"),
    ("bp.BpCnnThroughputBench", BP_CNN, BP_CNN),
    ("noprop.NoPropThroughputBench", NOPROP, NOPROP),
    ("bp.BpMlpThroughputBench", "bp-mlp dl4j engine step (784-1000-1000-10)", None),
    ("bp.BpMlpThroughputBench", "bp-mlp dl4j engine step (784-2000x4-10, FF twin)", None),
    ("bp.BpCnnThroughputBench", "bp-cnn step (3 blocks + linear, AdamW, DL4J)", BP_CNN),
]

LINE = re.compile(r"^BENCH (.+?)\s+(\d+) samples/s.*?\bwall ([\d.]+) s\s+cpu ([\d.]+) s")
THREAD = re.compile(r"\bthread cpu ([\d.]+) s")
WARMUP = re.compile(r"\bwarm-up ([\d.]+) s")


def parse(output, name):
    """The measurement of workload `name` in a process's output: samples/s, wall s, process CPU s, and (Java)
    the training thread's CPU s and its warm-up s."""
    for line in output.splitlines():
        m = LINE.match(line)
        if m and m.group(1).strip() == name:
            t = THREAD.search(line)
            w = WARMUP.search(line)
            return {"samples_per_s": float(m.group(2)), "wall_s": float(m.group(3)), "cpu_s": float(m.group(4)),
                    "thread_cpu_s": float(t.group(1)) if t else None, "warmup_s": float(w.group(1)) if w else None}
    return None


def run(command, what, side):
    """Runs one benchmark process; prints its BENCH lines after `side`; fails loudly (with its output) if it fails."""
    p = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in p.stdout.splitlines():
        if line.startswith("BENCH"):
            print(f"{side:<10s} {line}", flush=True)
    if p.returncode != 0:
        sys.exit(f"{what} failed (exit {p.returncode}): {shlex.join(command)}\n{p.stdout[-4000:]}")
    return p.stdout


class Sides:
    def __init__(self, args):
        self.scale = args.scale
        self.java = ["java"] + shlex.split(args.jvm_opts) + [
            "-Djoulebench.bench=true", f"-Djoulebench.bench.scale={args.scale}",
            f"-Djoulebench.bench.warmup={args.warmup}", "-cp", args.classpath]
        self.warmup = args.warmup
        self.python = args.python
        self.torch = args.python and subprocess.run(
            [args.python, "-c", "import torch"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0

    def java_run(self, bench_class, name):
        out = run(self.java + [f"-Djoulebench.bench.only={name}", BENCH_MAIN, PACKAGE + bench_class],
                  f"Java {name!r}", "JouleBench")
        result = parse(out, name)
        if result is None:
            sys.exit(f"{PACKAGE + bench_class} printed no BENCH line named {name!r}:\n{out[-4000:]}")
        return result

    def torch_run(self, name):
        out = run([self.python, os.path.join(HERE, "pytorch_throughput.py"), "--scale", str(self.scale),
                   "--warmup", str(self.warmup), "--workload", name], f"PyTorch {name!r}", "PyTorch")
        result = parse(out, name)
        if result is None:
            sys.exit(f"pytorch_throughput.py printed no BENCH line named {name!r}:\n{out[-4000:]}")
        return result

    def sgemm(self):
        run(self.java + [BENCH_MAIN, PACKAGE + "local.GemmPeakBench"], "Java sgemm", "JouleBench")
        if self.torch:
            run([self.python, os.path.join(HERE, "pytorch_throughput.py"), "--sgemm-only"], "PyTorch sgemm",
                "PyTorch")


def spread(values, fmt):
    """'median (min-max)' of a list, or '-'."""
    if not values:
        return "-"
    if len(values) == 1:
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}-{fmt.format(max(values))})"


def summary(workloads, java, torch, rounds):
    """The Markdown table: per workload, medians and ranges over rounds; ratios pair each round's own runs."""
    print(f"\nMedian (min-max) over {rounds} interleaved rounds. Ratios pair the two sides' runs of the same round."
          " Per CPU-second: samples per second of process CPU time (every thread). Cores: process CPU time / wall"
          " time of the timed steps. JVM / thread: the JVM's process CPU time / its training thread's (JIT"
          " compilers, GC and other helpers on top of the step itself).\n")
    print("| workload | JouleBench samples/s | PyTorch samples/s | JouleBench / PyTorch | JouleBench / PyTorch per"
          " CPU-second | cores, JouleBench / PyTorch | JouleBench JVM / thread CPU |")
    print("|---|---|---|---|---|---|---|")
    for _, name, peer in workloads:
        j = java.get(name, [])
        pairs = [(a, b) for a, b in zip(j, torch.get(peer, [])) if a and b] if peer else []
        cores_j = [r["cpu_s"] / r["wall_s"] for r in j]
        cores_t = [b["cpu_s"] / b["wall_s"] for _, b in pairs]
        jvm = [r["cpu_s"] / r["thread_cpu_s"] for r in j if r.get("thread_cpu_s")]
        rate_t = [b["samples_per_s"] for _, b in pairs]
        ratio = [a["samples_per_s"] / b["samples_per_s"] for a, b in pairs]
        # samples per CPU-second on each side: rate * wall / cpu
        cpu_ratio = [(a["samples_per_s"] * a["wall_s"] / a["cpu_s"]) / (b["samples_per_s"] * b["wall_s"] / b["cpu_s"])
                     for a, b in pairs if a["cpu_s"] > 0 and b["cpu_s"] > 0]
        label = f"`{name}`" if peer in (None, name) else f"`{name}` (beside PyTorch's `{peer}`)"
        cores = f"{spread(cores_j, '{:.2f}')} / {spread(cores_t, '{:.2f}')}" if pairs else spread(cores_j, "{:.2f}")
        print(f"| {label} | {spread([r['samples_per_s'] for r in j], '{:.0f}')} | {spread(rate_t, '{:.0f}')} "
              f"| {spread(ratio, '{:.2f}')} | {spread(cpu_ratio, '{:.2f}')} | {cores} | {spread(jvm, '{:.2f}')} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classpath", required=True, help="the Java benchmarks' class path")
    parser.add_argument("--jvm-opts", default="", help="JVM options (one string, shell-split)")
    parser.add_argument("--python", default="/usr/bin/python3", help="the Python that has torch ('' for none)")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every workload's step count")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="each side warms a workload up for at least this many seconds (default 2)")
    parser.add_argument("--only", default="", help="run only workloads whose name contains this")
    parser.add_argument("--no-sgemm", action="store_true", help="skip the sgemm rates run before the rounds")
    parser.add_argument("--json", help="also write every measurement here")
    args = parser.parse_args()
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")
    sides = Sides(args)
    if not sides.torch:
        print(f"no PyTorch at {args.python or '(none)'} (apt-get install python3-torch libopenblas0-pthread):"
              " Java side only", file=sys.stderr)
    workloads = [w for w in WORKLOADS if args.only in w[1]]
    if not workloads:
        sys.exit(f"no workload's name contains {args.only!r}")
    if not args.no_sgemm:
        print("# sgemm rates (once, before the rounds)", flush=True)
        sides.sgemm()
    java = {name: [] for _, name, _ in workloads}
    torch = {}
    records = []
    for r in range(1, args.rounds + 1):
        java_first = r % 2 == 1
        print(f"# round {r} of {args.rounds} ({'JouleBench' if java_first else 'PyTorch'} first in each pair)",
              flush=True)
        done = {}  # this round's PyTorch runs, by name
        for bench_class, name, peer in workloads:
            run_peer = sides.torch and peer is not None and peer not in done
            if run_peer and not java_first:
                done[peer] = sides.torch_run(peer)
            result = sides.java_run(bench_class, name)
            if run_peer and java_first:
                done[peer] = sides.torch_run(peer)
            java[name].append(result)
            records.append(dict(round=r, side="java", name=name, **result))
        for peer, result in done.items():
            records.append(dict(round=r, side="pytorch", name=peer, **result))
        for peer in {p for _, _, p in workloads if p is not None}:
            torch.setdefault(peer, []).append(done.get(peer))  # None without torch: lists stay aligned by round
    summary(workloads, java, torch, args.rounds)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"scale": args.scale, "rounds": args.rounds, "records": records}, f, indent=1)


if __name__ == "__main__":
    main()
