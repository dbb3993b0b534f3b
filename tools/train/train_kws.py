#!/usr/bin/python3
"""Keyword spotting (12 classes): DS-CNN-S (Hello Edge) or a DNN, trained in PyTorch on
features from `tinytwin features` and exported as an int8 .tflite.

  dscnn: conv 10x4 1->64 stride 2 + ReLU, then 4 x (depthwise 3x3 + ReLU, pointwise 1x1
         64->64 + ReLU), average pool over 25x5, fully connected 64->12, softmax.
  dnn:   fully connected 490->144, 144->144, 144->144 (ReLU), 144->12, softmax (DNN-S).
Classes: silence, unknown, yes, no, up, down, left, right, on, off, stop, go. Data: the
Speech Commands clips in --data, split by speaker (kws_data.split_clips), silence made from
`_background_noise_`, each training clip augmented --copies times (time shift, gain,
background noise). The int8 input's scale and zero point come from the training features'
range, and training sees inputs rounded to that grid, as the device will.

Usage: train_kws.py --arch dscnn|dnn --tinytwin BIN [--data DIR] [--out FILE] [--smoke]
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
import kws_data  # noqa: E402
import synth_speech  # noqa: E402
import model_card  # noqa: E402
import trainer  # noqa: E402
from layers import ConvSame, fc_ir  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


class DsCnn(torch.nn.Module):
    def __init__(self, width=64, blocks=4):
        super().__init__()
        self.first = ConvSame(1, width, (10, 4), (2, 2))
        self.blocks = torch.nn.ModuleList()
        for _ in range(blocks):
            self.blocks.append(ConvSame(width, width, 3, depthwise=True))
            self.blocks.append(ConvSame(width, width, 1))
        self.drop = torch.nn.Dropout(0.2)
        self.fc = torch.nn.Linear(width, 12)

    def forward(self, x):
        x = self.first(x)
        for layer in self.blocks:
            x = layer(x)
        x = F.avg_pool2d(x, x.shape[2:])
        return self.fc(self.drop(x.flatten(1)))

    def to_ir(self):
        return ([self.first.to_ir()] + [b.to_ir() for b in self.blocks] +
                [{"op": "avgpool", "kernel": (25, 5)}, {"op": "flatten"},
                 fc_ir(self.fc, "NONE"), {"op": "softmax"}])


class Dnn(torch.nn.Module):
    def __init__(self, width=144):
        super().__init__()
        self.fcs = torch.nn.ModuleList([torch.nn.Linear(490, width), torch.nn.Linear(width, width),
                                        torch.nn.Linear(width, width)])
        self.out = torch.nn.Linear(width, 12)
        self.drop = torch.nn.Dropout(0.1)

    def forward(self, x):
        x = x.flatten(1)
        for fc in self.fcs:
            x = self.drop(F.relu(fc(x)))
        return self.out(x)

    def to_ir(self):
        return [fc_ir(fc, "RELU") for fc in self.fcs] + [fc_ir(self.out, "NONE"),
                                                         {"op": "softmax"}]


ARCHS = {
    "dscnn": (DsCnn, "DS-CNN-S (Hello Edge, Zhang et al. 2017): conv 10x4 1->64 stride 2 + "
                     "ReLU; 4 x (depthwise 3x3 + ReLU, pointwise 1x1 64->64 + ReLU); average "
                     "pool 25x5; fully connected 64->12; softmax. SAME padding; BatchNorm "
                     "during training, folded into the convolutions.", (1, 49, 10)),
    "dnn": (Dnn, "DNN-S (Hello Edge): fully connected 490->144, 144->144, 144->144 with "
                 "ReLU, 144->12, softmax.", (490,)),
}


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--arch", choices=sorted(ARCHS), required=True)
    p.add_argument("--tinytwin", required=True,
                   help="tinytwin binary: computes the features; also the int8 accuracy and "
                        "the model card")
    p.add_argument("--data", default=os.path.join(ROOT, "..", "shared", "datasets",
                                                  "speech_commands"))
    p.add_argument("--out", help="default: assets/models/kws_ARCH.tflite")
    p.add_argument("--test-dir", default=os.path.join(ROOT, "build", "kws_test_set"),
                   help="where to build the held-out test folder that is evaluated")
    p.add_argument("--copies", type=int, default=8, help="augmented copies per training clip")
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--lr", type=float, default=0.05)
    p.add_argument("--weight-decay", type=float, default=1e-3)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--synthetic-per-word", type=int, default=0,
                   help="espeak-ng clips per keyword added to training (synth_speech.py), "
                        "plus a quarter as many for 'unknown'")
    p.add_argument("--smoke", action="store_true",
                   help="a few steps on a small subset (CI): checks the pipeline, not accuracy")
    args = p.parse_args(argv)
    out = args.out or os.path.join(ROOT, "assets", "models", f"kws_{args.arch}.tflite")

    datasets.require_folder(args.data)
    trainer.seed_everything(args.seed)
    trainer.set_threads(args.threads)
    gen = torch.Generator().manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    parts = kws_data.split_clips(args.data)
    if args.smoke:
        parts = {k: v[:: max(1, len(v) // 48)] for k, v in parts.items()}
        args.copies = 1
    noise = kws_data.load_noise(args.data)

    def clean(part):
        clips = np.stack([kws_data.read_clip(path) for path, _ in parts[part]])
        labels = np.array([label for _, label in parts[part]], np.int64)
        silence = kws_data.silence_clips(noise, max(1, len(clips) // 11), rng)
        return (np.concatenate([clips, silence]),
                np.concatenate([labels, np.zeros(len(silence), np.int64)]))

    train_clips, train_labels = clean("train")
    synthetic = 0
    if args.synthetic_per_word > 0:
        words = datasets.KWS_LABELS[2:]
        syn_clips, syn_labels = synth_speech.training_clips(
            words, {w: datasets.KWS_LABELS.index(w) for w in words}, args.synthetic_per_word,
            args.synthetic_per_word * len(words) // 4, 1, rng)
        synthetic = len(syn_clips)
        train_clips = np.concatenate([train_clips, syn_clips])
        train_labels = np.concatenate([train_labels, syn_labels])
    augmented = [train_clips] + [kws_data.augment(train_clips, noise, rng)
                                 for _ in range(args.copies - 1)]
    feats = kws_data.features(args.tinytwin, np.concatenate(augmented))
    labels = np.tile(train_labels, args.copies)
    val_clips, val_labels = clean("validation")
    val_feats = kws_data.features(args.tinytwin, val_clips)
    print(f"{len(feats)} training examples ({len(train_clips)} clips x {args.copies}), "
          f"{len(val_feats)} validation clips")

    # The int8 input grid: min/max of the training features (TFLite's calibration rule).
    in_scale, in_zp = export_tflite.quant_from_range(float(feats.min()), float(feats.max()))
    arch, architecture, in_shape = ARCHS[args.arch]

    def prepare(b):  # the device's input rounding, seen during training (straight through)
        q = torch.clamp(torch.round(b / in_scale) + in_zp, -128, 127)
        return ((q - in_zp) * in_scale).reshape((len(b),) + in_shape)

    xt = torch.from_numpy(feats)
    yt = torch.from_numpy(labels)
    model = arch()
    start = time.time()
    val = (torch.from_numpy(val_feats), torch.from_numpy(val_labels))
    trainer.fit(model, xt, yt, epochs=1 if args.smoke else args.epochs, batch=args.batch,
                lr=args.lr, weight_decay=args.weight_decay, prepare=prepare, val=val,
                max_steps=5 if args.smoke else None, generator=gen)
    train_seconds = time.time() - start

    test_dir = args.test_dir
    n_test = kws_data.write_test_folder(args.data, test_dir,
                                        silence_count=4 if args.smoke else None)
    test = datasets.list_kws_clips(test_dir)
    test_feats = kws_data.features(args.tinytwin,
                                   np.stack([kws_data.read_clip(c[0]) for c in test]))
    test_labels = torch.tensor([c[1] for c in test])
    model.eval()
    float_acc = trainer.evaluate(model, torch.from_numpy(test_feats), test_labels, prepare)
    print(f"float test accuracy: {float_acc * 100:.2f} % on {n_test} held-out clips")

    calib = prepare(xt[torch.randperm(len(xt), generator=gen)[: 64 if args.smoke else 2000]])
    ranges = export_tflite.calibrate(model.to_ir(), calib.split(500))
    blob = export_tflite.export(model.to_ir(), in_shape, (in_scale, in_zp), ranges,
                                f"TinyTwin keyword spotting {args.arch}, int8")
    counts = {k: len(v) for k, v in parts.items()}
    model_card.write_model(out, blob, dict(
        name=f"kws_{args.arch}", app="kws",
        task="Keyword spotting, 12 classes (silence, unknown, yes, no, up, down, left, right, "
             "on, off, stop, go) on one-second 16 kHz clips",
        labels=datasets.KWS_LABELS, architecture=architecture,
        data=f"Speech Commands v0.02 (Warden 2018), the clips available here (a "
             f"speaker-disjoint part of the official test set, about 320 per word). Split by "
             f"a hash of the speaker id (the file-name part before `_nohash_`): "
             f"{counts['train']} clips train, {counts['validation']} validation, "
             f"{counts['test']} test, no speaker in two parts. Silence: one-second "
             f"segments of `_background_noise_` at random volumes, as many as an average "
             f"word has (the noise recordings are shared by all parts, the segments drawn "
             f"with different seeds). Training clips are augmented {args.copies - 1} extra "
             f"times: time shift up to 100 ms, gain 0.7-1.3, background noise mixed in with "
             f"probability 0.8 at volume up to 0.1. "
             + (f"Plus {synthetic} synthetic clips spoken by espeak-ng "
                f"(`tools/train/synth_speech.py`: {args.synthetic_per_word} per keyword and "
                f"a quarter as many unknown words, random training voices, speeds and "
                f"pitches; the demo's voices are not among them), augmented alike. "
                if synthetic else "")
             + f"Features: 49x10 MFCCs from `tinytwin "
             f"features` (the device's front-end). Accuracy on the {n_test} held-out clips "
             f"(`tools/train/make_kws_test_set.py` rebuilds the folder).",
        input=f"49x10 MFCCs, int8 scale {in_scale:.6g}, zero point {in_zp} (the training "
              f"features' range)",
        training=f"{args.epochs} epochs, batch {args.batch}, SGD Nesterov momentum 0.9, "
                 f"one-cycle learning rate peak {args.lr}, weight decay {args.weight_decay}, "
                 f"label smoothing 0.1, inputs rounded to the int8 grid, seed {args.seed}",
        quantization="post-training: symmetric int8 weights (per channel for convolutions, "
                     "per tensor for fully connected layers), int32 biases, activations from "
                     "min/max over 2,000 training examples",
        float_accuracy=float_acc, float_n=n_test, train_seconds=train_seconds,
        eval_data=test_dir, smoke=args.smoke,
        eval_limit=300 if args.smoke else None), args.tinytwin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
