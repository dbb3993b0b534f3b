#!/usr/bin/python3
"""Synthetic keyword clips spoken by espeak-ng, to widen the keyword spotter's training
speakers: Speech Commands has a few hundred human speakers here, and a spotter trained
only on them mishears synthetic voices (about 60-80 % of espeak-ng keywords right, "stop"
almost never). Generating training speech with a text-to-speech engine is a common way to
add speakers cheaply.

Training uses TRAIN_VOICES x TRAIN_VARIANTS at several speeds and pitches. `tinytwin demo`
speaks its keywords with voices and variants from neither list (en-gb, en-gb-x-rp with
variants f3, m3, m7 or none), so its keyword results are measured on voices the model never
heard.

Usage (a quick look): synth_speech.py WORD OUT.wav
"""

import io
import subprocess
import sys

import numpy as np
import soundfile

CLIP = 16000
TRAIN_VOICES = ["en-us", "en-029", "en-gb-x-gbclan", "en-gb-scotland", "en-gb-x-gbcwmd"]
TRAIN_VARIANTS = ["m1", "m2", "m4", "m5", "m6", "f1", "f2", "f4", "Alex", "Andy", "annie",
                  "belinda", "benjamin", "david", "ed", "Mike", "Storm"]
SPEEDS = [110, 135, 160, 185]
PITCHES = [30, 45, 60, 75]
# Speech Commands' auxiliary words: synthetic "unknown" examples, so a synthetic voice is
# not taken for a keyword just because it sounds synthetic.
UNKNOWN_WORDS = ["bed", "bird", "cat", "dog", "happy", "house", "marvin", "sheila", "tree",
                 "wow", "zero", "one", "two", "three", "four", "five", "six", "seven",
                 "eight", "nine", "learn", "follow", "forward", "backward", "visual"]


def resample(x, rate):
    """Band-limited resampling to 16 kHz in the frequency domain (no SciPy here)."""
    n_out = int(round(len(x) * CLIP / rate))
    spectrum = np.fft.rfft(x)
    keep = n_out // 2 + 1
    out = np.zeros(keep, np.complex128)
    out[: min(keep, len(spectrum))] = spectrum[: min(keep, len(spectrum))]
    return np.fft.irfft(out, n_out) * (n_out / len(x))


def speak(word, voice, speed, pitch):
    """int16 samples at 16 kHz of espeak-ng saying word (raises if espeak-ng fails)."""
    wav = subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-p", str(pitch),
                          "--stdout", word], check=True, capture_output=True).stdout
    data, rate = soundfile.read(io.BytesIO(wav), dtype="float32", always_2d=True)
    y = resample(data[:, 0].astype(np.float64), rate)
    return np.clip(np.round(y * 32767), -32768, 32767).astype(np.int16)


def centred_clip(samples):
    """One second with the utterance in the middle (cut symmetrically if longer)."""
    clip = np.zeros(CLIP, np.int16)
    if len(samples) >= CLIP:
        start = (len(samples) - CLIP) // 2
        return samples[start : start + CLIP].copy()
    start = (CLIP - len(samples)) // 2
    clip[start : start + len(samples)] = samples
    return clip


def training_clips(words, labels, per_word, unknown_count, unknown_label, rng):
    """(clips int16 [N, 16000], labels int64 [N]): per_word clips of each word and
    unknown_count clips of UNKNOWN_WORDS, each with a random training voice, speed, pitch."""
    jobs = [(w, labels[w]) for w in words for _ in range(per_word)]
    jobs += [(UNKNOWN_WORDS[i % len(UNKNOWN_WORDS)], unknown_label) for i in range(unknown_count)]
    clips = np.empty((len(jobs), CLIP), np.int16)
    out_labels = np.empty(len(jobs), np.int64)
    for i, (word, label) in enumerate(jobs):
        voice = f"{TRAIN_VOICES[rng.integers(len(TRAIN_VOICES))]}+" \
                f"{TRAIN_VARIANTS[rng.integers(len(TRAIN_VARIANTS))]}"
        clips[i] = centred_clip(speak(word, voice, SPEEDS[rng.integers(len(SPEEDS))],
                                      PITCHES[rng.integers(len(PITCHES))]))
        out_labels[i] = label
    return clips, out_labels


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    soundfile.write(sys.argv[2], centred_clip(speak(sys.argv[1], "en-us+m1", 150, 50)), CLIP,
                    subtype="PCM_16")
