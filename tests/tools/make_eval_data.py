#!/usr/bin/python3
"""Writes the models and small test sets of cli_eval.sh (tinytwin eval).

Models (tools/pytflite/tflite_write.py), each one FULLY_CONNECTED layer whose int8 input has
the shipped models' convention (pixel / 255: scale 1/255, zero point -128) and whose class c
looks at exactly one pixel, key(c), with weight 127 at scale 1/127; the output is then
pixel[key(c)] - 128 (scale 1/255, zero point -128), so the prediction of every image is known:
  mnist_fc.tflite       [1, 28, 28, 1] -> 10      mnist_fc_flat.tflite  [1, 784] -> 10
  mnist_fc12.tflite     [1, 784] -> 12 (the wrong class count for MNIST)
  cifar_fc.tflite       [1, 32, 32, 3] -> 10      kws_fc.tflite [1, 49, 10, 1] -> 12 (random)
Test sets: image i has label i % 10 and a bright key pixel of its class, except the ones in
WRONG, whose key pixel is that of the next class (predicted wrong), and one black image of
class 0 (all scores tie: the lowest index, 0, is right). Plus broken copies and WAV clips.

Usage: /usr/bin/python3 tests/tools/make_eval_data.py OUT_DIR   (exit 77: no numpy/writer)
"""

import gzip
import os
import struct
import sys
import wave

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tools", "pytflite"))
try:
    import numpy as np
    from tflite_write import ModelBuilder  # noqa: E402
except ImportError as e:
    print(f"make_eval_data: cannot import the model writer: {e}", file=sys.stderr)
    sys.exit(77)

MNIST_N, MNIST_WRONG, MNIST_BLACK = 50, (3, 17, 42), 20
CIFAR_N, CIFAR_WRONG = 30, (5, 11)


def mnist_key(c):
    return 100 + 61 * c


def cifar_key(c):  # an element index of the HWC image, in channel c % 3
    return 3 * (37 + 101 * c) + c % 3


def fc_model(in_shape, classes, key, weights=None):
    depth = int(np.prod(in_shape))
    if weights is None:
        weights = np.zeros((classes, depth), np.int8)
        for c in range(classes):
            weights[c, key(c)] = 127
    mb = ModelBuilder()
    x = mb.add_tensor("x", list(in_shape), "int8", scale=1.0 / 255, zero_point=-128)
    w = mb.add_constant("w", weights, scale=[1.0 / 127], quantized_dimension=0)
    b = mb.add_constant("b", np.zeros(classes, np.int32), scale=[1.0 / 255 / 127])
    y = mb.add_tensor("y", [1, classes], "int8", scale=1.0 / 255, zero_point=-128)
    mb.add_op("FULLY_CONNECTED", [x, w, b], [y])
    mb.set_inputs([x])
    mb.set_outputs([y])
    return mb.finish()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def mnist_files(n=MNIST_N):
    rng = np.random.default_rng(7)
    images = np.zeros((n, 784), np.uint8)
    labels = np.array([i % 10 for i in range(n)], np.uint8)
    keys = {mnist_key(c) for c in range(10)}
    free = np.array([k for k in range(784) if k not in keys])
    for i in range(n):
        if i == MNIST_BLACK:
            continue
        images[i, rng.choice(free, 30)] = rng.integers(1, 256, 30)  # noise the model ignores
        shown = (labels[i] + 1) % 10 if i in MNIST_WRONG else labels[i]
        images[i, mnist_key(shown)] = 200
    img = struct.pack(">IIII", 0x803, n, 28, 28) + images.tobytes()
    lab = struct.pack(">II", 0x801, n) + labels.tobytes()
    return img, lab


def cifar_file(n=CIFAR_N):
    out = bytearray()
    for i in range(n):
        label = i % 10
        shown = (label + 1) % 10 if i in CIFAR_WRONG else label
        hwc = np.full(3072, 40, np.uint8)
        hwc[cifar_key(shown)] = 255
        planes = hwc.reshape(32, 32, 3).transpose(2, 0, 1)  # HWC -> CHW, as the file stores
        out += bytes([label]) + planes.tobytes()
    return bytes(out)


def wav(path, rate=16000, seconds=1.0, freq=440.0):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    t = np.arange(int(rate * seconds)) / rate
    samples = (8000 * np.sin(2 * np.pi * freq * t)).astype("<i2")
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(samples.tobytes())


def main(out):
    write(f"{out}/mnist_fc.tflite", fc_model((1, 28, 28, 1), 10, mnist_key))
    write(f"{out}/mnist_fc_flat.tflite", fc_model((1, 784), 10, mnist_key))
    write(f"{out}/mnist_fc12.tflite", fc_model((1, 784), 12, mnist_key))
    write(f"{out}/cifar_fc.tflite", fc_model((1, 32, 32, 3), 10, cifar_key))
    rng = np.random.default_rng(11)
    write(f"{out}/kws_fc.tflite",
          fc_model((1, 49, 10, 1), 12, None, rng.integers(-20, 21, (12, 490)).astype(np.int8)))

    img, lab = mnist_files()
    write(f"{out}/mnist/t10k-images-idx3-ubyte", img)
    write(f"{out}/mnist/t10k-labels-idx1-ubyte", lab)
    write(f"{out}/mnist_gz/t10k-images-idx3-ubyte.gz", gzip.compress(img))
    write(f"{out}/mnist_gz/t10k-labels-idx1-ubyte.gz", gzip.compress(lab))
    write(f"{out}/mnist_truncated/t10k-images-idx3-ubyte", img[:16 + 784 * 10 + 5])
    write(f"{out}/mnist_truncated/t10k-labels-idx1-ubyte", lab)
    write(f"{out}/mnist_bad_magic/t10k-images-idx3-ubyte", struct.pack(">I", 0x802) + img[4:])
    write(f"{out}/mnist_bad_magic/t10k-labels-idx1-ubyte", lab)
    _, lab49 = mnist_files(49)
    write(f"{out}/mnist_count/t10k-images-idx3-ubyte", img)
    write(f"{out}/mnist_count/t10k-labels-idx1-ubyte", lab49)

    cifar = cifar_file()
    write(f"{out}/cifar/test_batch.bin", cifar)
    write(f"{out}/cifar_truncated/test_batch.bin", cifar[:-100])

    for word, n in (("yes", 2), ("no", 2), ("bed", 2), ("_background_noise_", 1)):
        for k in range(n):
            wav(f"{out}/kws/{word}/clip{k}.wav", seconds=0.8 + 0.2 * k, freq=300 + 200 * k)
    wav(f"{out}/kws_8k/yes/clip.wav", rate=8000)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
