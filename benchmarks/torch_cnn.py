"""PyTorch twins of the Java CNN throughput benchmarks (CafoThroughputBench, BpCnnThroughputBench).

Same names, sizes and FLOP counts as the Java BENCH lines, so the two can be compared by name: Fashion-MNIST
shapes (1x28x28, 10 classes), channels 32,128,512, batch 128, float32, random inputs and labels, the study's
Fashion-MNIST learning rates and weight decays. The caller sets the thread count and times the steps
(timing.measure); this module only builds the workloads.

FLOPs are counted as the Java trainers record them: the convolutions' and linear maps' multiply-adds only.
"""
import torch
import torch.nn.functional as F
from torch import nn

B = 128
CLASSES = 10
CHANNELS = (32, 128, 512)
CACHE_ROWS = 8 * B  # rows of the synthetic block-1 feature cache the predictor step samples from


def block(cin, cout):
    """One CaFo block, as ConvBlock.java: Conv 3x3 pad 1 no bias -> ReLU -> MaxPool 2 -> BatchNorm."""
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.ReLU(), nn.MaxPool2d(2),
                         nn.BatchNorm2d(cout))


def blocks():
    cins = (1,) + CHANNELS[:-1]
    return nn.ModuleList(block(i, o) for i, o in zip(cins, CHANNELS))


def forward_flops_per_sample():
    """ConvBlock.forwardFlopsPerSample summed over the blocks: 2 * h * w * out * in * 9 at each block's input size."""
    flops, size, cin = 0.0, 28, 1
    for cout in CHANNELS:
        flops += 2.0 * size * size * cout * cin * 9
        size, cin = size // 2, cout
    return flops


def workloads(steps_scale=1.0):
    """(name, step_fn, samples_per_step, steps, flops_per_step) per workload, named as the Java BENCH lines."""
    torch.manual_seed(1)
    x = torch.rand(B, 1, 28, 28) * 2 - 1
    y = torch.randint(CLASSES, (B,))
    steps = max(1, round(30 * steps_scale))  # the Java default (30 steps at -Djoulebench.bench.scale=1)
    conv_flops = forward_flops_per_sample()
    flat_last = CHANNELS[-1] * 3 * 3  # 4608

    # cafo-rand's cache pass: frozen random blocks, BatchNorm on its initial running statistics.
    frozen = blocks().eval()

    def blocks_forward():
        with torch.no_grad():
            h = x
            for b in frozen:
                h = b(h)

    # cafo-rand's predictor loop: a batch gathered from block 1's cached outputs, Linear + CE, torch.optim.Adam
    # with weight_decay (L2, as Adam.l2). FLOPs: forward and weight-gradient gemms, 4 * flat * classes per sample.
    with torch.no_grad():
        cache = frozen[0](torch.rand(CACHE_ROWS, 1, 28, 28) * 2 - 1).flatten(1)  # [1024, 6272]
    cache_labels = torch.randint(CLASSES, (CACHE_ROWS,))
    order = torch.randperm(CACHE_ROWS)
    predictor = nn.Linear(cache.shape[1], CLASSES)
    predictor_opt = torch.optim.Adam(predictor.parameters(), lr=1.3738e-3, weight_decay=2.9375e-7)
    batch = [0]

    def predictor_step():
        k = batch[0] % (CACHE_ROWS // B)
        batch[0] += 1
        rows = order[k * B:(k + 1) * B]
        predictor_opt.zero_grad(set_to_none=True)
        F.cross_entropy(predictor(cache[rows]), cache_labels[rows]).backward()
        predictor_opt.step()

    # cafo-dfa's block training, as DfaPhase.gradients: blocks in training mode, each block's input detached; an
    # auxiliary head A (with bias) on the last block gives e = softmax(A h3) - onehot(y); the last block takes its
    # true gradient through A, blocks 1 and 2 take e B_b / n through fixed random feedback matrices B_b (C x flat_b,
    # N(0,1) rows scaled to unit norm); Adam with L2 weight decay over blocks and A.
    dfa_blocks = blocks().train()
    head = nn.Linear(flat_last, CLASSES)
    feedback = []
    for flat in (32 * 14 * 14, 128 * 7 * 7):
        m = torch.randn(CLASSES, flat)
        feedback.append(m / m.norm(dim=1, keepdim=True))
    dfa_opt = torch.optim.Adam(list(dfa_blocks.parameters()) + list(head.parameters()), lr=1.3847e-4,
                               weight_decay=1.3311e-5)
    onehot = F.one_hot(y, CLASSES).float()

    def dfa_step():
        dfa_opt.zero_grad(set_to_none=True)
        outputs, h = [], x
        for b in dfa_blocks:
            out = b(h)
            outputs.append(out.flatten(1))
            h = out.detach()
        last = outputs[-1].detach().requires_grad_()
        logits = head(last)
        F.cross_entropy(logits, y).backward()  # A's gradients, and last.grad = the true gradient of block 3
        delta = (logits.detach().softmax(1) - onehot) / B
        torch.autograd.backward(outputs, [delta @ fb for fb in feedback] + [last.grad])
        dfa_opt.step()

    # bp-cnn: the three blocks, flatten, Linear(4608 -> 10), CE, AdamW (the study's Fashion-MNIST twin lr and wd).
    bp = nn.Sequential(*blocks(), nn.Flatten(), nn.Linear(flat_last, CLASSES)).train()
    bp_opt = torch.optim.AdamW(bp.parameters(), lr=5.6409e-4, weight_decay=8.5971e-6)

    def bp_step():
        bp_opt.zero_grad(set_to_none=True)
        F.cross_entropy(bp(x), y).backward()
        bp_opt.step()

    # As the trainers count: bp-cnn forward, weight gradients and the input gradients of every layer but the first
    # (LocalCnnTrainer.Cnn.trainFlops); DFA forward, weight gradients and the feedback projections e B_k
    # (DfaPhase.trainFlopsPerSample).
    forward = conv_flops + 2.0 * flat_last * CLASSES
    flats = [CHANNELS[0] * 14 * 14, CHANNELS[1] * 7 * 7, flat_last]
    dfa_flops = (2 * forward + sum(2.0 * CLASSES * f for f in flats)) * B
    train_flops = (3 * forward - 2.0 * 28 * 28 * CHANNELS[0] * 9) * B
    return [
        ("cafo blocks forward (3 blocks, inference)", blocks_forward, B, steps, conv_flops * B),
        ("cafo predictor step (6272->10, Adam)", predictor_step, B, 10 * steps, 4.0 * cache.shape[1] * CLASSES * B),
        ("cafo-dfa block step (3 blocks, DFA + Adam)", dfa_step, B, steps, dfa_flops),
        ("bp-cnn step (3 blocks + linear, AdamW)", bp_step, B, steps, train_flops),
    ]
