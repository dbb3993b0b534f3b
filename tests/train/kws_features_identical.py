#!/usr/bin/python3
"""The keyword-spotting features the training scripts use are the device's: the training
path (clips read in Python, tools/train/kws_data.features -> `tinytwin features --pcm`) and
the deployment path (`tinytwin features --wav`, the same C++ code `tinytwin eval` and the
apps run on the audio file) must give bit-identical features on real clips, and so must the
int8 values the model sees (`--quantize`).

Usage: kws_features_identical.py TINYTWIN SPEECH_COMMANDS_DIR MODEL WORKDIR
Exit 0 identical, 1 different, 77 (skipped) when the folder is absent.
"""

import os
import subprocess
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "train"))


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__)
    tinytwin, data, model, workdir = argv
    if not os.path.isdir(data):
        print(f"skipping: {data} not found")
        return 77
    import export_tflite  # noqa: F401  (torch-free import check of the training package)
    import kws_data

    clips = kws_data.split_clips(data)["test"][::10]
    paths = [p for p, _ in clips]
    os.makedirs(workdir, exist_ok=True)
    training = kws_data.features(tinytwin, np.stack([kws_data.read_clip(p) for p in paths]))
    device = os.path.join(workdir, "device.npy")
    listing = os.path.join(workdir, "clips.txt")
    with open(listing, "w") as f:
        f.write("\n".join(paths) + "\n")
    subprocess.run([tinytwin, "features", "--list", listing, "-o", device], check=True)
    device_features = np.load(device)
    same = training.shape == device_features.shape and np.array_equal(
        training.view(np.uint32), device_features.view(np.uint32))
    print(f"{len(paths)} clips: training and device features "
          f"{'bit-identical' if same else 'DIFFER'}")
    quantized = os.path.join(workdir, "device_int8.npy")
    subprocess.run([tinytwin, "features", "--list", listing, "--quantize", model, "-o",
                    quantized], check=True)
    q = np.load(quantized)
    import tflite_read  # noqa: E402

    spec = tflite_read.read_model(open(model, "rb").read())
    t = spec.tensors[spec.inputs[0]]
    # The QUANTIZE kernel's arithmetic: float32 division, rounding half away from zero.
    x = training.astype(np.float32) / np.float32(t.scale)
    rounded = np.sign(x) * np.floor(np.abs(x) + np.float32(0.5))
    expected = np.clip(rounded + t.zero_point, -128, 127).astype(np.int8)
    equal = np.array_equal(q.reshape(-1), expected.reshape(-1))
    print(f"int8 inputs: --quantize {'equals' if equal else 'DIFFERS FROM'} the training "
          f"features quantized with scale {t.scale:.6g}, zero point {t.zero_point}")
    return 0 if same and equal else 1

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
