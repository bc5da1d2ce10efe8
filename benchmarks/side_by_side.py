"""Puts the Java and PyTorch BENCH lines of benchmarks/throughput.sh side by side, matched by workload name."""
import re
import sys

LINE = re.compile(r"^BENCH (.+?)\s+(\d+) samples/s\s+([\d.]+) GFLOP/s")


def read(path):
    rates = {}
    with open(path) as f:
        for line in f:
            m = LINE.match(line)
            if m:
                rates[m.group(1).strip()] = (float(m.group(2)), float(m.group(3)))
    return rates


def main(java_path, torch_path):
    java, torch = read(java_path), read(torch_path)
    print(f"\n| workload | JouleBench samples/s (GFLOP/s) | PyTorch samples/s (GFLOP/s) | JouleBench / PyTorch |")
    print("|---|---|---|---|")
    for name, (rate, gflops) in java.items():
        # Engine variants (", DL4J") share the PyTorch peer of the default engine's workload.
        peer = torch.get(name) or torch.get(name.replace(", DL4J)", ")"))
        theirs = f"{peer[0]:.0f} ({peer[1]:.1f})" if peer else "-"
        ratio = f"{rate / peer[0]:.2f}" if peer else "-"
        print(f"| {name} | {rate:.0f} ({gflops:.1f}) | {theirs} | {ratio} |")


if __name__ == "__main__":
    main(*sys.argv[1:3])
