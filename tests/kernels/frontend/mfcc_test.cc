// MFCC front-end: frame counts, argument checks, the compile-time tables against libm in
// double, and properties with known answers: digital silence (every band at the floor),
// a full-scale square wave (energy only at its odd harmonics, in their exact ratio), a DC
// offset (confined to the lowest bands). The comparison with the NumPy reference on real
// speech is tests/tools/features.
#include "kernels/frontend/mfcc.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <vector>

#include "kernels/frontend/mfcc_tables.h"
#include "kernels/frontend/natural_log.h"

namespace tt::tests {
namespace {

using kernels::Status;
using namespace kernels::frontend;
namespace tables = kernels::frontend::mfcc_tables;

constexpr double kPi = 3.14159265358979323846;

double mel(double hz) { return 2595.0 * std::log10(1.0 + hz / 700.0); }
double band_center_hz(int b) {  // the peak of filter b
  const double m = mel(kMelLowerHz) + (b + 1) * (mel(kMelUpperHz) - mel(kMelLowerHz)) / 41.0;
  return 700.0 * (std::pow(10.0, m / 2595.0) - 1.0);
}

std::vector<float> log_mel(const std::vector<int16_t>& frame) {
  std::vector<float> out(kMelBands);
  EXPECT_EQ(compute_log_mel_frame(frame.data(), out.data()), Status::kOk);
  return out;
}

std::vector<float> mfcc(const std::vector<int16_t>& clip) {
  std::vector<float> out(static_cast<size_t>(mfcc_frame_count(static_cast<int>(clip.size()))) *
                         kMfccCoefficients);
  EXPECT_EQ(compute_mfcc(clip.data(), static_cast<int>(clip.size()), out.data(),
                         static_cast<int>(out.size())),
            Status::kOk);
  return out;
}

std::vector<int16_t> square_wave(int n, int half_period) {
  std::vector<int16_t> x(n);
  for (int t = 0; t < n; ++t) x[t] = (t / half_period) % 2 == 0 ? 32767 : -32768;
  return x;
}

TEST(Mfcc, FrameCount) {
  EXPECT_EQ(mfcc_frame_count(-1), 0);
  EXPECT_EQ(mfcc_frame_count(0), 0);
  EXPECT_EQ(mfcc_frame_count(639), 0);
  EXPECT_EQ(mfcc_frame_count(640), 1);
  EXPECT_EQ(mfcc_frame_count(959), 1);
  EXPECT_EQ(mfcc_frame_count(960), 2);
  EXPECT_EQ(mfcc_frame_count(16000), 49);
  EXPECT_EQ(mfcc_frame_count(16001), 49);
  EXPECT_EQ(mfcc_frame_count(16320), 50);
  EXPECT_EQ(kFramesPerClip, 49);
  EXPECT_EQ(kClipFeatures, 490);
}

TEST(Mfcc, RejectsBadArguments) {
  std::vector<int16_t> clip(kClipSamples, 0);
  std::vector<float> out(kClipFeatures, 7.0f);
  EXPECT_EQ(compute_mfcc(clip.data(), -1, out.data(), kClipFeatures), Status::kBadShape);
  EXPECT_EQ(compute_mfcc(clip.data(), kClipSamples, out.data(), kClipFeatures - 1),
            Status::kBadShape);
  EXPECT_EQ(compute_mfcc(nullptr, kClipSamples, out.data(), kClipFeatures), Status::kNullPointer);
  EXPECT_EQ(compute_mfcc(clip.data(), kClipSamples, nullptr, kClipFeatures), Status::kNullPointer);
  for (float v : out) ASSERT_EQ(v, 7.0f);  // nothing written on error
  // No frame: nothing to write, so null buffers are fine.
  EXPECT_EQ(compute_mfcc(nullptr, 639, nullptr, 0), Status::kOk);
  EXPECT_EQ(compute_mfcc_frame(nullptr, out.data()), Status::kNullPointer);
  EXPECT_EQ(compute_log_mel_frame(clip.data(), nullptr), Status::kNullPointer);
}

TEST(Mfcc, TablesMatchLibmInDouble) {
  EXPECT_EQ(tables::kFirstMelBin, 2);   // 31.25 Hz, the first bin above 20 Hz
  EXPECT_EQ(tables::kLastMelBin, 255);  // 3984.4 Hz; 4000 Hz is the upper edge (weight 0)
  for (int t = 0; t < kFrameLength; ++t) {
    ASSERT_NEAR(tables::kWindow.w[t], 0.5 - 0.5 * std::cos(2.0 * kPi * t / kFrameLength), 6e-8);
    ASSERT_EQ(tables::kWindow.w[t], tables::kWindow.w[(kFrameLength - t) % kFrameLength]);
  }
  EXPECT_EQ(tables::kWindow.w[0], 0.0f);
  EXPECT_EQ(tables::kWindow.w[kFrameLength / 2], 1.0f);
  const double lo = mel(kMelLowerHz), step = (mel(kMelUpperHz) - lo) / 41.0;
  for (int i = 0; i < tables::kMelBins; ++i) {
    const double m = mel((tables::kFirstMelBin + i) * 16000.0 / 1024.0);
    const int b = tables::kMelWeights.segment[i];
    ASSERT_EQ(b, static_cast<int>(std::floor((m - lo) / step))) << i;
    const double rising = (m - (lo + b * step)) / step;
    if (b < kMelBands) {
      ASSERT_NEAR(tables::kMelWeights.rising[i], rising, 1e-7) << i;
    }
    if (b > 0) {
      ASSERT_NEAR(tables::kMelWeights.falling[i], 1.0 - rising, 1e-7) << i;
    }
  }
  for (int n = 0; n < kMfccCoefficients; ++n) {
    for (int k = 0; k < kMelBands; ++k) {
      const double s = std::sqrt((n == 0 ? 1.0 : 2.0) / kMelBands);
      ASSERT_NEAR(tables::kDct.basis[n][k], s * std::cos(kPi * n * (2 * k + 1) / 80.0), 3e-8);
    }
  }
}

TEST(Mfcc, SilenceIsTheFloorInEveryBand) {
  const std::vector<int16_t> silence(kClipSamples, 0);
  for (float v : log_mel(std::vector<int16_t>(kFrameLength, 0))) {
    ASSERT_EQ(v, natural_log(kLogEnergyFloor));
  }
  const std::vector<float> c = mfcc(silence);
  ASSERT_EQ(c.size(), static_cast<size_t>(kClipFeatures));
  // A constant log-mel vector L has c0 = sqrt(40) L and nothing else.
  const double c0 = std::sqrt(40.0) * std::log(1e-6);  // -87.3770
  for (int f = 0; f < kFramesPerClip; ++f) {
    ASSERT_NEAR(c[f * kMfccCoefficients], c0, 1e-4) << f;
    for (int n = 1; n < kMfccCoefficients; ++n) ASSERT_NEAR(c[f * 10 + n], 0.0, 1e-5) << f;
  }
}

TEST(Mfcc, FullScaleSquareWaveHasItsOddHarmonicsInTheirRatio) {
  // 1 kHz (8 samples high, 8 low): harmonics at 1, 3, 5, ... kHz with amplitudes in the ratio
  // 1 / sin(pi h / 16) (a sampled square wave), so 3 kHz carries (sin(pi/16) / sin(3pi/16))^2
  // of the 1 kHz energy, and 5 kHz is above the filters.
  const std::vector<int16_t> clip = square_wave(kClipSamples, 8);
  for (float v : mfcc(clip)) ASSERT_TRUE(std::isfinite(v));
  const std::vector<float> lm = log_mel(clip);
  double low = 0.0, high = 0.0;
  int peak_low = 0, peak_high = 0;
  for (int b = 0; b < kMelBands; ++b) {
    ASSERT_TRUE(std::isfinite(lm[b])) << b;
    const bool is_low = band_center_hz(b) < 2000.0;
    (is_low ? low : high) += std::exp(static_cast<double>(lm[b]));
    if (is_low && lm[b] > lm[peak_low]) peak_low = b;
    if (!is_low && (peak_high == 0 || lm[b] > lm[peak_high])) peak_high = b;
  }
  EXPECT_NEAR(band_center_hz(peak_low), 1000.0, 50.0);    // band 18, 1017.5 Hz
  EXPECT_NEAR(band_center_hz(peak_high), 3000.0, 100.0);  // band 35, 3038.8 Hz
  const double want = std::pow(std::sin(kPi / 16) / std::sin(3 * kPi / 16), 2.0);  // 0.1233
  EXPECT_NEAR(high / low, want, 1e-4 * want);
}

TEST(Mfcc, DcOffsetStaysInTheLowestBands) {
  // DC is bin 0, below the first filter (20 Hz); only the Hann window's leakage reaches the
  // filters, falling with frequency, and none of it above 1.5 kHz clears the floor.
  const float floor_log = natural_log(kLogEnergyFloor);
  for (int16_t dc : {int16_t{1}, int16_t{10000}, int16_t{32767}, int16_t{-32768}}) {
    const std::vector<float> lm = log_mel(std::vector<int16_t>(kFrameLength, dc));
    for (int b = 1; b < kMelBands; ++b) ASSERT_LE(lm[b], lm[b - 1]) << dc << " band " << b;
    for (int b = 0; b < kMelBands; ++b) {
      if (band_center_hz(b) > 1500.0) {
        ASSERT_EQ(lm[b], floor_log) << dc << " band " << b;
      }
    }
  }
  // Added to a 3 kHz tone, a DC offset leaves the bands above 1.5 kHz as they were.
  std::vector<int16_t> tone(kFrameLength), shifted(kFrameLength);
  for (int t = 0; t < kFrameLength; ++t) {
    tone[t] = static_cast<int16_t>(std::lround(8000.0 * std::sin(2.0 * kPi * 3000.0 * t / 16000)));
    shifted[t] = static_cast<int16_t>(tone[t] + 12000);
  }
  const std::vector<float> a = log_mel(tone), b = log_mel(shifted);
  for (int band = 0; band < kMelBands; ++band) {
    if (band_center_hz(band) > 1500.0 && a[band] > floor_log + 5.0f) {
      EXPECT_NEAR(a[band], b[band], 1e-3) << band;
    }
  }
}

TEST(Mfcc, ClipEqualsFrameByFrame) {
  std::vector<int16_t> clip(kClipSamples + 123);
  uint32_t state = 12345;
  for (int16_t& s : clip) {
    state = state * 1664525u + 1013904223u;
    s = static_cast<int16_t>(state >> 16);
  }
  const std::vector<float> all = mfcc(clip);
  ASSERT_EQ(all.size(), static_cast<size_t>(kClipFeatures));
  for (int f = 0; f < kFramesPerClip; ++f) {
    float one[kMfccCoefficients];
    ASSERT_EQ(compute_mfcc_frame(clip.data() + f * kFrameStride, one), Status::kOk);
    for (int n = 0; n < kMfccCoefficients; ++n) ASSERT_EQ(one[n], all[f * 10 + n]) << f;
    // The DCT of the log-mel stage, in double.
    const std::vector<int16_t> frame(clip.begin() + f * kFrameStride,
                                     clip.begin() + f * kFrameStride + kFrameLength);
    const std::vector<float> lm = log_mel(frame);
    for (int n = 0; n < kMfccCoefficients; ++n) {
      double c = 0.0;
      for (int k = 0; k < kMelBands; ++k) {
        c += std::sqrt((n == 0 ? 1.0 : 2.0) / kMelBands) * std::cos(kPi * n * (2 * k + 1) / 80.0) *
             lm[k];
      }
      ASSERT_NEAR(one[n], c, 1e-4) << f << " " << n;
    }
  }
}

TEST(Mfcc, QuantizeFeaturesAsTheQuantizeKernel) {
  const float v[] = {0.0f,
                     0.25f,
                     0.75f,
                     -0.25f,
                     -0.75f,
                     1.25f,
                     -1e9f,
                     1e9f,
                     12.49f,
                     -90.0f,
                     std::numeric_limits<float>::quiet_NaN()};
  int8_t q[std::size(v)];
  quantize_features(v, static_cast<int>(std::size(v)), 0.5f, 3, q);
  const int8_t want[] = {3, 4, 5, 2, 1, 6, -128, 127, 28, -128, 3};  // half away from zero
  for (size_t i = 0; i < std::size(v); ++i) EXPECT_EQ(q[i], want[i]) << i;
  int8_t untouched[2] = {9, 9};
  quantize_features(v, 2, 0.0f, 0, untouched);    // invalid scale: nothing written
  quantize_features(v, 2, 1.0f, 200, untouched);  // zero point outside int8
  EXPECT_EQ(untouched[0], 9);
  EXPECT_EQ(untouched[1], 9);
}

}  // namespace
}  // namespace tt::tests
