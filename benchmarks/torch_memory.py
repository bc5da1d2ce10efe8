#!/usr/bin/env python3
"""PyTorch peers of JouleBench's backprop twins for peak-memory comparisons (docs/benchmarks.md, "Memory").

Trains the same model as the Java trainer on the same data with the same batch sizes for --epochs epochs, as
torch_reference.py's loop does (full Fashion-MNIST split 54 000 / 6 000 on the CPU, shuffled batches of 128,
the last incomplete one dropped, validation after every epoch and the test at the end in batches of 256, the
best validation accuracy's weights copied), then prints one JSON line with the process's peak RSS
(getrusage ru_maxrss, the kernel's VmHWM) and the wall time. Peak RSS depends on the model and data, not on the
epoch count, so one or two epochs are enough; accuracy is not the point here (torch_reference.py is the
accuracy peer of bp-mlp).

  --model mlp     bp-mlp: Linear+ReLU per --hidden width, Linear to the classes, AdamW (mf-twin: 1000,1000;
                  ff-twin: 2000,2000,2000,2000)
  --model cnn     bp-cnn (cafo-twin): the three CaFo blocks (conv 3x3 no bias, ReLU, max-pool 2, BatchNorm) of
                  --channels 32,128,512, flatten, Linear to the classes, AdamW
  --model noprop  bp-noprop (paper preset): T = --blocks denoising blocks (conv blocks 32,64,128 -> linear(d) ->
                  BN; latent path linear(h)-BN-ReLU, linear(h)-BN-ReLU, linear(h)-BN plus skip; fusion
                  linear(h)-BN-ReLU, linear(h)-BN-ReLU, linear(C)); one-hot embeddings (d = C = 10), h = 256;
                  z_0 ~ N(0, I), z_t = a_t softmax(logits_t) W + b_t z_{t-1} + sqrt(c_t) eps, a linear head on z_T,
                  CE, backprop through the whole chain, AdamW

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 benchmarks/torch_memory.py --model cnn --epochs 1
"""
import argparse
import json
import math
import os
import resource
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import torch_reference as ref  # noqa: E402  (load, batches and evaluate: the same data path as the accuracy peer)

CLASSES = 10


def conv_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.ReLU(), nn.MaxPool2d(2),
                         nn.BatchNorm2d(cout))


def conv_stack(channels):
    layers, cin, size = [], 1, 28
    for cout in channels:
        layers.append(conv_block(cin, cout))
        cin, size = cout, size // 2
    return nn.Sequential(*layers, nn.Flatten()), cin * size * size


def mlp(hidden):
    layers, width = [], 784
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    return nn.Sequential(*layers, nn.Linear(width, CLASSES))


def cnn(channels):
    convs, flat = conv_stack(channels)
    return nn.Sequential(convs, nn.Linear(flat, CLASSES))


class DenoisingBlock(nn.Module):
    def __init__(self, channels, d, h):
        super().__init__()
        self.convs, flat = conv_stack(channels)
        self.image = nn.Sequential(nn.Linear(flat, d), nn.BatchNorm1d(d))
        self.l1 = nn.Sequential(nn.Linear(d, h), nn.BatchNorm1d(h), nn.ReLU())
        self.l2 = nn.Sequential(nn.Linear(h, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Linear(h, h), nn.BatchNorm1d(h))
        self.fuse = nn.Sequential(nn.Linear(d + h, h), nn.BatchNorm1d(h), nn.ReLU(), nn.Linear(h, h),
                                  nn.BatchNorm1d(h), nn.ReLU(), nn.Linear(h, CLASSES))

    def forward(self, x, z):
        e = self.image(self.convs(x))
        a = self.l1(z)
        return self.fuse(torch.cat([e, self.l2(a) + a], 1))


class NoPropTwin(nn.Module):
    def __init__(self, blocks, channels, h):
        super().__init__()
        d = CLASSES  # one-hot embeddings
        self.blocks = nn.ModuleList(DenoisingBlock(channels, d, h) for _ in range(blocks))
        self.register_buffer("embed", torch.eye(CLASSES))
        self.head = nn.Linear(d, CLASSES)
        s = 0.008  # cosine schedule, abar_0 = 0 (noise) rising to abar_T near 1; DDPM posterior coefficients
        f = [math.cos(math.pi / 2 * ((blocks - t) / blocks + s) / (1 + s)) ** 2 for t in range(blocks + 1)]
        abar = [min(v / f[blocks], 0.9999) for v in f]
        abar[0] = 0.0
        self.coef = []
        for t in range(1, blocks + 1):
            alpha = abar[t - 1] / abar[t]
            den = max(1 - abar[t - 1], 1e-6)
            self.coef.append((math.sqrt(abar[t]) * (1 - alpha) / den, math.sqrt(alpha) * (1 - abar[t]) / den,
                              (1 - abar[t]) * (1 - alpha) / den))

    def forward(self, x):
        z = torch.randn(x.shape[0], CLASSES)
        for block, (a, b, c) in zip(self.blocks, self.coef):
            u = block(x, z).softmax(1) @ self.embed
            z = a * u + b * z + math.sqrt(c) * torch.randn_like(z)
        return self.head(z)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--model", choices=["mlp", "cnn", "noprop"], required=True)
    p.add_argument("--hidden", default="1000,1000", help="mlp widths")
    p.add_argument("--channels", default=None, help="conv channels (cnn: 32,128,512; noprop: 32,64,128)")
    p.add_argument("--blocks", type=int, default=10, help="noprop T")
    p.add_argument("--epochs", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = p.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    start = time.monotonic()
    (xtr, ytr), (xv, yv), (xte, yte) = ref.load(args.data, "fashion-mnist", 42, "cpu")
    image = args.model != "mlp"
    if image:
        xtr, xv, xte = (x.view(-1, 1, 28, 28) for x in (xtr, xv, xte))
    if args.model == "mlp":
        model, lr, wd = mlp([int(v) for v in args.hidden.split(",")]), 2.1316e-4, 2.7123e-5
    elif args.model == "cnn":
        model, lr, wd = cnn([int(v) for v in (args.channels or "32,128,512").split(",")]), 5.6409e-4, 8.5971e-6
    else:
        model = NoPropTwin(args.blocks, [int(v) for v in (args.channels or "32,64,128").split(",")], 256)
        lr, wd = 1e-3, 1e-3
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=wd)
    gen = torch.Generator().manual_seed(args.seed)
    best_acc, best_state = -1.0, None
    for _ in range(args.epochs):
        model.train()
        for idx in ref.batches(len(ytr), gen, "cpu"):
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(xtr[idx]), ytr[idx]).backward()
            opt.step()
        model.eval()
        _, acc = ref.evaluate(model, xv, yv)
        if acc > best_acc:
            best_acc, best_state = acc, {k: v.detach().clone() for k, v in model.state_dict().items()}
    model.load_state_dict(best_state)
    model.eval()
    _, test_acc = ref.evaluate(model, xte, yte)
    print(json.dumps({"model": args.model, "epochs": args.epochs, "test_accuracy": test_acc,
                      "parameters": sum(p.numel() for p in model.parameters()),
                      "wall_seconds": round(time.monotonic() - start, 1),
                      "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
