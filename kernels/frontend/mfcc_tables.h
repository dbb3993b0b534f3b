// The MFCC front-end's constant tables (window, mel weights, DCT basis), computed at compile
// time in double and rounded once to float (const_math.h says why), so they are the same
// bytes on every target. Internal to mfcc.cc and its tests.
#pragma once

#include <cstdint>

#include "kernels/frontend/const_math.h"
#include "kernels/frontend/mfcc.h"

namespace tt::kernels::frontend::mfcc_tables {

// Periodic Hann window: 0.5 - 0.5 cos(2 pi t / L), t = 0..L-1.
struct Window {
  float w[kFrameLength];
};

constexpr Window make_window() {
  Window t{};
  for (int i = 0; i < kFrameLength; ++i) {
    t.w[i] = static_cast<float>(0.5 - 0.5 * const_math::cos_turns(i, kFrameLength));
  }
  return t;
}

inline constexpr Window kWindow = make_window();

// Mel scale. The 42 filter edges are equally spaced in mel from 20 to 4000 Hz (as
// numpy.linspace spaces them); filter b rises from edge b to edge b + 1 and falls to b + 2.
constexpr double hz_to_mel(double hz) {
  return 2595.0 * const_math::ln(1.0 + hz / 700.0) / const_math::kLn10;
}

inline constexpr double kMelLow = hz_to_mel(kMelLowerHz);
inline constexpr double kMelHigh = hz_to_mel(kMelUpperHz);
inline constexpr int kMelEdges = kMelBands + 2;

constexpr double mel_edge(int i) {
  return i == kMelEdges - 1 ? kMelHigh : kMelLow + i * ((kMelHigh - kMelLow) / (kMelEdges - 1));
}

constexpr double bin_mel(int k) {
  return hz_to_mel(static_cast<double>(k) * kSampleRate / kFftLength);
}

// The FFT bins strictly inside (20 Hz, 4000 Hz) in mel; every other bin has weight 0.
constexpr int first_mel_bin() {
  int k = 0;
  while (!(bin_mel(k) > mel_edge(0))) ++k;
  return k;
}

constexpr int last_mel_bin() {
  int k = kSpectrumBins - 1;
  while (!(bin_mel(k) < mel_edge(kMelEdges - 1))) --k;
  return k;
}

inline constexpr int kFirstMelBin = first_mel_bin();  // 2 (31.25 Hz)
inline constexpr int kLastMelBin = last_mel_bin();    // 255 (3984.375 Hz)
inline constexpr int kMelBins = kLastMelBin - kFirstMelBin + 1;

// A bin between edges b and b + 1 lies on the rising side of filter b (for b < 40) and the
// falling side of filter b - 1 (for b > 0), with weights that sum to 1.
struct MelWeights {
  uint8_t segment[kMelBins];  // b, in [0, kMelBands]
  float rising[kMelBins];     // weight in filter b (0 when b == kMelBands)
  float falling[kMelBins];    // weight in filter b - 1 (0 when b == 0)
};

constexpr MelWeights make_mel_weights() {
  MelWeights t{};
  for (int i = 0; i < kMelBins; ++i) {
    const double m = bin_mel(kFirstMelBin + i);
    int b = 0;
    while (b + 1 < kMelEdges - 1 && !(m < mel_edge(b + 1))) ++b;
    const double lo = mel_edge(b), hi = mel_edge(b + 1);
    t.segment[i] = static_cast<uint8_t>(b);
    t.rising[i] = b < kMelBands ? static_cast<float>((m - lo) / (hi - lo)) : 0.0f;
    t.falling[i] = b > 0 ? static_cast<float>((hi - m) / (hi - lo)) : 0.0f;
  }
  return t;
}

inline constexpr MelWeights kMelWeights = make_mel_weights();

// Orthonormal DCT-II: c[n] = s(n) sum_k y[k] cos(pi n (2k + 1) / 2K), s(0) = sqrt(1/K),
// s(n > 0) = sqrt(2/K), K = kMelBands.
struct Dct {
  float basis[kMfccCoefficients][kMelBands];
};

constexpr Dct make_dct() {
  Dct t{};
  const double s0 = const_math::sqrt(1.0 / kMelBands), s = const_math::sqrt(2.0 / kMelBands);
  for (int n = 0; n < kMfccCoefficients; ++n) {
    for (int k = 0; k < kMelBands; ++k) {
      const double c =
          const_math::cos_turns(static_cast<long long>(n) * (2 * k + 1), 4 * kMelBands);
      t.basis[n][k] = static_cast<float>((n == 0 ? s0 : s) * c);
    }
  }
  return t;
}

inline constexpr Dct kDct = make_dct();

}  // namespace tt::kernels::frontend::mfcc_tables
