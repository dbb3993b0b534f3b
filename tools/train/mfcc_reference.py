#!/usr/bin/env python3
"""NumPy float64 reference of the keyword-spotting MFCC front-end (kernels/frontend/mfcc.h).

Written from the definition, independently of the C++ (which works in float32 with its own
FFT, log and compile-time tables): numpy.fft.rfft, numpy.log, a mel weight matrix built the
way tf.signal.linear_to_mel_weight_matrix builds it, and an explicit orthonormal DCT-II
matrix (scipy.fft.dct(..., norm='ortho') convention). tests/tools/features compares
`tinytwin features` with it.

  frames of 640 samples (40 ms) every 320 (20 ms); x = int16 / 32768; periodic Hann window;
  zero-padded to 1024; |rfft|^2 (513 bins); 40 triangular mel filters (HTK mel scale,
  2595 log10(1 + f/700), triangles linear in mel, edges equally spaced from 20 to 4000 Hz,
  peak 1); ln(max(energy, 1e-6)); orthonormal DCT-II; coefficients 0..9.

Usage as a script: mfcc_reference.py IN.npy OUT.npy
  IN.npy: int16 [N, samples] (or one clip [samples]); OUT.npy: float64 [N, frames, 10].
"""

import sys

import numpy as np

SAMPLE_RATE = 16000
FRAME_LENGTH = 640
FRAME_STRIDE = 320
FFT_LENGTH = 1024
MEL_BANDS = 40
MEL_LOWER_HZ = 20.0
MEL_UPPER_HZ = 4000.0
MFCC_COEFFICIENTS = 10
LOG_ENERGY_FLOOR = 1e-6
CLIP_SAMPLES = SAMPLE_RATE


def frame_count(n_samples):
    return 0 if n_samples < FRAME_LENGTH else (n_samples - FRAME_LENGTH) // FRAME_STRIDE + 1


def fit_to_one_second(samples):
    """Zero-pads at the end or truncates to exactly CLIP_SAMPLES, as `tinytwin features`."""
    out = np.zeros(CLIP_SAMPLES, np.int16)
    n = min(len(samples), CLIP_SAMPLES)
    out[:n] = samples[:n]
    return out


def hz_to_mel(hz):
    return 2595.0 * np.log10(1.0 + np.asarray(hz, np.float64) / 700.0)


def periodic_hann(length):
    return 0.5 - 0.5 * np.cos(2.0 * np.pi * np.arange(length) / length)


def mel_weight_matrix():
    """[513, 40]: weight of each power-spectrum bin in each mel filter."""
    bin_mel = hz_to_mel(np.arange(FFT_LENGTH // 2 + 1) * SAMPLE_RATE / FFT_LENGTH)[:, None]
    edges = np.linspace(hz_to_mel(MEL_LOWER_HZ), hz_to_mel(MEL_UPPER_HZ), MEL_BANDS + 2)
    lower, center, upper = edges[:-2], edges[1:-1], edges[2:]
    rising = (bin_mel - lower) / (center - lower)
    falling = (upper - bin_mel) / (upper - center)
    return np.maximum(0.0, np.minimum(rising, falling))


def dct_matrix():
    """[10, 40]: orthonormal DCT-II rows 0..9."""
    n = np.arange(MFCC_COEFFICIENTS)[:, None]
    k = np.arange(MEL_BANDS)[None, :]
    basis = np.cos(np.pi * n * (2 * k + 1) / (2 * MEL_BANDS))
    scale = np.where(n == 0, np.sqrt(1.0 / MEL_BANDS), np.sqrt(2.0 / MEL_BANDS))
    return basis * scale


def log_mel(samples):
    """[frames, 40] natural-log mel energies of int16 samples (1-D)."""
    samples = np.asarray(samples)
    if samples.ndim != 1 or samples.dtype != np.int16:
        raise ValueError(f"expected 1-D int16 samples, got {samples.dtype} {samples.shape}")
    frames = frame_count(len(samples))
    x = samples.astype(np.float64) / 32768.0
    index = np.arange(FRAME_LENGTH)[None, :] + FRAME_STRIDE * np.arange(frames)[:, None]
    spectrum = np.fft.rfft(x[index] * periodic_hann(FRAME_LENGTH), n=FFT_LENGTH, axis=1)
    power = spectrum.real ** 2 + spectrum.imag ** 2
    return np.log(np.maximum(power @ mel_weight_matrix(), LOG_ENERGY_FLOOR))


def mfcc(samples):
    """[frames, 10] float64 MFCCs of int16 samples (1-D)."""
    return log_mel(samples) @ dct_matrix().T


def quantize(features, scale, zero_point):
    """int8 as the QUANTIZE kernel: float32 division, round half away from zero, clamp."""
    q = (np.asarray(features, np.float32) / np.float32(scale)).astype(np.float64)
    rounded = np.sign(q) * np.floor(np.abs(q) + 0.5)  # exact in float64
    return np.clip(rounded.astype(np.int64) + zero_point, -128, 127).astype(np.int8)


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("Usage as a script: ")[1], file=sys.stderr)
        return 2
    pcm = np.load(argv[1])
    if pcm.dtype != np.int16 or pcm.ndim not in (1, 2):
        print(f"{argv[1]}: expected int16 [N, samples], got {pcm.dtype} {pcm.shape}",
              file=sys.stderr)
        return 1
    clips = pcm[None, :] if pcm.ndim == 1 else pcm
    np.save(argv[2], np.stack([mfcc(c) for c in clips]) if len(clips) else np.zeros((0, 0, 10)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
