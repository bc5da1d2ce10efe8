"""A steady GPU training load for NVML validation: an MLP on random data, for a fixed number of seconds."""
import sys
import time

import torch

seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 60.0
device = torch.device("cuda")
torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(4096, 8192), torch.nn.ReLU(), torch.nn.Linear(8192, 8192),
                            torch.nn.ReLU(), torch.nn.Linear(8192, 1000)).to(device)
opt = torch.optim.AdamW(model.parameters(), lr=1e-4)
x = torch.randn(2048, 4096, device=device)
y = torch.randint(0, 1000, (2048,), device=device)
steps = 0
end = time.monotonic() + seconds
while time.monotonic() < end:
    opt.zero_grad(set_to_none=True)
    torch.nn.functional.cross_entropy(model(x), y).backward()
    opt.step()
    steps += 1
    if steps % 20 == 0:
        torch.cuda.synchronize()
torch.cuda.synchronize()
print(f"load.py: {steps} steps in {seconds:.0f} s on {torch.cuda.get_device_name(0)}", flush=True)
