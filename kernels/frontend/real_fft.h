// Forward FFT of a real signal, for the audio front-end (MFCC): X[k] = sum_t x[t]
// exp(-2 pi i k t / n), k = 0..n/2, unscaled, the convention of numpy.fft.rfft, kissfft and
// FFTW. n is a power of two up to 1024.
//
// The n real samples are read as n/2 complex numbers (even samples real, odd imaginary), an
// iterative radix-2 complex FFT of n/2 points runs on them in place, and one split pass
// recovers the n/2 + 1 bins of the real transform. Twiddles come from one constant table of
// 512 angles (2 pi j / 1024), computed at compile time (const_math.h), so every length uses
// the same exactly rounded values and the host and the Cortex-M7 produce the same floats.
// The arithmetic is float32 in a fixed order; compile with -ffp-contract=off (no fused
// multiply-adds) to keep it bit-identical across targets.
//
// No heap, no scratch: the transform works in the caller's buffer of n + 2 floats.
#pragma once

#include "kernels/core/status.h"

namespace tt::kernels::frontend {

inline constexpr int kMaxRealFftLength = 1024;

// True for n a power of two in [2, kMaxRealFftLength].
bool real_fft_length_valid(int n);

// In place. `data` holds n + 2 floats: on entry data[0..n) is x (data[n], data[n + 1] are
// ignored); on return data[2k] and data[2k + 1] are Re and Im of X[k] for k = 0..n/2
// (Im X[0] and Im X[n/2] are 0). kNullPointer for a null buffer, kBadShape for a length
// real_fft_length_valid() rejects.
Status real_fft(float* data, int n);

}  // namespace tt::kernels::frontend
