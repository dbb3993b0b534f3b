// resize_area and centre_crop on cases whose answer is known by hand (uniform images, 2x and
// 3x reductions, enlargements, a 3-to-2 row), on every pixel format, and against an
// independently written double-precision box filter over random sizes.
#include "kernels/frontend/image_resize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace tt::tests {
namespace {

using kernels::Status;
using namespace kernels::frontend;

std::vector<uint8_t> resize(const ImageView& src, int32_t w, int32_t h, PixelFormat out_format,
                            CropRect crop = {}) {
  std::vector<uint8_t> out(static_cast<size_t>(w) * h * channel_count(out_format), 0xEE);
  ResizeArgs a;
  a.src = src;
  a.crop = crop;
  a.output = out.data();
  a.out_width = w;
  a.out_height = h;
  a.out_format = out_format;
  EXPECT_EQ(resize_area(a), Status::kOk);
  return out;
}

std::vector<uint8_t> random_bytes(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<uint8_t> v(n);
  for (uint8_t& b : v) b = static_cast<uint8_t>(rng());
  return v;
}

TEST(ImageResize, UniformImagesStayUniform) {
  std::mt19937 rng(1);
  for (int trial = 0; trial < 200; ++trial) {
    const int32_t sw = 1 + rng() % 90, sh = 1 + rng() % 90, ow = 1 + rng() % 40,
                  oh = 1 + rng() % 40;
    const uint8_t r = rng(), g = rng(), b = rng();
    std::vector<uint8_t> rgb;
    for (int32_t i = 0; i < sw * sh; ++i) rgb.insert(rgb.end(), {r, g, b});
    const ImageView src{rgb.data(), sw, sh, 0, PixelFormat::kRgb888};
    const std::vector<uint8_t> out = resize(src, ow, oh, PixelFormat::kRgb888);
    for (size_t i = 0; i < out.size(); i += 3) {
      ASSERT_EQ(out[i], r);
      ASSERT_EQ(out[i + 1], g);
      ASSERT_EQ(out[i + 2], b);
    }
    const uint8_t luma = static_cast<uint8_t>((4899 * r + 9617 * g + 1868 * b + 8192) >> 14);
    for (uint8_t v : resize(src, ow, oh, PixelFormat::kGray8)) ASSERT_EQ(v, luma);
  }
}

TEST(ImageResize, TwoAndThreeTimesSmallerIsTheRoundedMean) {
  const std::vector<uint8_t> px = random_bytes(12 * 18 * 3, 2);
  const ImageView src{px.data(), 12, 18, 0, PixelFormat::kRgb888};
  const std::vector<uint8_t> half = resize(src, 6, 9, PixelFormat::kRgb888);
  const std::vector<uint8_t> third = resize(src, 4, 6, PixelFormat::kRgb888);
  auto at = [&](int x, int y, int c) { return static_cast<int>(px[(y * 12 + x) * 3 + c]); };
  for (int y = 0; y < 9; ++y) {
    for (int x = 0; x < 6; ++x) {
      for (int c = 0; c < 3; ++c) {
        const int sum = at(2 * x, 2 * y, c) + at(2 * x + 1, 2 * y, c) + at(2 * x, 2 * y + 1, c) +
                        at(2 * x + 1, 2 * y + 1, c);
        ASSERT_EQ(half[(y * 6 + x) * 3 + c], (sum + 2) / 4) << x << "," << y << "," << c;
      }
    }
  }
  for (int y = 0; y < 6; ++y) {
    for (int x = 0; x < 4; ++x) {
      for (int c = 0; c < 3; ++c) {
        int sum = 0;
        for (int j = 0; j < 3; ++j) {
          for (int i = 0; i < 3; ++i) sum += at(3 * x + i, 3 * y + j, c);
        }
        ASSERT_EQ(third[(y * 4 + x) * 3 + c], (sum + 4) / 9);
      }
    }
  }
}

TEST(ImageResize, HandComputedFractionalCoverage) {
  // 3 -> 2 pixels: output 0 covers all of pixel 0 and half of pixel 1, output 1 the rest.
  const uint8_t row[] = {0, 255, 30};
  const ImageView src{row, 3, 1, 0, PixelFormat::kGray8};
  const std::vector<uint8_t> out = resize(src, 2, 1, PixelFormat::kGray8);
  EXPECT_EQ(out[0], 85);   // (2*0 + 1*255) / 3
  EXPECT_EQ(out[1], 105);  // (1*255 + 2*30) / 3 = 105
  // A tie rounds up: (1 + 2) / 2 = 1.5.
  const uint8_t pair[] = {1, 2};
  EXPECT_EQ(resize({pair, 2, 1, 0, PixelFormat::kGray8}, 1, 1, PixelFormat::kGray8)[0], 2);
}

TEST(ImageResize, IdentityAndIntegerEnlargement) {
  const std::vector<uint8_t> px = random_bytes(7 * 5, 3);
  const ImageView src{px.data(), 7, 5, 0, PixelFormat::kGray8};
  EXPECT_EQ(resize(src, 7, 5, PixelFormat::kGray8), px);
  const std::vector<uint8_t> big = resize(src, 21, 10, PixelFormat::kGray8);
  for (int y = 0; y < 10; ++y) {
    for (int x = 0; x < 21; ++x) ASSERT_EQ(big[y * 21 + x], px[(y / 2) * 7 + x / 3]);
  }
  // Grey to RGB repeats the value.
  const std::vector<uint8_t> rgb = resize(src, 7, 5, PixelFormat::kRgb888);
  for (size_t i = 0; i < px.size(); ++i) {
    ASSERT_EQ(rgb[3 * i], px[i]);
    ASSERT_EQ(rgb[3 * i + 2], px[i]);
  }
}

TEST(ImageResize, Rgb565BothByteOrders) {
  const uint16_t words[] = {0xF800, 0x07E0, 0x001F, 0xFFFF, 0x0000, 0x8410};
  const uint8_t expect[][3] = {{255, 0, 0},     {0, 255, 0}, {0, 0, 255},
                               {255, 255, 255}, {0, 0, 0},   {132, 130, 132}};
  std::vector<uint8_t> le, be;
  for (uint16_t w : words) {
    le.insert(le.end(), {static_cast<uint8_t>(w & 0xFF), static_cast<uint8_t>(w >> 8)});
    be.insert(be.end(), {static_cast<uint8_t>(w >> 8), static_cast<uint8_t>(w & 0xFF)});
  }
  const std::vector<uint8_t> a =
      resize({le.data(), 6, 1, 0, PixelFormat::kRgb565}, 6, 1, PixelFormat::kRgb888);
  const std::vector<uint8_t> b =
      resize({be.data(), 6, 1, 0, PixelFormat::kRgb565BigEndian}, 6, 1, PixelFormat::kRgb888);
  EXPECT_EQ(a, b);
  for (int i = 0; i < 6; ++i) {
    for (int c = 0; c < 3; ++c) EXPECT_EQ(a[i * 3 + c], expect[i][c]) << i << " " << c;
  }
}

TEST(ImageResize, CentreCrop) {
  const CropRect a = centre_crop(640, 480);
  EXPECT_EQ(a.x, 80);
  EXPECT_EQ(a.y, 0);
  EXPECT_EQ(a.width, 480);
  EXPECT_EQ(a.height, 480);
  const CropRect b = centre_crop(100, 100, 4, 3);
  EXPECT_EQ(b.x, 0);
  EXPECT_EQ(b.y, 12);
  EXPECT_EQ(b.width, 100);
  EXPECT_EQ(b.height, 75);
  const CropRect c = centre_crop(5, 3);  // odd margin: the extra column goes right
  EXPECT_EQ(c.x, 1);
  EXPECT_EQ(c.width, 3);
  EXPECT_EQ(centre_crop(0, 10).width, 0);
  EXPECT_EQ(centre_crop(10, 10, -1, 1).width, 0);
}

TEST(ImageResize, CropAndStrideSelectTheSamePixels) {
  const int32_t w = 40, h = 30, stride = w * 3 + 7;
  std::vector<uint8_t> padded = random_bytes(static_cast<size_t>(stride) * h, 4);
  const CropRect crop{5, 3, 24, 18};
  std::vector<uint8_t> packed;
  for (int y = crop.y; y < crop.y + crop.height; ++y) {
    const uint8_t* row = padded.data() + y * stride + crop.x * 3;
    packed.insert(packed.end(), row, row + crop.width * 3);
  }
  const ImageView whole{padded.data(), w, h, stride, PixelFormat::kRgb888};
  const ImageView part{packed.data(), crop.width, crop.height, 0, PixelFormat::kRgb888};
  EXPECT_EQ(resize(whole, 8, 6, PixelFormat::kRgb888, crop),
            resize(part, 8, 6, PixelFormat::kRgb888));
  EXPECT_EQ(resize(whole, 9, 7, PixelFormat::kGray8, crop),
            resize(part, 9, 7, PixelFormat::kGray8));
}

// Independent formulation: intervals in source coordinates (doubles), overlap lengths.
double reference_value(const std::vector<uint8_t>& px, int32_t sw, int32_t sh, int32_t ow,
                       int32_t oh, int32_t ox, int32_t oy) {
  const double fx = static_cast<double>(sw) / ow, fy = static_cast<double>(sh) / oh;
  double sum = 0;
  for (int32_t y = 0; y < sh; ++y) {
    const double wy = std::max(0.0, std::min(y + 1.0, (oy + 1) * fy) - std::max(y * 1.0, oy * fy));
    if (wy == 0) continue;
    for (int32_t x = 0; x < sw; ++x) {
      const double wx =
          std::max(0.0, std::min(x + 1.0, (ox + 1) * fx) - std::max(x * 1.0, ox * fx));
      sum += wx * wy * px[y * sw + x];
    }
  }
  return sum / (fx * fy);
}

TEST(ImageResize, MatchesADoublePrecisionBoxFilter) {
  std::mt19937 rng(5);
  int compared = 0;
  for (int trial = 0; trial < 150; ++trial) {
    const int32_t sw = 1 + rng() % 50, sh = 1 + rng() % 50, ow = 1 + rng() % 30,
                  oh = 1 + rng() % 30;
    const std::vector<uint8_t> px = random_bytes(static_cast<size_t>(sw) * sh, trial + 100);
    const std::vector<uint8_t> out =
        resize({px.data(), sw, sh, 0, PixelFormat::kGray8}, ow, oh, PixelFormat::kGray8);
    for (int32_t y = 0; y < oh; ++y) {
      for (int32_t x = 0; x < ow; ++x) {
        const double v = reference_value(px, sw, sh, ow, oh, x, y);
        if (std::fabs(v - std::floor(v) - 0.5) < 1e-6) continue;  // a tie: rounding is exact
        ASSERT_EQ(out[y * ow + x], static_cast<int>(std::floor(v + 0.5)))
            << sw << "x" << sh << " -> " << ow << "x" << oh << " at " << x << "," << y;
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 10000);
}

TEST(ImageResize, RejectsBadArguments) {
  uint8_t px[12] = {}, out[12] = {};
  ResizeArgs a;
  a.src = {px, 2, 2, 0, PixelFormat::kRgb888};
  a.output = out;
  a.out_width = a.out_height = 2;
  EXPECT_EQ(resize_area_validate(a), Status::kOk);
  ResizeArgs b = a;
  b.output = nullptr;
  EXPECT_EQ(resize_area(b), Status::kNullPointer);
  b = a;
  b.out_width = 0;
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.out_width = kMaxOutputSide + 1;
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.src.width = kMaxSourceSide + 1;
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.src.stride = 5;  // less than 2 pixels of 3 bytes
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.crop = {1, 1, 2, 1};  // past the right edge
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.crop = {-1, 0, 1, 1};
  EXPECT_EQ(resize_area(b), Status::kBadShape);
  b = a;
  b.out_format = PixelFormat::kRgb565;
  EXPECT_EQ(resize_area(b), Status::kBadParameter);
  b = a;
  b.src.format = static_cast<PixelFormat>(9);
  EXPECT_EQ(resize_area(b), Status::kBadParameter);
}

}  // namespace
}  // namespace tt::tests
