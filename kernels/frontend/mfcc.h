// Audio front-end for keyword spotting: MFCC features of 16 kHz int16 audio, 49 frames x 10
// coefficients per one-second clip, the input of the DS-CNN / DNN keyword spotters.
//
// Per frame of 640 samples (40 ms), every 320 samples (20 ms): x = sample / 32768 as float,
// times a periodic Hann window of length 640, zero-padded to 1024, real FFT, power spectrum
// |X|^2 (513 bins), 40 triangular mel filters (HTK mel scale 2595 log10(1 + f / 700),
// triangles linear in mel between 42 equally spaced points from 20 to 4000 Hz, peak 1, as
// tf.signal.linear_to_mel_weight_matrix), natural log of max(energy, kLogEnergyFloor), an
// orthonormal DCT-II (scipy's norm='ortho') of the 40 log energies, coefficients 0..9.
// tools/train/mfcc_reference.py is the NumPy float64 reference of exactly this.
//
// Determinism: the host and the Cortex-M7 produce bit-identical floats, so quantized
// features match byte for byte. All arithmetic is IEEE +, -, *, / in a fixed order, float32
// except inside the log (these sources are compiled with -ffp-contract=off), the constant
// tables are computed at compile time (const_math.h), the log is our own (natural_log.h);
// no libm. Accuracy against the float64 reference is set by the float32 FFT: max |diff|
// 3.1e-4 over the 3,539 shared Speech Commands clips, ~1.4e-3 on full-scale tones whose
// spectra span more than 110 dB.
//
// No heap. Stack: about 4.4 KB per call (the 1026-float FFT buffer and 82 floats of mel
// energies); no static state, so it is reentrant.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels::frontend {

inline constexpr int kSampleRate = 16000;
inline constexpr int kFrameLength = 640;  // 40 ms
inline constexpr int kFrameStride = 320;  // 20 ms
inline constexpr int kFftLength = 1024;
inline constexpr int kSpectrumBins = kFftLength / 2 + 1;
inline constexpr int kMelBands = 40;
inline constexpr float kMelLowerHz = 20.0f;
inline constexpr float kMelUpperHz = 4000.0f;
inline constexpr int kMfccCoefficients = 10;
inline constexpr int kClipSamples = kSampleRate;  // one second
inline constexpr int kFramesPerClip = (kClipSamples - kFrameLength) / kFrameStride + 1;  // 49
inline constexpr int kClipFeatures = kFramesPerClip * kMfccCoefficients;                 // 490
// Mel energies below this (silence, bands without signal) are clamped before the log, so
// digital silence gives a finite, known value: ln(1e-6) = -13.8155 in every band.
inline constexpr float kLogEnergyFloor = 1e-6f;

// Number of full frames in n samples (0 if n < kFrameLength).
int mfcc_frame_count(int n_samples);

// Writes mfcc_frame_count(n) * kMfccCoefficients floats, frame-major ([frame][coefficient]).
// kBadShape if n_samples < 0 or out_capacity_floats is too small, kNullPointer if samples or
// out is null while there is at least one frame. Nothing is written on error.
Status compute_mfcc(const int16_t* samples, int n_samples, float* out, int out_capacity_floats);

// One frame: kFrameLength samples in, kMfccCoefficients floats out (a streaming caller
// computes only the newest frame of its sliding window). Same result as compute_mfcc.
Status compute_mfcc_frame(const int16_t* frame, float* out);

// The stage before the DCT, for displays and tests: kFrameLength samples in, kMelBands
// natural-log mel energies out (each >= ln(kLogEnergyFloor)).
Status compute_log_mel_frame(const int16_t* frame, float* log_mel);

// Quantizes features to a model's int8 input with the arithmetic of the QUANTIZE kernel:
// q = clamp(round_half_away(v / scale) + zero_point, -128, 127), the division in float32.
// Requires scale finite and > 0 and zero_point in [-128, 127]; otherwise (or with null
// pointers or n < 0) nothing is written.
void quantize_features(const float* v, int n, float scale, int32_t zero_point, int8_t* out);

}  // namespace tt::kernels::frontend
