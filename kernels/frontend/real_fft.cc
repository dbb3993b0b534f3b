// Radix-2 decimation in time on n/2 complex points, then the real-to-complex split:
// with Z = FFT(x[2t] + i x[2t+1]) of m = n/2 points, E[k] = (Z[k] + conj Z[m-k]) / 2 and
// O[k] = (Z[k] - conj Z[m-k]) / 2i, X[k] = E[k] + W^k O[k] and X[m-k] = conj(E[k] - W^k O[k])
// with W = exp(-2 pi i / n). Each pair (k, m-k) is read before it is written, so the split
// runs in place.
#include "kernels/frontend/real_fft.h"

#include "kernels/frontend/const_math.h"

namespace tt::kernels::frontend {
namespace {

constexpr int kTableSize = kMaxRealFftLength / 2;

struct Twiddles {
  float cos[kTableSize];  // cos(2 pi j / 1024)
  float sin[kTableSize];  // sin(2 pi j / 1024)
};

constexpr Twiddles make_twiddles() {
  Twiddles t{};
  for (int j = 0; j < kTableSize; ++j) {
    t.cos[j] = static_cast<float>(const_math::cos_turns(j, kMaxRealFftLength));
    t.sin[j] = static_cast<float>(const_math::sin_turns(j, kMaxRealFftLength));
  }
  return t;
}

constexpr Twiddles kTwiddles = make_twiddles();

// In-place complex FFT of m points (interleaved re, im), m a power of two <= 512.
void complex_fft(float* z, int m) {
  for (int i = 1, j = 0; i < m; ++i) {  // bit-reversal permutation
    int bit = m >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const float re = z[2 * i], im = z[2 * i + 1];
      z[2 * i] = z[2 * j];
      z[2 * i + 1] = z[2 * j + 1];
      z[2 * j] = re;
      z[2 * j + 1] = im;
    }
  }
  for (int len = 2; len <= m; len <<= 1) {
    const int half = len / 2;
    const int stride = kMaxRealFftLength / len;  // W_len^k = W_1024^(k * stride)
    for (int k = 0; k < half; ++k) {
      const float wr = kTwiddles.cos[k * stride];
      const float wi = kTwiddles.sin[k * stride];  // W = wr - i wi
      for (int a = k; a < m; a += len) {
        float* za = z + 2 * a;
        float* zb = za + len;  // the butterfly partner, half points further
        const float tr = wr * zb[0] + wi * zb[1];
        const float ti = wr * zb[1] - wi * zb[0];
        zb[0] = za[0] - tr;
        zb[1] = za[1] - ti;
        za[0] = za[0] + tr;
        za[1] = za[1] + ti;
      }
    }
  }
}

}  // namespace

bool real_fft_length_valid(int n) { return n >= 2 && n <= kMaxRealFftLength && (n & (n - 1)) == 0; }

Status real_fft(float* data, int n) {
  if (data == nullptr) return Status::kNullPointer;
  if (!real_fft_length_valid(n)) return Status::kBadShape;
  const int m = n / 2;
  complex_fft(data, m);

  const float z0r = data[0], z0i = data[1];
  data[0] = z0r + z0i;
  data[1] = 0.0f;
  data[n] = z0r - z0i;
  data[n + 1] = 0.0f;
  const int stride = kMaxRealFftLength / n;  // W_n^k = W_1024^(k * stride)
  for (int k = 1; k <= m / 2; ++k) {
    const int j = m - k;
    const float ar = data[2 * k], ai = data[2 * k + 1];
    const float cr = data[2 * j], ci = data[2 * j + 1];
    const float er = 0.5f * (ar + cr), ei = 0.5f * (ai - ci);
    const float orr = 0.5f * (ai + ci), oi = 0.5f * (cr - ar);
    const float wr = kTwiddles.cos[k * stride];
    const float wi = -kTwiddles.sin[k * stride];
    const float tr = wr * orr - wi * oi;
    const float ti = wr * oi + wi * orr;
    data[2 * k] = er + tr;
    data[2 * k + 1] = ei + ti;
    data[2 * j] = er - tr;
    data[2 * j + 1] = ti - ei;
  }
  return Status::kOk;
}

}  // namespace tt::kernels::frontend
