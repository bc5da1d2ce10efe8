"""PyTorch twin of the Java NoProp-DT throughput benchmark (noprop.NoPropThroughputBench): one training step of one
denoising block, as NoPropDtTrainer runs it for each batch.

Mirrors the Java code (DenoisingBlock, BlockObjective, ClassEmbedding, NoiseSchedule), not the paper where the two
differ: every conv block is Conv 3x3 (no bias) -> ReLU -> MaxPool 2 -> BatchNorm (as ConvBlock.java, no dropout),
channels 32,64,128 on 1x28x28, flatten (128x3x3) -> Linear(d) -> BatchNorm1d; latent path a = ReLU(BN(Linear_h(z))),
latent = BN(Linear_h(ReLU(BN(Linear_h(a))))) + a; fusion concat -> Linear(h) -> BN -> ReLU -> Linear(h) -> BN -> ReLU
-> Linear(C); h = 256, one-hot embedding (d = C = 10, fixed). Block t = 5 of T = 10 on the reversed cosine schedule.

One step: noise for z_{t-1} and z_T drawn; u_hat = softmax(block(x, z_{t-1})) W_embed; loss = (T eta / 2B)
(SNR(t) - SNR(t-1)) sum ||u_hat - u_y||^2 + CE(head(z_T), y) + KL (a constant with a fixed embedding); backward;
AdamW (lr 1e-3, wd 1e-3) on the block and one on the head (Linear(d, C)). FLOPs as the Java trainer counts them.
"""
import math

import torch
import torch.nn.functional as F
from torch import nn

from torch_cnn import block as conv_block

B = 128
CLASSES = 10
DIM = CLASSES  # one-hot embedding
HIDDEN = 256
CHANNELS = (32, 64, 128)
SIZE = 28
T = 10
T_BLOCK = 5
ETA = 0.1
LR = 1e-3
WD = 1e-3
NAME = "noprop-dt block step (conv 32,64,128, h 256, AdamW)"


def cosine_abar(blocks, offset=0.008, max_abar=1 - 1e-4):
    """NoiseSchedule.cosine: abar_t = f(T - t) / f(0), f(k) = cos^2(pi/2 (k/T + s)/(1 + s)), clipped; abar_0 = 0."""
    def f(k):
        return math.cos(math.pi / 2 * (k / blocks + offset) / (1 + offset)) ** 2
    abar = [min(max_abar, max(0.0, f(blocks - t) / f(0))) for t in range(blocks + 1)]
    abar[0] = 0.0
    return abar


class DenoisingBlock(nn.Module):
    def __init__(self):
        super().__init__()
        cins = (1,) + CHANNELS[:-1]
        self.convs = nn.Sequential(*(conv_block(i, o) for i, o in zip(cins, CHANNELS)))
        side = SIZE
        for _ in CHANNELS:
            side //= 2
        self.image_fc = nn.Linear(CHANNELS[-1] * side * side, DIM)
        self.image_bn = nn.BatchNorm1d(DIM)
        self.latent1, self.latent_bn1 = nn.Linear(DIM, HIDDEN), nn.BatchNorm1d(HIDDEN)
        self.latent2, self.latent_bn2 = nn.Linear(HIDDEN, HIDDEN), nn.BatchNorm1d(HIDDEN)
        self.latent3, self.latent_bn3 = nn.Linear(HIDDEN, HIDDEN), nn.BatchNorm1d(HIDDEN)
        self.fuse1, self.fuse_bn1 = nn.Linear(DIM + HIDDEN, HIDDEN), nn.BatchNorm1d(HIDDEN)
        self.fuse2, self.fuse_bn2 = nn.Linear(HIDDEN, HIDDEN), nn.BatchNorm1d(HIDDEN)
        self.out = nn.Linear(HIDDEN, CLASSES)

    def forward(self, x, z):
        e = self.image_bn(self.image_fc(self.convs(x).flatten(1)))
        u1 = F.relu(self.latent_bn1(self.latent1(z)))
        u2 = F.relu(self.latent_bn2(self.latent2(u1)))
        latent = self.latent_bn3(self.latent3(u2)) + u1
        v1 = F.relu(self.fuse_bn1(self.fuse1(torch.cat((e, latent), 1))))
        v2 = F.relu(self.fuse_bn2(self.fuse2(v1)))
        return self.out(v2)

    def denses(self):
        return [self.image_fc, self.latent1, self.latent2, self.latent3, self.fuse1, self.fuse2, self.out]


def train_flops(block):
    """DenoisingBlock.trainFlops(B) + B * 12 * C * d, as NoPropDtTrainer counts a step."""
    convs, side, cin = [], SIZE, 1
    for cout in CHANNELS:
        convs.append(2.0 * side * side * cout * cin * 9)
        side, cin = side // 2, cout
    forward = sum(convs) + sum(2.0 * d.in_features * d.out_features for d in block.denses())
    return B * (3 * forward - convs[0]) + B * 12.0 * CLASSES * DIM


def workloads():
    """(name, step_fn, samples_per_step, steps, flops_per_step), named as the Java BENCH line."""
    torch.manual_seed(1)
    block = DenoisingBlock().train()
    head = nn.Linear(DIM, CLASSES)
    embedding = torch.eye(CLASSES)  # one-hot, not learned
    block_opt = torch.optim.AdamW(block.parameters(), lr=LR, weight_decay=WD)
    head_opt = torch.optim.AdamW(head.parameters(), lr=LR, weight_decay=WD)
    x = torch.rand(B, 1, SIZE, SIZE)
    y = torch.randint(CLASSES, (B,))
    abar = cosine_abar(T)
    snr = [a / (1 - a) for a in abar]
    weight = T * ETA / 2 * (snr[T_BLOCK] - snr[T_BLOCK - 1]) / B
    kl = 0.5 * abar[0] * 1.0 + 0.5 * DIM * (-abar[0] - math.log1p(-abar[0]))  # ||u_y||^2 = 1 for one-hot rows

    def step():
        block_opt.zero_grad(set_to_none=True)
        head_opt.zero_grad(set_to_none=True)
        target = embedding[y]
        z_previous = math.sqrt(abar[T_BLOCK - 1]) * target + math.sqrt(1 - abar[T_BLOCK - 1]) * torch.randn(B, DIM)
        prediction = block(x, z_previous).softmax(1) @ embedding
        denoising = weight * (prediction - target).pow(2).sum()
        z_last = math.sqrt(abar[T]) * target + math.sqrt(1 - abar[T]) * torch.randn(B, DIM)
        (denoising + F.cross_entropy(head(z_last), y) + kl).backward()
        block_opt.step()
        head_opt.step()

    return [(NAME, step, B, 30, train_flops(block))]
