"""Single-thread training throughput of PyTorch doing the same work as JouleBench's trainers.

Run with Debian's python3-torch and OpenBLAS (see docs/benchmarks.md):
    OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/pytorch_throughput.py [--scale 0.2] [--json out.json]
Prints one BENCH line per workload, named as the Java benchmarks' lines, plus the sgemm rate of this BLAS.
benchmarks/throughput.sh runs it once per workload and round: --workload NAME --no-sgemm.
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import timing  # noqa: E402
import torch_cnn  # noqa: E402
import torch_mlp  # noqa: E402
import torch_noprop  # noqa: E402

FAMILIES = [torch_mlp, torch_cnn, torch_noprop]


def sgemm_rate(m, n, k, reps):
    """GFLOP/s of C = A B^T (B stored [n, k], as the layers store W)."""
    a, b = torch.rand(m, k), torch.rand(n, k)
    for _ in range(3):
        a @ b.t()
    start = time.perf_counter()
    for _ in range(reps):
        a @ b.t()
    return 2.0 * m * n * k * reps / (time.perf_counter() - start) / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every workload's step count")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--warmup", type=float, default=2.0, help="warm up each workload for at least this many"
                        " seconds (default 2, as the Java side)")
    parser.add_argument("--only", default="", help="run only workloads whose name contains this")
    parser.add_argument("--workload", help="run only the workload of exactly this name (an error if none)")
    parser.add_argument("--no-sgemm", action="store_true", help="skip the sgemm rates")
    parser.add_argument("--sgemm-only", action="store_true", help="only the sgemm rates")
    parser.add_argument("--list", action="store_true", help="print the workload names and exit")
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(1)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}", flush=True)
    results = []
    if args.list:
        for family in FAMILIES:
            for name, *_ in family.workloads():
                print(name)
        return
    if not (args.no_sgemm or args.workload):
        for m, n, k, reps in [(2048, 2048, 2048, 10), (128, 1000, 784, 300), (128, 1000, 1000, 300),
                              (200, 2000, 2000, 60)]:
            rate = sgemm_rate(m, n, k, reps)
            print(f"BENCH sgemm {m}x{k} by {n}x{k}^T {rate:31.1f} GFLOP/s", flush=True)
            results.append({"name": f"sgemm {m}x{k} by {n}x{k}^T", "gflops": rate})
    for family in [] if args.sgemm_only else FAMILIES:
        for name, step, samples, steps, flops in family.workloads():
            if (name == args.workload) if args.workload else (args.only in name):
                results.append(timing.measure(name, step, samples, max(3, int(steps * args.scale)),
                                              flops_per_step=flops, warmup_s=args.warmup))
    if args.workload and not results:
        sys.exit(f"no PyTorch workload named {args.workload!r} (--list shows them)")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"torch": torch.__version__, "results": results}, f, indent=1)


if __name__ == "__main__":
    main()
