"""Readers for the datasets the training scripts use, straight from their official files.

The folder layout is that of the official releases (MNIST idx files, optionally gzipped;
the CIFAR-10 binary version, training batches optionally xz-compressed; Speech Commands
word folders). Nothing here downloads: users point --data at their own copies.
"""

import gzip
import hashlib
import lzma
import os
import re

import numpy as np


class DatasetError(RuntimeError):
    pass


SKIPPED = 77  # exit status when a dataset folder is absent (ctest's SKIP_RETURN_CODE)


def require_folder(path):
    """Exits with SKIPPED and says so when a dataset folder is absent: a clone without the
    data skips the training tests instead of failing them."""
    if not os.path.isdir(path):
        print(f"skipping: {path} not found", flush=True)
        raise SystemExit(SKIPPED)


def _open_maybe_compressed(path):
    for suffix, opener in (("", open), (".gz", gzip.open), (".xz", lzma.open)):
        if os.path.exists(path + suffix):
            return opener(path + suffix, "rb")
    raise DatasetError(f"{path}: not found (also looked for .gz and .xz)")


def _read_idx(path, magic, dims):
    with _open_maybe_compressed(path) as f:
        data = f.read()
    header = np.frombuffer(data[: 4 + 4 * dims], ">u4")
    if len(header) != 1 + dims or header[0] != magic:
        raise DatasetError(f"{path}: not an idx file with magic {magic:#x}")
    shape = tuple(int(d) for d in header[1:])
    body = np.frombuffer(data[4 + 4 * dims :], np.uint8)
    if body.size != int(np.prod(shape)):
        raise DatasetError(f"{path}: {body.size} bytes of data, header says {shape}")
    return body.reshape(shape)


def load_mnist(folder, split):
    """(images uint8 [N,28,28], labels int64 [N]) of split 'train' or 't10k'."""
    images = _read_idx(os.path.join(folder, f"{split}-images-idx3-ubyte"), 0x803, 3)
    labels = _read_idx(os.path.join(folder, f"{split}-labels-idx1-ubyte"), 0x801, 1)
    if len(images) != len(labels):
        raise DatasetError(f"{folder}: {len(images)} images but {len(labels)} labels")
    return images, labels.astype(np.int64)


def load_cifar10(folder, split):
    """(images uint8 [N,32,32,3] HWC RGB, labels int64 [N]) of split 'train' or 'test'."""
    names = [f"data_batch_{i}.bin" for i in range(1, 6)] if split == "train" else [
        "test_batch.bin"]
    images, labels = [], []
    for name in names:
        with _open_maybe_compressed(os.path.join(folder, name)) as f:
            raw = np.frombuffer(f.read(), np.uint8)
        if raw.size % 3073:
            raise DatasetError(f"{folder}/{name}: {raw.size} bytes is not a whole number of "
                               "3073-byte records")
        records = raw.reshape(-1, 3073)
        labels.append(records[:, 0].astype(np.int64))
        images.append(records[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
    return np.concatenate(images), np.concatenate(labels)


# -- keyword spotting -----------------------------------------------------------------------

KWS_LABELS = ["silence", "unknown", "yes", "no", "up", "down", "left", "right", "on", "off",
              "stop", "go"]
_SPEAKER = re.compile(r"^(.+?)_nohash_")


def kws_label(word_folder):
    """The class index of a Speech Commands word folder (other words are 'unknown')."""
    if word_folder == "_silence_":
        return 0
    if word_folder in KWS_LABELS[2:]:
        return KWS_LABELS.index(word_folder)
    return 1


def speaker_split(speaker, validation_percent=10, test_percent=20):
    """'train', 'validation' or 'test' from a stable hash of the speaker id, so every clip
    of one speaker lands in the same part, whatever else is in the folder (the official
    Speech Commands split works the same way)."""
    bucket = int(hashlib.sha1(speaker.encode()).hexdigest(), 16) % 100
    if bucket < test_percent:
        return "test"
    if bucket < test_percent + validation_percent:
        return "validation"
    return "train"


def list_kws_clips(folder):
    """[(path, label, speaker)] of every clip under the word folders, sorted by path."""
    if not os.path.isdir(folder):
        raise DatasetError(f"{folder}: not a folder")
    clips = []
    for word in sorted(os.listdir(folder)):
        sub = os.path.join(folder, word)
        if word == "_background_noise_" or not os.path.isdir(sub):
            continue
        for name in sorted(os.listdir(sub)):
            if not name.endswith((".wav", ".flac")):
                continue
            m = _SPEAKER.match(name)
            speaker = m.group(1) if m else name
            clips.append((os.path.join(sub, name), kws_label(word), speaker))
    if not clips:
        raise DatasetError(f"{folder}: no WORD/*.wav or WORD/*.flac clips")
    return clips


def list_background_noise(folder):
    noise = os.path.join(folder, "_background_noise_")
    if not os.path.isdir(noise):
        raise DatasetError(f"{noise}: not found (needed for the silence class and noise "
                           "augmentation)")
    return sorted(os.path.join(noise, n) for n in os.listdir(noise)
                  if n.endswith((".wav", ".flac")))
