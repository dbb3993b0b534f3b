"""The training loop every script shares: fixed seeds, SGD with Nesterov momentum and a
one-cycle learning rate, label smoothing, per-epoch validation, and the float accuracy.

Runs on the CPU (Debian's python3-torch has no GPU build); batches come from in-memory
tensors so a small machine is not slowed down by a data loader.
"""

import math
import random
import time

import numpy as np
import torch
import torch.nn.functional as F


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def set_threads(n):
    if n > 0:
        torch.set_num_threads(n)


def evaluate(model, x, y, prepare, batch=1000):
    """Float accuracy of model on inputs x (prepared batch-wise by prepare) and labels y."""
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(prepare(x[i : i + batch]))
            correct += int((logits.argmax(1) == y[i : i + batch]).sum())
    return correct / max(len(x), 1)


def fit(model, x, y, *, epochs, batch, lr, weight_decay, prepare, augment=None,
        val=None, label_smoothing=0.1, max_steps=None, log=print, generator=None):
    """Trains model in place. x, y: training tensors; prepare(batch) -> model input;
    augment(batch, generator) -> batch (training only); val: (x, y) for per-epoch accuracy.
    max_steps stops early (smoke tests). Returns the last validation accuracy (or None)."""
    steps_per_epoch = math.ceil(len(x) / batch)
    total = epochs * steps_per_epoch if max_steps is None else min(max_steps,
                                                                   epochs * steps_per_epoch)
    decay, no_decay = [], []
    for p in model.parameters():
        (no_decay if p.ndim <= 1 else decay).append(p)
    opt = torch.optim.SGD([{"params": decay, "weight_decay": weight_decay},
                           {"params": no_decay, "weight_decay": 0.0}],
                          lr=lr, momentum=0.9, nesterov=True)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=lr, total_steps=total,
                                                pct_start=0.2, div_factor=20,
                                                final_div_factor=200)
    step, accuracy = 0, None
    for epoch in range(epochs):
        model.train()
        start, loss_sum, seen = time.time(), 0.0, 0
        order = torch.randperm(len(x), generator=generator)
        for i in range(0, len(x), batch):
            if step >= total:
                break
            idx = order[i : i + batch]
            xb, yb = x[idx], y[idx]
            if augment is not None:
                xb = augment(xb, generator)
            loss = F.cross_entropy(model(prepare(xb)), yb, label_smoothing=label_smoothing)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            loss_sum += float(loss) * len(idx)
            seen += len(idx)
        if val is not None:
            accuracy = evaluate(model, val[0], val[1], prepare)
        log(f"epoch {epoch + 1}/{epochs}: loss {loss_sum / max(seen, 1):.4f}"
            + (f", validation {accuracy * 100:.2f} %" if accuracy is not None else "")
            + f" ({time.time() - start:.0f} s)")
        if step >= total:
            break
    return accuracy
