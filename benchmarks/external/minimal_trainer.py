#!/usr/bin/env python3
"""A minimal external trainer for JouleBench: logistic regression on synthetic data, standard library only.

It shows the event protocol (docs/external-trainers.md): JSON lines appended to the file named by
$JOULEBENCH_EVENTS, one per event, each flushed. Run it under JouleBench with:
  ./joulebench run -t external -P command="python3 benchmarks/external/minimal_trainer.py --seed {seed} --epochs {epochs}"
"""
import argparse
import json
import math
import os
import platform
import random


def emit(stream, **event):
    stream.write(json.dumps(event) + "\n")
    stream.flush()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--epochs", type=int, default=5)
    args = p.parse_args()
    rng = random.Random(args.seed)
    dim, n = 8, 2000
    w_true = [rng.gauss(0, 1) for _ in range(dim)]
    xs = [[rng.gauss(0, 1) for _ in range(dim)] for _ in range(n)]
    ys = [1 if sum(a * b for a, b in zip(x, w_true)) > 0 else 0 for x in xs]
    train, val, test = range(0, 1400), range(1400, 1700), range(1700, n)
    w = [0.0] * dim

    def accuracy(idx):
        return sum((sum(a * b for a, b in zip(xs[i], w)) > 0) == (ys[i] == 1) for i in idx) / len(idx)

    with open(os.environ["JOULEBENCH_EVENTS"], "a", encoding="utf-8") as events:
        emit(events, event="start", framework="python (standard library)", python=platform.python_version())
        for epoch in range(1, args.epochs + 1):
            emit(events, event="epoch_start", stage="main", epoch=epoch, max_epochs=args.epochs)
            loss = 0.0
            for i in train:
                z = sum(a * b for a, b in zip(xs[i], w))
                prob = 1 / (1 + math.exp(-z))
                loss -= math.log(max(prob if ys[i] else 1 - prob, 1e-12))
                w = [wj - 0.05 * (prob - ys[i]) * xj for wj, xj in zip(w, xs[i])]
            emit(events, event="epoch_end", stage="main", epoch=epoch, train_loss=loss / len(train),
                 val_accuracy=accuracy(val), samples_seen=epoch * len(train), data_passes=float(epoch))
        emit(events, event="test_start")
        emit(events, event="result", test_accuracy=accuracy(test), best_epoch=args.epochs,
             stop_reason="max-epochs", samples_seen=args.epochs * len(train))


if __name__ == "__main__":
    main()
