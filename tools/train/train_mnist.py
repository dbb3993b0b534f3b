#!/usr/bin/python3
"""MNIST: the uTensor-style MLP (784->128->64->10) or a small CNN, trained in PyTorch and
exported as an int8 .tflite.

  mlp: fully connected 784->128 + ReLU, 128->64 + ReLU, 64->10, softmax (the uTensor
       MNIST demo's network).
  cnn: conv3x3 1->16 + ReLU, max pool 2x2, conv3x3 16->32 + ReLU, max pool 2x2, fully
       connected 1568->10, softmax (BatchNorm during training, folded at export).
Training uses random shifts of up to 2 pixels (drawings are centred by centre of mass, so a
deployed digit lands within a pixel or two of where MNIST's do), label smoothing and a
one-cycle schedule. Input real value = pixel / 255 (int8 scale 1/255, zero point -128).

Usage: train_mnist.py --arch mlp|cnn [--data DIR] [--out FILE.tflite] [--epochs N] [--smoke]
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


class MnistMlp(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = torch.nn.Linear(784, 128)
        self.fc2 = torch.nn.Linear(128, 64)
        self.fc3 = torch.nn.Linear(64, 10)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, x):
        x = self.drop(F.relu(self.fc1(x.flatten(1))))
        x = self.drop(F.relu(self.fc2(x)))
        return self.fc3(x)

    def to_ir(self):
        return [fc_ir(self.fc1, "RELU"), fc_ir(self.fc2, "RELU"), fc_ir(self.fc3, "NONE"),
                {"op": "softmax"}]


class MnistCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = ConvSame(1, 16, 3)
        self.conv2 = ConvSame(16, 32, 3)
        self.fc = torch.nn.Linear(32 * 7 * 7, 10)
        self.drop = torch.nn.Dropout(0.2)

    def forward(self, x):
        x = max_pool_same(self.conv1(x), 2, 2)
        x = max_pool_same(self.conv2(x), 2, 2)
        return self.fc(self.drop(x.flatten(1)))

    def to_ir(self):
        return [self.conv1.to_ir(), {"op": "maxpool", "kernel": 2, "stride": 2},
                self.conv2.to_ir(), {"op": "maxpool", "kernel": 2, "stride": 2},
                {"op": "flatten"}, fc_ir(self.fc, "NONE"), {"op": "softmax"}]


ARCHS = {
    "mlp": (MnistMlp, "The uTensor MNIST MLP: fully connected 784->128 + ReLU, 128->64 + "
                      "ReLU, 64->10, softmax (dropout 0.1 during training only)."),
    "cnn": (MnistCnn, "A small CNN: conv3x3 1->16 + ReLU, max pool 2x2, conv3x3 16->32 + "
                      "ReLU, max pool 2x2, fully connected 1568->10, softmax. SAME padding; "
                      "BatchNorm during training, folded into the convolutions."),
}


def augment(x, generator):
    """Shifts each digit by up to 2 pixels in x and y (zero fill)."""
    n = len(x)
    padded = F.pad(x, (2, 2, 2, 2))
    dy = torch.randint(0, 5, (n,), generator=generator)
    dx = torch.randint(0, 5, (n,), generator=generator)
    return torch.stack([padded[i, :, dy[i] : dy[i] + 28, dx[i] : dx[i] + 28] for i in range(n)])


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--arch", choices=sorted(ARCHS), required=True)
    p.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "datasets", "mnist"))
    p.add_argument("--out", help="default: assets/models/mnist_ARCH.tflite")
    p.add_argument("--epochs", type=int, default=30)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--weight-decay", type=float, default=5e-4)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--tinytwin", help="tinytwin binary: int8 accuracy and the model card")
    p.add_argument("--smoke", action="store_true",
                   help="a few steps on a small subset (CI): checks the pipeline, not accuracy")
    args = p.parse_args(argv)
    out = args.out or os.path.join(ROOT, "assets", "models", f"mnist_{args.arch}.tflite")

    datasets.require_folder(args.data)
    trainer.seed_everything(args.seed)
    trainer.set_threads(args.threads)
    gen = torch.Generator().manual_seed(args.seed)
    train_x, train_y = datasets.load_mnist(args.data, "train")
    test_x, test_y = datasets.load_mnist(args.data, "t10k")
    if args.smoke:
        train_x, train_y, test_x, test_y = train_x[:512], train_y[:512], test_x[:256], test_y[:256]
    to_float = lambda a: torch.from_numpy(a).float().div_(255.0).unsqueeze(1)  # noqa: E731
    xt, yt = to_float(train_x), torch.from_numpy(train_y)
    arch, architecture = ARCHS[args.arch]
    model = arch()
    start = time.time()
    trainer.fit(model, xt, yt, epochs=1 if args.smoke else args.epochs, batch=args.batch,
                lr=args.lr, weight_decay=args.weight_decay, prepare=lambda b: b,
                augment=augment, max_steps=5 if args.smoke else None, generator=gen)
    train_seconds = time.time() - start
    model.eval()
    float_acc = trainer.evaluate(model, to_float(test_x), torch.from_numpy(test_y), lambda b: b)
    print(f"float test accuracy: {float_acc * 100:.2f} % on {len(test_y)} images")

    ir = model.to_ir()
    calib = xt[torch.randperm(len(xt), generator=gen)[: 64 if args.smoke else 2000]]
    if args.arch == "mlp":
        calib, shape = calib.flatten(1), (784,)
    else:
        shape = (1, 28, 28)
    ranges = export_tflite.calibrate(ir, calib.split(500))
    blob = export_tflite.export(ir, shape, (1.0 / 255.0, -128), ranges,
                                f"TinyTwin MNIST {args.arch.upper()}, int8")
    model_card.write_model(out, blob, dict(
        name=f"mnist_{args.arch}", app="mnist",
        task="MNIST handwritten digit classification (10 classes)",
        labels=[str(d) for d in range(10)], architecture=architecture,
        data="MNIST (LeCun et al. 1998), official idx files: the 60,000 training images for "
             "training (random shifts of up to 2 pixels), 2,000 of them for calibration; "
             "accuracy on the official 10,000-image test set, which training never sees.",
        input=("784 grey values" if args.arch == "mlp" else "28x28 grey") +
              ", real value = pixel / 255, int8 scale 1/255, zero point -128",
        training=f"{args.epochs} epochs, batch {args.batch}, SGD Nesterov momentum 0.9, "
                 f"one-cycle learning rate peak {args.lr}, weight decay {args.weight_decay}, "
                 f"label smoothing 0.1, seed {args.seed}",
        quantization="post-training: symmetric int8 weights (per channel for convolutions, "
                     "per tensor for fully connected layers), int32 biases, activations from "
                     "min/max over the calibration images",
        float_accuracy=float_acc, float_n=len(test_y), train_seconds=train_seconds,
        eval_data=args.data, smoke=args.smoke,
        eval_limit=300 if args.smoke else None), args.tinytwin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
