"""Timing shared by the PyTorch throughput workloads: warm up, then time whole training steps."""
import time


def measure(name, step, samples_per_step, steps, warmup=5, flops_per_step=None, warmup_s=2.0):
    """Runs step() `warmup` times and for at least `warmup_s` seconds (the Java side's rule, there for its JIT), then
    `steps` times; returns a result dict and prints one BENCH line.

    The line format matches the Java benchmarks (``BENCH <name>  <samples/s> samples/s ... wall <s> s  cpu <s> s
    cores <n>``) so the two can be put side by side by name. CPU time is the whole process's
    (time.process_time: every thread), so cores = CPU time / wall time shows any helper threads at work.
    """
    end = time.perf_counter() + warmup_s
    done = 0
    while done < warmup or time.perf_counter() < end:
        step()
        done += 1
    cpu0 = time.process_time()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    rate = steps * samples_per_step / seconds
    gflops = flops_per_step * steps / seconds / 1e9 if flops_per_step else None
    extra = f"  {gflops:6.1f} GFLOP/s (gemm)" if gflops else ""
    print(f"BENCH {name:<45s} {rate:8.0f} samples/s{extra}  {steps} steps of batch {samples_per_step}"
          f"  wall {seconds:.4f} s  cpu {cpu:.4f} s  cores {cpu / seconds:.2f}", flush=True)
    return {"name": name, "samples_per_s": rate, "gflops": gflops, "steps": steps, "batch": samples_per_step,
            "wall_s": seconds, "cpu_s": cpu}
