// The real FFT against kissfft (an independent float implementation) and against a direct
// DFT in double, on random signals, impulses and sines at bin frequencies, for every
// power-of-two length; errors are relative to the largest magnitude of the spectrum, the
// natural scale of a floating-point FFT's rounding.
#include "kernels/frontend/real_fft.h"

#include <gtest/gtest.h>
#include <kiss_fftr.h>

#include <cmath>
#include <complex>
#include <cstdio>
#include <random>
#include <vector>

namespace tt::tests {
namespace {

using kernels::Status;
using kernels::frontend::kMaxRealFftLength;
using kernels::frontend::real_fft;
using Spectrum = std::vector<std::complex<double>>;

constexpr double kPi = 3.14159265358979323846;
constexpr double kBound = 1e-5;  // of the largest magnitude

Spectrum ours(const std::vector<float>& x) {
  const int n = static_cast<int>(x.size());
  std::vector<float> buf(x);
  buf.resize(n + 2, 12345.0f);  // the two extra floats are outputs only
  EXPECT_EQ(real_fft(buf.data(), n), Status::kOk);
  Spectrum s(n / 2 + 1);
  for (int k = 0; k <= n / 2; ++k) s[k] = {buf[2 * k], buf[2 * k + 1]};
  return s;
}

Spectrum kiss(const std::vector<float>& x) {
  const int n = static_cast<int>(x.size());
  kiss_fftr_cfg cfg = kiss_fftr_alloc(n, 0, nullptr, nullptr);
  std::vector<kiss_fft_cpx> out(n / 2 + 1);
  kiss_fftr(cfg, x.data(), out.data());
  kiss_fftr_free(cfg);
  Spectrum s(n / 2 + 1);
  for (int k = 0; k <= n / 2; ++k) s[k] = {out[k].r, out[k].i};
  return s;
}

Spectrum direct_dft(const std::vector<float>& x) {
  const int n = static_cast<int>(x.size());
  Spectrum s(n / 2 + 1);
  for (int k = 0; k <= n / 2; ++k) {
    for (int t = 0; t < n; ++t) {
      const double a = -2.0 * kPi * static_cast<double>((static_cast<int64_t>(k) * t) % n) / n;
      s[k] += static_cast<double>(x[t]) * std::complex<double>(std::cos(a), std::sin(a));
    }
  }
  return s;
}

// max |a - b| / max |b|
double relative_error(const Spectrum& a, const Spectrum& b) {
  double err = 0.0, scale = 0.0;
  for (size_t k = 0; k < b.size(); ++k) {
    err = std::max(err, std::abs(a[k] - b[k]));
    scale = std::max(scale, std::abs(b[k]));
  }
  return err / scale;
}

std::vector<float> random_signal(int n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> u(-1.0f, 1.0f);
  std::vector<float> x(n);
  for (float& v : x) v = u(rng);
  return x;
}

TEST(RealFft, MatchesKissFftAndDirectDftOnRandomSignals) {
  double worst_kiss = 0.0, worst_dft = 0.0;
  for (int n = 2; n <= kMaxRealFftLength; n *= 2) {
    for (uint32_t seed = 1; seed <= 5; ++seed) {
      const std::vector<float> x = random_signal(n, seed * 7919 + n);
      const Spectrum s = ours(x);
      const double e_kiss = relative_error(s, kiss(x));
      const double e_dft = relative_error(s, direct_dft(x));
      EXPECT_LE(e_kiss, kBound) << "n=" << n << " seed=" << seed;
      EXPECT_LE(e_dft, kBound) << "n=" << n << " seed=" << seed;
      worst_kiss = std::max(worst_kiss, e_kiss);
      worst_dft = std::max(worst_dft, e_dft);
    }
  }
  std::printf("max error relative to the largest magnitude: %.3g vs kissfft, %.3g vs DFT\n",
              worst_kiss, worst_dft);
}

TEST(RealFft, ImpulsesHaveUnitMagnitudeAndLinearPhase) {
  const int n = kMaxRealFftLength;
  for (int at : {0, 1, 2, 17, 511, 512, 1023}) {
    std::vector<float> x(n, 0.0f);
    x[at] = 1.0f;
    const Spectrum s = ours(x);
    EXPECT_LE(relative_error(s, kiss(x)), kBound) << "impulse at " << at;
    for (int k = 0; k <= n / 2; ++k) {
      const double a = -2.0 * kPi * static_cast<double>((static_cast<int64_t>(k) * at) % n) / n;
      ASSERT_NEAR(std::abs(s[k] - std::polar(1.0, a)), 0.0, kBound) << at << " bin " << k;
    }
  }
  // The impulse at 0 passes through the butterflies with twiddle 1 only: exact.
  std::vector<float> x(n, 0.0f);
  x[0] = 1.0f;
  for (const auto& v : ours(x)) ASSERT_EQ(v, std::complex<double>(1.0, 0.0));
}

TEST(RealFft, SinesAtBinFrequenciesLandInTheirBin) {
  for (int n : {16, 256, kMaxRealFftLength}) {
    for (int bin : {0, 1, 3, n / 8, n / 4 - 1, n / 2 - 1, n / 2}) {
      std::vector<float> x(n);
      for (int t = 0; t < n; ++t) {
        x[t] = static_cast<float>(std::cos(2.0 * kPi * ((static_cast<int64_t>(bin) * t) % n) / n));
      }
      const Spectrum s = ours(x);
      EXPECT_LE(relative_error(s, kiss(x)), kBound) << "n=" << n << " bin " << bin;
      const double peak = (bin == 0 || bin == n / 2) ? n : n / 2.0;
      for (int k = 0; k <= n / 2; ++k) {
        const double want = k == bin ? peak : 0.0;
        ASSERT_NEAR(s[k].real(), want, kBound * peak) << "n=" << n << " bin " << bin << " k " << k;
        ASSERT_NEAR(s[k].imag(), 0.0, kBound * peak) << "n=" << n << " bin " << bin << " k " << k;
      }
    }
  }
}

TEST(RealFft, ConstantSignalIsExact) {
  const int n = kMaxRealFftLength;
  const Spectrum s = ours(std::vector<float>(n, 0.25f));
  EXPECT_EQ(s[0], std::complex<double>(0.25 * n, 0.0));
  for (int k = 1; k <= n / 2; ++k) ASSERT_EQ(s[k], std::complex<double>(0.0, 0.0)) << k;
}

TEST(RealFft, RejectsBadArguments) {
  std::vector<float> buf(kMaxRealFftLength * 2 + 2, 1.0f);
  EXPECT_EQ(real_fft(nullptr, 64), Status::kNullPointer);
  for (int n : {-4, 0, 1, 3, 6, 1000, 2 * kMaxRealFftLength}) {
    EXPECT_EQ(real_fft(buf.data(), n), Status::kBadShape) << n;
    EXPECT_FALSE(kernels::frontend::real_fft_length_valid(n)) << n;
  }
  for (float v : buf) ASSERT_EQ(v, 1.0f);  // nothing written on error
}

}  // namespace
}  // namespace tt::tests
