#!/usr/bin/env python3
"""PyTorch reference trainers for JouleBench: the MF twin BP MLP and Mono-Forward, with the study's settings.

Spyra, "Beyond Backpropagation" (arXiv 2509.19063), as restated in spec/algorithms.md ("Data", "BP baselines",
"Mono-Forward", "The study's settings, as actually run"). The script speaks JouleBench's external-trainer event
protocol (docs/external-trainers.md): JSON lines appended and flushed to the file named by $JOULEBENCH_EVENTS.

  bp-mlp  MLP 784-1000-1000-10, ReLU, AdamW, batch 128, at most --epochs (100) epochs; after every epoch the
          validation loss and accuracy; stop when the validation loss has not improved (min delta 0) for
          --patience epochs; test with the weights of the best validation accuracy. PyTorch-default
          initialisation, the output layer N(0, 0.01^2) with bias 0. Stage "main".
  mf      Mono-Forward, schedule "sequential" (the study's): hidden 1000,1000; layer l has (W_l, b_l) and a
          projection M_l (C x h_l, no bias), local loss CE(a_l M_l^T, y) on a detached input. Layer 1 trains to
          its own stop, freezes, then layer 2 (stages "layer-1", "layer-2"); each stage: a fresh Adam (weight
          decay 0), batch 128, at most --epochs epochs (the study's epochs_per_layer), stop when the layer's own
          validation CE has not improved by more than 1e-4 for --patience epochs; the final weights are kept (no
          restore). The frozen layers' outputs are computed once per stage for the training and validation
          splits (the spec's legitimate cache; JouleBench's Java MF does the same by default). W Kaiming-uniform
          (bound sqrt(6/fan_in)), b = 0, M uniform with bound 1/sqrt(h_l). Prediction: the last layer's scores.
          No projection on the raw input (the study's logged runs had none).

Data: the IDX gz files in --data. Fashion-MNIST: a seeded random 90/10 split of the 60 000 training images
(54 000 / 6 000) drawn from --split-seed with torch.randperm; MNIST: the first 50 000 / the last 10 000. NOTE:
this permutation is not the one JouleBench's Java trainers draw from the same split seed (they use Java's
SplittableRandom), so the same --split-seed does NOT give the same split in Python and Java: compare the two
across seeds, not trial by trial. Training batches are shuffled (a torch.Generator seeded with --seed) and the
last incomplete batch is dropped; validation and test batches of 256.

flops (cumulative per epoch, gemms only, 2mnk each) count as JouleBench's Java trainers count them: BP 3 x the
forward per training sample plus the validation forwards; MF the layer's training step (2 x rows x (2 n h + 3 h C)),
the cache of the frozen layer's outputs and the validation forwards. The final test is not counted.

Usage under JouleBench (suites/beyond-bp-gpu.yaml):
  ./joulebench run -t external -d fashion-mnist -P epochs=2 -P command="/usr/bin/python3 \
      benchmarks/torch_reference.py --algorithm mf --seed {seed} --split-seed {split-seed} --epochs {epochs} \
      --patience {patience} --data {data} --device auto"
"""
import argparse
import gzip
import json
import os
import platform
import struct
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before torch loads its OpenMP runtime

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

# The study's as-run settings (spec/algorithms.md, "The study's settings, as actually run").
DATASETS = {
    "fashion-mnist": {"mean": 0.2860, "std": 0.3530, "split": "random-90-10"},
    "mnist": {"mean": 0.1307, "std": 0.3081, "split": "first-50000"},
}
SETTINGS = {
    ("bp-mlp", "fashion-mnist"): {"lr": 2.1316e-4, "weight_decay": 2.7123e-5, "epochs": 100, "patience": 10},
    ("bp-mlp", "mnist"): {"lr": 1.9762e-4, "weight_decay": 7.4763e-6, "epochs": 100, "patience": 10},
    ("mf", "fashion-mnist"): {"lr": 3.8731e-4, "weight_decay": 0.0, "epochs": 12, "patience": 10},
    ("mf", "mnist"): {"lr": 1.5703e-3, "weight_decay": 0.0, "epochs": 14, "patience": 5},
}
HIDDEN = (1000, 1000)
BATCH = 128
EVAL_BATCH = 2 * BATCH
CLASSES = 10


class Events:
    """The event protocol: one JSON object per line, appended and flushed."""

    def __init__(self, path):
        self.stream = open(path, "a", encoding="utf-8") if path else sys.stdout

    def emit(self, **event):
        event = {k: v for k, v in event.items() if v is not None}  # a missing value is left out
        self.stream.write(json.dumps(event) + "\n")
        self.stream.flush()


def read_idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count = struct.unpack(">II", raw[:8])
    if magic == 0x00000803:
        rows, cols = struct.unpack(">II", raw[8:16])
        return np.frombuffer(raw, dtype=np.uint8, offset=16).reshape(count, rows * cols)
    if magic == 0x00000801:
        return np.frombuffer(raw, dtype=np.uint8, offset=8)
    raise ValueError(f"{path}: not an IDX images/labels file (magic {magic:#010x})")


def find(folder, stem):
    for name in (stem + ".gz", stem, stem.replace("-idx", ".idx") + ".gz"):
        p = os.path.join(folder, name)
        if os.path.exists(p):
            return p
    raise FileNotFoundError(f"{stem}(.gz) not in {folder}")


def load(folder, dataset, split_seed, device):
    """(train, validation, test) as (x float32 normalised [N, 784], y int64) on the device."""
    info = DATASETS[dataset]

    def tensors(prefix):
        x = read_idx(find(folder, prefix + "-images-idx3-ubyte")).astype(np.float32) / 255.0
        y = read_idx(find(folder, prefix + "-labels-idx1-ubyte")).astype(np.int64)
        x = (torch.from_numpy(x) - info["mean"]) / info["std"]
        return x, torch.from_numpy(y)

    x, y = tensors("train")
    if info["split"] == "first-50000":
        train_idx, val_idx = torch.arange(0, 50000), torch.arange(50000, len(y))
    else:
        perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(split_seed))
        cut = len(y) * 9 // 10
        train_idx, val_idx = perm[:cut], perm[cut:]
    xt, yt = tensors("t10k")
    move = lambda a, b: (a.contiguous().to(device), b.contiguous().to(device))
    return move(x[train_idx], y[train_idx]), move(x[val_idx], y[val_idx]), move(xt, yt)


def batches(n, gen, device):
    """Shuffled index batches of BATCH, the last incomplete batch dropped."""
    perm = torch.randperm(n, generator=gen).to(device)
    for i in range(0, n - BATCH + 1, BATCH):
        yield perm[i:i + BATCH]


@torch.no_grad()
def evaluate(scores_of, x, y):
    """Mean CE and accuracy of scores_of(batch) over a split, in batches of EVAL_BATCH."""
    loss = torch.zeros((), dtype=torch.float64, device=x.device)
    correct = torch.zeros((), dtype=torch.int64, device=x.device)
    for i in range(0, len(y), EVAL_BATCH):
        s = scores_of(x[i:i + EVAL_BATCH])
        yb = y[i:i + EVAL_BATCH]
        loss += F.cross_entropy(s, yb, reduction="sum").double()
        correct += (s.argmax(1) == yb).sum()
    return loss.item() / len(y), correct.item() / len(y)


def train_bp(args, s, data, gen, ev):
    (xtr, ytr), (xv, yv), (xte, yte) = data
    dims = [xtr.shape[1], *HIDDEN, CLASSES]
    layers = []
    for a, b in zip(dims[:-2], dims[1:-1]):
        layers += [nn.Linear(a, b), nn.ReLU()]
    out = nn.Linear(dims[-2], dims[-1])
    nn.init.normal_(out.weight, 0.0, 0.01)
    nn.init.zeros_(out.bias)
    model = nn.Sequential(*layers, out).to(args.device)
    opt = torch.optim.AdamW(model.parameters(), lr=s["lr"], weight_decay=s["weight_decay"])
    forward = sum(2.0 * a * b for a, b in zip(dims, dims[1:]))
    n = len(ytr)
    samples, flops = 0, 0.0
    best_loss, since_best = float("inf"), 0
    best_acc, best_epoch, best_state = -1.0, 0, None
    stop = f"max-epochs ({args.epochs})"
    epoch = 0
    while epoch < args.epochs:
        epoch += 1
        ev.emit(event="epoch_start", stage="main", epoch=epoch, max_epochs=args.epochs)
        model.train()
        loss_sum = torch.zeros((), dtype=torch.float64, device=args.device)
        rows = 0
        for idx in batches(n, gen, args.device):
            opt.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
            loss_sum += loss.detach().double() * len(idx)
            rows += len(idx)
        samples += rows
        flops += 3 * forward * rows + forward * len(yv)
        model.eval()
        val_loss, val_acc = evaluate(model, xv, yv)
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch
            best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
        if val_loss < best_loss:  # min delta 0
            best_loss, since_best = val_loss, 0
        else:
            since_best += 1
        ev.emit(event="epoch_end", stage="main", epoch=epoch, train_loss=loss_sum.item() / rows,
                val_loss=val_loss, val_accuracy=val_acc, samples_seen=samples, data_passes=samples / n, flops=flops)
        if since_best >= args.patience:
            stop = f"early-stop (validation loss, patience {args.patience})"
            break
    ev.emit(event="test_start")
    model.load_state_dict(best_state)
    test_loss, test_acc = evaluate(model, xte, yte)
    ev.emit(event="result", test_accuracy=test_acc, test_loss=test_loss, epochs=epoch, best_epoch=best_epoch,
            stop_reason=stop, samples_seen=samples, flops=flops)


class MfLayer(nn.Module):
    def __init__(self, inputs, width, classes):
        super().__init__()
        self.linear = nn.Linear(inputs, width)
        nn.init.kaiming_uniform_(self.linear.weight, a=0.0, nonlinearity="relu")  # bound sqrt(6 / fan_in)
        nn.init.zeros_(self.linear.bias)
        self.projection = nn.Parameter(torch.empty(classes, width).uniform_(-width ** -0.5, width ** -0.5))

    def forward(self, x):
        return F.relu(self.linear(x))

    def scores(self, x):
        return self.forward(x) @ self.projection.t()


def train_mf(args, s, data, gen, ev):
    (xtr, ytr), (xv, yv), (xte, yte) = data
    widths = [xtr.shape[1], *HIDDEN]
    layers = [MfLayer(a, b, CLASSES).to(args.device) for a, b in zip(widths, widths[1:])]
    n = len(ytr)
    samples, flops = 0, 0.0
    reasons, epochs_run, last_epoch = [], 0, 0
    tr_in, v_in = xtr, xv  # what the current layer sees (the frozen layers' cached outputs)
    for l, layer in enumerate(layers):
        stage = f"layer-{l + 1}"
        h_in, h = widths[l], widths[l + 1]
        opt = torch.optim.Adam(layer.parameters(), lr=s["lr"], weight_decay=0.0)
        best, since_best = float("inf"), 0
        reason = f"max-epochs ({args.epochs})"
        epoch = 0
        while epoch < args.epochs:
            epoch += 1
            ev.emit(event="epoch_start", stage=stage, epoch=epoch, max_epochs=args.epochs)
            loss_sum = torch.zeros((), dtype=torch.float64, device=args.device)
            rows = 0
            for idx in batches(n, gen, args.device):
                opt.zero_grad(set_to_none=True)
                loss = F.cross_entropy(layer.scores(tr_in[idx]), ytr[idx])  # the input is detached (cached)
                loss.backward()
                opt.step()
                loss_sum += loss.detach().double() * len(idx)
                rows += len(idx)
            samples += rows
            flops += 2.0 * rows * (2 * h_in * h + 3 * h * CLASSES) + len(yv) * 2.0 * h * (h_in + CLASSES)
            val_loss, val_acc = evaluate(layer.scores, v_in, yv)
            if val_loss < best - 1e-4:
                best, since_best = val_loss, 0
            else:
                since_best += 1
            ev.emit(event="epoch_end", stage=stage, epoch=epoch, train_loss=loss_sum.item() / rows,
                    val_loss=val_loss, val_accuracy=val_acc, samples_seen=samples, data_passes=samples / n,
                    flops=flops)
            if since_best >= args.patience:
                reason = f"early-stop (validation loss, patience {args.patience})"
                break
        reasons.append(f"{stage}: {reason}")
        epochs_run += epoch
        last_epoch = epoch
        layer.requires_grad_(False)
        if l + 1 < len(layers):
            with torch.no_grad():
                tr_in = torch.cat([layer(tr_in[i:i + EVAL_BATCH]) for i in range(0, n, EVAL_BATCH)])
                v_in = torch.cat([layer(v_in[i:i + EVAL_BATCH]) for i in range(0, len(yv), EVAL_BATCH)])
            flops += (n + len(yv)) * 2.0 * h_in * h
    ev.emit(event="test_start")

    def predict(x):
        for layer in layers[:-1]:
            x = layer(x)
        return layers[-1].scores(x)

    test_loss, test_acc = evaluate(predict, xte, yte)
    ev.emit(event="result", test_accuracy=test_acc, test_loss=test_loss, epochs=epochs_run, best_epoch=last_epoch,
            stop_reason="sequential: " + "; ".join(reasons), samples_seen=samples, flops=flops)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--algorithm", choices=["bp-mlp", "mf"], required=True)
    p.add_argument("--dataset", choices=sorted(DATASETS), default="fashion-mnist")
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist", help="folder of the IDX (.gz) files")
    p.add_argument("--seed", type=int, default=1, help="seeds the initialisation and the shuffles")
    p.add_argument("--split-seed", type=int, default=None, help="the train/validation split (default: --seed)")
    p.add_argument("--epochs", type=int, default=None, help="max epochs (BP) or per layer (MF); default the study's")
    p.add_argument("--patience", type=int, default=None, help="default the study's")
    p.add_argument("--lr", type=float, default=None, help="default the study's")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto")
    p.add_argument("--threads", type=int, default=1, help="torch.set_num_threads on CPU")
    args = p.parse_args()
    s = dict(SETTINGS[(args.algorithm, args.dataset)])
    if args.lr is not None:
        s["lr"] = args.lr
    args.epochs = s["epochs"] if args.epochs is None else args.epochs
    args.patience = s["patience"] if args.patience is None else args.patience
    args.split_seed = args.seed if args.split_seed is None else args.split_seed
    if args.epochs < 1 or args.patience < 1:
        p.error("--epochs and --patience must be >= 1")
    if args.device == "auto":
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
        if args.device == "cpu":
            print(f"torch_reference: no CUDA device for torch {torch.__version__} (built with CUDA: "
                  f"{torch.backends.cuda.is_built()}); training on the CPU", file=sys.stderr)
    elif args.device == "cuda" and not torch.cuda.is_available():
        p.error(f"--device cuda: torch {torch.__version__} sees no CUDA device (built with CUDA: "
                f"{torch.backends.cuda.is_built()}; Debian's python3-torch is CPU-only)")
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    gen = torch.Generator().manual_seed(args.seed)
    ev = Events(os.environ.get("JOULEBENCH_EVENTS"))
    cuda = args.device.startswith("cuda")
    ev.emit(event="start", framework="pytorch", torch=torch.__version__, python=platform.python_version(),
            cuda=torch.version.cuda if cuda else None, cuda_built=torch.backends.cuda.is_built(),
            device=torch.cuda.get_device_name() if cuda else f"cpu ({platform.processor() or platform.machine()})",
            threads=torch.get_num_threads(), omp_num_threads=os.environ.get("OMP_NUM_THREADS"),
            algorithm=args.algorithm, schedule="sequential" if args.algorithm == "mf" else None,
            dataset=args.dataset, hidden=",".join(map(str, HIDDEN)), batch=BATCH, lr=s["lr"],
            weight_decay=s["weight_decay"], epochs=args.epochs, patience=args.patience,
            split=f"{DATASETS[args.dataset]['split']} (torch.randperm, split seed {args.split_seed}; not Java's)"
            if args.dataset == "fashion-mnist" else DATASETS[args.dataset]["split"])
    data = load(args.data, args.dataset, args.split_seed, args.device)
    (train_bp if args.algorithm == "bp-mlp" else train_mf)(args, s, data, gen, ev)


if __name__ == "__main__":
    main()
