#!/usr/bin/python3
"""CIFAR-10: the CMSIS-NN example CNN, trained in PyTorch and exported as an int8 .tflite.

Architecture (as in the CMSIS-NN CIFAR-10 example, same layer sizes):
  conv5x5 3->32, max pool 3x3/2, conv5x5 32->32, max pool 3x3/2, conv5x5 32->64,
  max pool 3x3/2, fully connected 1024->10, softmax; ReLU after every conv.
Training adds BatchNorm after each conv (folded into the conv at export, so the deployed
graph is exactly the one above), random crops and horizontal flips, label smoothing and a
one-cycle schedule. Input real value = pixel / 255 (int8 scale 1/255, zero point -128, so
the device quantizes a pixel p to exactly p - 128).

Usage: train_cifar10.py [--data DIR] [--out FILE.tflite] [--epochs N] [--smoke] ...
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import datasets  # noqa: E402
import export_tflite  # noqa: E402
import model_card  # noqa: E402
import trainer  # noqa: E402
from layers import ConvSame, fc_ir, max_pool_same  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LABELS = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
          "truck"]


class CifarCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = ConvSame(3, 32, 5)
        self.conv2 = ConvSame(32, 32, 5)
        self.conv3 = ConvSame(32, 64, 5)
        self.fc = torch.nn.Linear(64 * 4 * 4, 10)

    def forward(self, x):
        for conv in (self.conv1, self.conv2, self.conv3):
            x = max_pool_same(conv(x), 3, 2)
        return self.fc(x.flatten(1))

    def to_ir(self):
        ir = []
        for conv in (self.conv1, self.conv2, self.conv3):
            ir += [conv.to_ir(), {"op": "maxpool", "kernel": 3, "stride": 2}]
        return ir + [{"op": "flatten"}, fc_ir(self.fc, "NONE"), {"op": "softmax"}]


def augment(x, generator):
    """Random 32x32 crops of the 4-pixel reflect-padded images, and horizontal flips."""
    n = len(x)
    padded = F.pad(x, (4, 4, 4, 4), mode="reflect")
    dy = torch.randint(0, 9, (n,), generator=generator)
    dx = torch.randint(0, 9, (n,), generator=generator)
    out = torch.stack([padded[i, :, dy[i] : dy[i] + 32, dx[i] : dx[i] + 32] for i in range(n)])
    flip = torch.rand(n, generator=generator) < 0.5
    out[flip] = out[flip].flip(3)
    return out.contiguous(memory_format=torch.channels_last)


def to_float(images_hwc):
    return torch.from_numpy(images_hwc).permute(0, 3, 1, 2).float().div_(255.0)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "datasets", "cifar10"))
    p.add_argument("--out", default=os.path.join(ROOT, "assets", "models", "cifar10_cnn.tflite"))
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--checkpoint", help="save the float model here after training")
    p.add_argument("--from-checkpoint", help="skip training: export this float model")
    p.add_argument("--tinytwin", help="tinytwin binary: int8 accuracy and the model card")
    p.add_argument("--smoke", action="store_true",
                   help="a few steps on a small subset (CI): checks the pipeline, not accuracy")
    args = p.parse_args(argv)

    datasets.require_folder(args.data)
    trainer.seed_everything(args.seed)
    trainer.set_threads(args.threads)
    gen = torch.Generator().manual_seed(args.seed)
    train_x, train_y = datasets.load_cifar10(args.data, "train")
    test_x, test_y = datasets.load_cifar10(args.data, "test")
    if args.smoke:
        train_x, train_y, test_x, test_y = train_x[:512], train_y[:512], test_x[:256], test_y[:256]
    xt = to_float(train_x).contiguous(memory_format=torch.channels_last)
    yt = torch.from_numpy(train_y)
    model = CifarCnn().to(memory_format=torch.channels_last)
    start = time.time()
    if args.from_checkpoint:
        model.load_state_dict(torch.load(args.from_checkpoint))
    else:
        trainer.fit(model, xt, yt, epochs=1 if args.smoke else args.epochs, batch=args.batch,
                    lr=args.lr, weight_decay=args.weight_decay, prepare=lambda b: b,
                    augment=augment, max_steps=5 if args.smoke else None, generator=gen)
        if args.checkpoint:
            torch.save(model.state_dict(), args.checkpoint)
    train_seconds = time.time() - start
    model.eval()
    float_acc = trainer.evaluate(model, to_float(test_x), torch.from_numpy(test_y),
                                 lambda b: b.contiguous(memory_format=torch.channels_last))
    print(f"float test accuracy: {float_acc * 100:.2f} % on {len(test_y)} images")

    ir = model.to_ir()
    calib = xt[torch.randperm(len(xt), generator=gen)[: 64 if args.smoke else 2000]]
    ranges = export_tflite.calibrate(ir, calib.split(250))
    blob = export_tflite.export(ir, (3, 32, 32), (1.0 / 255.0, -128), ranges,
                                "TinyTwin CIFAR-10 CNN (CMSIS-NN example architecture), int8")
    model_card.write_model(args.out, blob, dict(
        name="cifar10_cnn", app="cifar10", task="CIFAR-10 image classification (10 classes)",
        labels=LABELS,
        architecture="The CMSIS-NN CIFAR-10 example CNN: conv5x5 3->32 + ReLU, max pool 3x3/2, "
                     "conv5x5 32->32 + ReLU, max pool 3x3/2, conv5x5 32->64 + ReLU, max pool "
                     "3x3/2, fully connected 1024->10, softmax. SAME padding. BatchNorm during "
                     "training, folded into the convolutions.",
        data="CIFAR-10 (Krizhevsky 2009), binary version: the 50,000 training images for "
             "training (random 32x32 crops of 4-pixel reflect-padded images, horizontal "
             "flips), 2,000 of them for calibration; accuracy on the official 10,000-image "
             "test set, which training never sees.",
        input="32x32 RGB, real value = pixel / 255, int8 scale 1/255, zero point -128",
        training=f"{args.epochs} epochs, batch {args.batch}, SGD Nesterov momentum 0.9, "
                 f"one-cycle learning rate peak {args.lr}, weight decay {args.weight_decay}, "
                 f"label smoothing 0.1, seed {args.seed}",
        quantization="post-training: per-channel symmetric int8 conv weights, per-tensor "
                     "FC weights, int32 biases, activations from min/max over the "
                     "calibration images",
        float_accuracy=float_acc, float_n=len(test_y), train_seconds=train_seconds,
        eval_data=args.data, smoke=args.smoke,
        eval_limit=300 if args.smoke else None), args.tinytwin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
