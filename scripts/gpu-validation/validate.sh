#!/usr/bin/env bash
# Runs on the GPU machine (from the kit folder): JouleBench's NVML energy for a PyTorch load, against nvidia-smi's
# own total-energy counter. nvidia-smi is read inside the metered command, just before and after the load, so its
# window lies within JouleBench's; the few hundred ms between the two window edges are accounted for with the
# measured power. Writes everything under ${OUT:-./out}.
set -uo pipefail
kit="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$kit/out}"; mkdir -p "$out"
seconds="${1:-60}"
jb() { "$kit/jre/bin/java" -cp "$kit/lib/*" io.joulebench.harness.Main "$@"; }

{ nvidia-smi; nvidia-smi -q -d POWER; } > "$out/nvidia-smi.txt" 2>&1
jb sensors > "$out/sensors.txt" 2>&1; cat "$out/sensors.txt"
inner='smi() { echo "$(date +%s.%N) $(nvidia-smi --id=0 --query-gpu=total_energy_consumption --format=csv,noheader,nounits)"; }
smi > "$0.before"; python3 "$1" "$2"; rc=$?; smi > "$0.after"; exit $rc'
jb measure --interval 100ms --idle 5s --json "$out/measure.json" --trace "$out/trace.csv" -- \
  bash -c "$inner" "$out/smi" "$kit/load.py" "$seconds" 2>&1 | tee "$out/measure.txt"
python3 - "$out" <<'PY' | tee "$out/comparison.txt"
import json, sys
out = sys.argv[1]
t0, e0 = map(float, open(f"{out}/smi.before").read().split())
t1, e1 = map(float, open(f"{out}/smi.after").read().split())
m = json.load(open(f"{out}/measure.json"))
gpu = next(d for d in m["domains"] if d["domain"] == "gpu:0")
smi_j = (e1 - e0) / 1000.0
jb_j = gpu["joules"]
edge_s = m["windowSeconds"] - (t1 - t0)
print(f"nvidia-smi total_energy_consumption: {smi_j:.1f} J over {t1 - t0:.2f} s ({smi_j / (t1 - t0):.1f} W)")
print(f"joulebench gpu:0: {jb_j:.1f} J over {m['windowSeconds']:.2f} s, {gpu['method']}, {gpu['quality']}, "
      f"{gpu['samples']} samples, counter update period {gpu['updatePeriodMillis']} ms")
print(f"window edges outside nvidia-smi's window: {edge_s:.2f} s; difference {jb_j - smi_j:+.1f} J "
      f"= {100 * (jb_j - smi_j) / smi_j:+.2f} % (target: within 1 %, the edges explaining any positive excess)")
PY
