// Pixel normalisation and quantization: the shipped-model convention (pixel / 255, scale
// 1/255, zero point -128) is the exact integer map q = pixel - 128, other integer maps are
// recognised, and general normalisations agree with a double-precision evaluation of
// round(real / scale) + zero point wherever float32 cannot land on the other side of a tie.
#include "kernels/frontend/image_quantize.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace tt::tests {
namespace {

using kernels::Status;
using namespace kernels::frontend;

PixelQuantizer make(const PixelNormalization& n, float scale, int32_t zp) {
  PixelQuantizer q;
  EXPECT_EQ(make_pixel_quantizer(n, scale, zp, &q), Status::kOk);
  return q;
}

TEST(ImageQuantize, ShippedConventionIsPixelMinus128) {
  // The scale as a converter stores it (float32 of 1/255) and two other spellings.
  for (float scale : {1.0f / 255.0f, 0.003921568859368563f, static_cast<float>(1.0 / 255)}) {
    for (int32_t channels : {1, 3}) {
      const PixelQuantizer q = make(unit_range_normalization(channels), scale, -128);
      EXPECT_TRUE(q.integer_exact);
      EXPECT_EQ(q.offset, -128);
      std::vector<uint8_t> px(256 * channels);
      for (size_t i = 0; i < px.size(); ++i) px[i] = static_cast<uint8_t>(i / channels);
      std::vector<int8_t> out(px.size());
      ASSERT_EQ(quantize_pixels(q, px.data(), static_cast<int32_t>(px.size()), out.data()),
                Status::kOk);
      for (size_t i = 0; i < px.size(); ++i) ASSERT_EQ(out[i], px[i] - 128) << i;
    }
  }
}

TEST(ImageQuantize, OtherIntegerMaps) {
  // (pixel - 128) / 128 with scale 1/128 and zero point 0: q = pixel - 128.
  PixelNormalization n;
  n.scale[0] = 1.0f / 128;
  n.offset[0] = -1.0f;
  PixelQuantizer q = make(n, 1.0f / 128, 0);
  EXPECT_TRUE(q.integer_exact);
  EXPECT_EQ(q.offset, -128);
  // pixel / 255 with zero point 0 saturates above 127.
  q = make(unit_range_normalization(1), 1.0f / 255, 0);
  EXPECT_TRUE(q.integer_exact);
  EXPECT_EQ(q.table[0][100], 100);
  EXPECT_EQ(q.table[0][200], 127);
  // Different per-channel offsets: each channel exact, but not one common offset.
  n = unit_range_normalization(3);
  n.offset[1] = 10.0f / 255;
  q = make(n, 1.0f / 255, -128);
  EXPECT_FALSE(q.integer_exact);
  EXPECT_EQ(q.table[0][7], 7 - 128);
  EXPECT_EQ(q.table[1][7], 7 + 10 - 128);
}

// round half away from zero of the exact value, or -1000 when float32 may round it either
// way (the value is within 1e-4 of a tie).
int expected_q(double real, double scale, int zp) {
  const double v = real / scale;
  if (std::fabs(std::fabs(v - std::trunc(v)) - 0.5) < 1e-4) return -1000;
  const double r = std::round(v) + zp;
  return static_cast<int>(std::min(127.0, std::max(-128.0, r)));
}

TEST(ImageQuantize, MeanStdNormalisationMatchesDoublePrecision) {
  const float mean[3] = {0.4914f, 0.4822f, 0.4465f};
  const float std[3] = {0.2470f, 0.2435f, 0.2616f};
  PixelNormalization n;
  ASSERT_EQ(mean_std_normalization(3, mean, std, &n), Status::kOk);
  int checked = 0;
  for (const auto& [scale, zp] : {std::pair<float, int>{0.0207f, -6}, {0.0123f, 30}, {0.05f, 0}}) {
    const PixelQuantizer q = make(n, scale, zp);
    EXPECT_FALSE(q.integer_exact);
    for (int c = 0; c < 3; ++c) {
      for (int p = 0; p < 256; ++p) {
        const int want = expected_q((p / 255.0 - mean[c]) / std[c], scale, zp);
        if (want == -1000) continue;
        ASSERT_EQ(q.table[c][p], want) << "channel " << c << " pixel " << p;
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 2000);
}

TEST(ImageQuantize, InterleavedChannelsUseTheirOwnTables) {
  PixelNormalization n = unit_range_normalization(3);
  n.scale[2] = -1.0f / 255;  // an inverted channel
  n.offset[2] = 1.0f;
  const PixelQuantizer q = make(n, 1.0f / 255, -128);
  const uint8_t px[] = {0, 0, 0, 255, 255, 255, 10, 20, 30};
  int8_t out[9];
  ASSERT_EQ(quantize_pixels(q, px, 9, out), Status::kOk);
  const int8_t expect[] = {-128, -128, 127, 127, 127, -128, -118, -108, 97};
  for (int i = 0; i < 9; ++i) EXPECT_EQ(out[i], expect[i]) << i;
  float real[9];
  ASSERT_EQ(normalize_pixels(n, px, 9, real), Status::kOk);
  EXPECT_FLOAT_EQ(real[2], 1.0f);
  EXPECT_FLOAT_EQ(real[3], 1.0f);
  EXPECT_FLOAT_EQ(real[8], 1.0f - 30.0f / 255);
}

TEST(ImageQuantize, RejectsBadArguments) {
  PixelQuantizer q;
  const PixelNormalization unit = unit_range_normalization(1);
  EXPECT_EQ(make_pixel_quantizer(unit, 0.0f, 0, &q), Status::kBadQuantization);
  EXPECT_EQ(make_pixel_quantizer(unit, -1.0f, 0, &q), Status::kBadQuantization);
  EXPECT_EQ(make_pixel_quantizer(unit, INFINITY, 0, &q), Status::kBadQuantization);
  EXPECT_EQ(make_pixel_quantizer(unit, NAN, 0, &q), Status::kBadQuantization);
  EXPECT_EQ(make_pixel_quantizer(unit, 0.1f, 128, &q), Status::kBadQuantization);
  EXPECT_EQ(make_pixel_quantizer(unit, 0.1f, 0, nullptr), Status::kNullPointer);
  EXPECT_EQ(make_pixel_quantizer(unit_range_normalization(2), 0.1f, 0, &q), Status::kBadParameter);
  PixelNormalization bad = unit;
  bad.offset[0] = NAN;
  EXPECT_EQ(make_pixel_quantizer(bad, 0.1f, 0, &q), Status::kBadParameter);
  const float mean = 0.5f, zero = 0.0f;
  PixelNormalization n;
  EXPECT_EQ(mean_std_normalization(1, &mean, &zero, &n), Status::kBadParameter);

  q = make(unit_range_normalization(3), 1.0f / 255, -128);
  uint8_t px[6] = {};
  int8_t out[6];
  EXPECT_EQ(quantize_pixels(q, px, 4, out), Status::kBadShape);  // not whole pixels
  EXPECT_EQ(quantize_pixels(q, px, -3, out), Status::kBadShape);
  EXPECT_EQ(quantize_pixels(q, nullptr, 3, out), Status::kNullPointer);
  EXPECT_EQ(quantize_pixels(PixelQuantizer{}, px, 3, out), Status::kBadParameter);
}

}  // namespace
}  // namespace tt::tests
