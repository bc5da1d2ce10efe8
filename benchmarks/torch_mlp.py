"""PyTorch versions of the MLP trainers' training steps (bp-mlp, mf, ff), the same work as the Java benchmarks.

Each workload builds the study's model at Fashion-MNIST size (784 inputs, 10 classes), random inputs and labels,
and returns a step function doing one whole training step: forward, backward, optimiser update.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


def _data(rows, inputs, classes=10, seed=1):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(rows, inputs, generator=g) * 2 - 1, torch.randint(0, classes, (rows,), generator=g)


def bp_mlp(hidden, batch=128, inputs=784, classes=10):
    """Backprop MLP (Linear + ReLU per hidden layer, Linear to the classes), AdamW on cross-entropy."""
    layers, width = [], inputs
    for h in hidden:
        layers += [nn.Linear(width, h), nn.ReLU()]
        width = h
    model = nn.Sequential(*layers, nn.Linear(width, classes))
    opt = torch.optim.AdamW(model.parameters(), lr=2.1316e-4, weight_decay=2.7123e-5)
    x, y = _data(batch, inputs)

    def step():
        opt.zero_grad(set_to_none=True)
        F.cross_entropy(model(x), y).backward()
        opt.step()

    dims = [inputs] + list(hidden) + [classes]
    forward = sum(2.0 * a * b for a, b in zip(dims, dims[1:]))
    flops = batch * (3 * forward - 2.0 * dims[0] * dims[1])  # no input gradient for the first layer
    return step, flops


def mf_stage(inputs, width=1000, batch=128, classes=10):
    """One MF stage step: a = ReLU(W x + b) on a detached input, scores a M^T, CE, Adam on (W, b, M)."""
    layer = nn.Linear(inputs, width)
    projection = nn.Parameter(torch.empty(classes, width).uniform_(-width ** -0.5, width ** -0.5))
    opt = torch.optim.Adam(list(layer.parameters()) + [projection], lr=3.8731e-4)
    x, y = _data(batch, inputs)

    def step():
        opt.zero_grad(set_to_none=True)
        a = F.relu(layer(x))
        F.cross_entropy(a @ projection.t(), y).backward()
        opt.step()

    flops = 2.0 * batch * (2 * inputs * width + 3 * width * classes)
    return step, flops


class _FfLayer(nn.Module):
    """A Forward-Forward layer with the goodness BCE and the peer-normalisation term (spec/algorithms.md)."""

    def __init__(self, inputs, width):
        super().__init__()
        self.linear = nn.Linear(inputs, width)
        nn.init.normal_(self.linear.weight, 0, width ** -0.5)
        nn.init.zeros_(self.linear.bias)
        self.register_buffer("running_mean", torch.full((width,), 0.5))

    def loss(self, z, positives):
        s = self.linear(z)
        a = s.clamp(min=0) + (s - s.detach()) * (s < 0)  # ReLU forward, derivative 1 everywhere (straight-through)
        goodness = (a * a).sum(1) - a.shape[1]
        target = torch.zeros_like(goodness)
        target[:positives] = 1
        bce = F.binary_cross_entropy_with_logits(goodness, target)
        mean = 0.9 * self.running_mean + 0.1 * a[:positives].mean(0)
        self.running_mean = mean.detach()
        peer = ((mean.mean() - mean) ** 2).mean()
        nxt = a.detach() / (a.detach().pow(2).mean(1, keepdim=True).sqrt() + 1e-8)
        return bce + 0.03 * peer, nxt


def ff(widths=(2000, 2000, 2000, 2000), batch=100, inputs=784):
    """One FF step over all layers on 2B stacked rows (B positive, B negative), AdamW; the classifier excluded,
    as in the Java benchmark."""
    layers, width = [], inputs
    for h in widths:
        layers.append(_FfLayer(width, h))
        width = h
    params = [p for layer in layers for p in layer.parameters()]
    opt = torch.optim.AdamW(params, lr=3.7222e-4, weight_decay=3.5836e-4)
    x, _ = _data(2 * batch, inputs)
    z0 = x / (x.pow(2).mean(1, keepdim=True).sqrt() + 1e-8)

    def step():
        opt.zero_grad(set_to_none=True)
        z, total = z0, 0
        for layer in layers:
            loss, z = layer.loss(z, batch)
            total = total + loss
        total.backward()
        opt.step()

    dims = [inputs] + list(widths)
    flops = 2 * batch * sum(4.0 * a * b for a, b in zip(dims, dims[1:]))  # forward + weight gradient, 2B rows
    return step, flops


def workloads():
    """(name, step, samples per step, steps, flops per step), names as in the Java BENCH lines."""
    out = []
    for name, (step, flops), batch, steps in [
        ("bp-mlp step (784-1000-1000-10)", bp_mlp((1000, 1000)), 128, 300),
        ("bp-mlp step (784-2000x4-10, FF twin)", bp_mlp((2000,) * 4), 128, 60),
        ("mf layer-1 step (784->1000)", mf_stage(784), 128, 300),
        ("mf layer-2 step (1000->1000, cached input)", mf_stage(1000), 128, 300),
        ("ff step (784-2000x4, batch 100, 200 rows)", ff(), 100, 40),
    ]:
        out.append((name, step, batch, steps, flops))
    return out
