"""Timing shared by the PyTorch throughput workloads: warm up, then time whole training steps."""
import time


def measure(name, step, samples_per_step, steps, warmup=5, flops_per_step=None):
    """Runs step() warmup times, then `steps` times; returns a result dict and prints one BENCH line.

    The line format matches the Java benchmarks (``BENCH <name>  <samples/s> samples/s ...``) so the two can be
    put side by side by name.
    """
    for _ in range(warmup):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = time.perf_counter() - start
    rate = steps * samples_per_step / seconds
    gflops = flops_per_step * steps / seconds / 1e9 if flops_per_step else None
    extra = f"  {gflops:6.1f} GFLOP/s (gemm)" if gflops else ""
    print(f"BENCH {name:<45s} {rate:8.0f} samples/s{extra}  {steps} steps", flush=True)
    return {"name": name, "samples_per_s": rate, "gflops": gflops, "steps": steps}
