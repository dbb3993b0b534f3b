"""Keyword-spotting data: the speaker-disjoint split, augmentation and silence clips, and the
features, which always come from `tinytwin features` (the C++ front-end the firmware runs),
so training and device features cannot drift.

Clips are 16 kHz mono, zero-padded or truncated to one second. The split hashes the speaker
id (the file-name part before `_nohash_`): every clip of a speaker is in one part.
"""

import os
import subprocess
import tempfile

import numpy as np
import soundfile

import datasets

CLIP = 16000
MAX_PCM_BATCH = 16000  # clips per `tinytwin features --pcm` call (its reader's limit is 16,777)
SKIP_FOLDERS = {"micro_speech_testdata"}  # a handful of TFLM test clips, not a word folder


def read_clip(path):
    data, rate = soundfile.read(path, dtype="int16", always_2d=True)
    if rate != 16000 or data.shape[1] != 1:
        raise datasets.DatasetError(f"{path}: {rate} Hz, {data.shape[1]} channels; "
                                    "need 16 kHz mono")
    clip = np.zeros(CLIP, np.int16)
    n = min(CLIP, len(data))
    clip[:n] = data[:n, 0]
    return clip


def split_clips(folder):
    """{'train'|'validation'|'test': [(path, label)]} over the word folders."""
    parts = {"train": [], "validation": [], "test": []}
    for path, label, speaker in datasets.list_kws_clips(folder):
        if os.path.basename(os.path.dirname(path)) in SKIP_FOLDERS:
            continue
        parts[datasets.speaker_split(speaker)].append((path, label))
    return parts


def load_noise(folder):
    """The background-noise recordings as float32 arrays in int16 units."""
    noise = []
    for path in datasets.list_background_noise(folder):
        data, rate = soundfile.read(path, dtype="int16", always_2d=True)
        if rate != 16000:
            raise datasets.DatasetError(f"{path}: {rate} Hz, need 16 kHz")
        noise.append(data[:, 0].astype(np.float32))
    return noise


def noise_segment(noise, rng):
    src = noise[rng.integers(len(noise))]
    start = rng.integers(0, len(src) - CLIP)
    return src[start : start + CLIP]


def silence_clips(noise, count, rng):
    """Silence: one-second background-noise segments at random volumes (some near zero)."""
    out = np.empty((count, CLIP), np.int16)
    for i in range(count):
        out[i] = np.clip(np.round(noise_segment(noise, rng) * rng.uniform(0.0, 1.0)),
                         -32768, 32767)
    return out


def augment(clips, noise, rng, shift=1600, noise_probability=0.8, noise_volume=0.1,
            gain=(0.7, 1.3)):
    """Time shift by up to +-100 ms (zero fill), gain, and background noise mixed in."""
    out = np.empty_like(clips)
    for i, clip in enumerate(clips.astype(np.float32)):
        s = int(rng.integers(-shift, shift + 1))
        shifted = np.zeros(CLIP, np.float32)
        if s >= 0:
            shifted[s:] = clip[: CLIP - s]
        else:
            shifted[:s] = clip[-s:]
        shifted *= rng.uniform(*gain)
        if rng.random() < noise_probability:
            shifted += noise_segment(noise, rng) * rng.uniform(0.0, noise_volume)
        out[i] = np.clip(np.round(shifted), -32768, 32767)
    return out


def features(tinytwin, clips):
    """float32 [N, 49, 10] MFCCs of int16 [N, 16000] clips, computed by `tinytwin features`."""
    parts = []
    with tempfile.TemporaryDirectory() as tmp:
        pcm, out = os.path.join(tmp, "pcm.npy"), os.path.join(tmp, "features.npy")
        for i in range(0, len(clips), MAX_PCM_BATCH):
            np.save(pcm, np.ascontiguousarray(clips[i : i + MAX_PCM_BATCH], np.int16))
            subprocess.run([tinytwin, "features", "--pcm", pcm, "-o", out], check=True)
            parts.append(np.load(out))
    return np.concatenate(parts) if parts else np.zeros((0, 49, 10), np.float32)


def write_test_folder(folder, out_dir, noise_seed=12345, silence_count=None):
    """A folder `tinytwin eval --app kws` reads: the held-out speakers' clips (symlinked into
    WORD/ folders) and a `_silence_` folder of noise segments. Returns its clip count."""
    parts = split_clips(folder)
    test = parts["test"]
    os.makedirs(out_dir, exist_ok=True)
    for path, _ in test:
        word = os.path.basename(os.path.dirname(path))
        os.makedirs(os.path.join(out_dir, word), exist_ok=True)
        link = os.path.join(out_dir, word, os.path.basename(path))
        if not os.path.lexists(link):
            os.symlink(os.path.abspath(path), link)
    # As many silence clips as an average word has (12 classes; silence ~ 1/11 of the rest).
    count = silence_count if silence_count is not None else max(1, len(test) // 11)
    silence_dir = os.path.join(out_dir, "_silence_")
    os.makedirs(silence_dir, exist_ok=True)
    rng = np.random.default_rng(noise_seed)
    for i, clip in enumerate(silence_clips(load_noise(folder), count, rng)):
        soundfile.write(os.path.join(silence_dir, f"silence_{i:04d}.wav"), clip, 16000,
                        subtype="PCM_16")
    return len(test) + count
