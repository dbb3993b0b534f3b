// Image blits: formats, nearest-neighbour scaling, clipping that does not shift the picture,
// and invalid images.
#include "hal/draw/blit.h"

#include <gtest/gtest.h>

#include <climits>
#include <vector>

#include "hal/draw/colour.h"
#include "tests/hal/draw/canvas.h"

namespace tt::tests::hal {
namespace {

using tt::hal::Rect;
using namespace tt::hal::draw;

// A 4x3 RGB888 image whose pixel (x, y) is (x * 60, y * 100, 7).
std::vector<uint8_t> rgb888_image() {
  std::vector<uint8_t> v;
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 4; ++x) {
      v.push_back(static_cast<uint8_t>(x * 60));
      v.push_back(static_cast<uint8_t>(y * 100));
      v.push_back(7);
    }
  }
  return v;
}

uint16_t expected(int x, int y) { return rgb565(x * 60, y * 100, 7); }

TEST(Blit, Rgb888AtScaleOne) {
  const auto data = rgb888_image();
  Canvas c(10, 10);
  EXPECT_EQ(blit(c.surface(), Image{data.data(), 4, 3, 12, ImageFormat::kRgb888}, 2, 1),
            (Rect{2, 1, 4, 3}));
  for (int y = 0; y < 3; ++y) {
    for (int x = 0; x < 4; ++x) EXPECT_EQ(c.at(2 + x, 1 + y), expected(x, y));
  }
  EXPECT_EQ(c.changed(0), (Rect{2, 1, 4, 3}));
}

TEST(Blit, IntegerScaleMakesBlocks) {
  const auto data = rgb888_image();
  Canvas c(40, 40);
  blit(c.surface(), Image{data.data(), 4, 3, 12, ImageFormat::kRgb888}, 0, 0, 8);
  for (int y = 0; y < 24; ++y) {
    for (int x = 0; x < 32; ++x) ASSERT_EQ(c.at(x, y), expected(x / 8, y / 8));
  }
  EXPECT_TRUE(
      blit(c.surface(), Image{data.data(), 4, 3, 12, ImageFormat::kRgb888}, 0, 0, 0).empty());
}

TEST(Blit, NearestScalingDownAndUp) {
  // 8x8 grey ramp: value x * 16 + y.
  std::vector<uint8_t> grey(64);
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) grey[y * 8 + x] = static_cast<uint8_t>(x * 16 + y);
  }
  const Image img{grey.data(), 8, 8, 8, ImageFormat::kGrey8};
  Canvas c(20, 20);
  blit_scaled(c.surface(), img, Rect{0, 0, 3, 5});
  for (int y = 0; y < 5; ++y) {
    for (int x = 0; x < 3; ++x) {
      const uint8_t v = grey[(y * 8 / 5) * 8 + x * 8 / 3];
      EXPECT_EQ(c.at(x, y), rgb565(v, v, v)) << x << "," << y;
    }
  }
  Canvas d(20, 20);
  blit_scaled(d.surface(), img, Rect{0, 0, 12, 20});
  for (int y = 0; y < 20; ++y) {
    for (int x = 0; x < 12; ++x) {
      const uint8_t v = grey[(y * 8 / 20) * 8 + x * 8 / 12];
      ASSERT_EQ(d.at(x, y), rgb565(v, v, v)) << x << "," << y;
    }
  }
}

TEST(Blit, Rgb565CameraFrameWithPaddedRows) {
  // 3x2 little-endian RGB565 with 2 padding bytes per row, as a Camera delivers it.
  const uint16_t px[2][3] = {{0xF800, 0x07E0, 0x001F}, {0x1234, 0xABCD, 0xFFFF}};
  std::vector<uint8_t> frame(8 * 2, 0xEE);
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 3; ++x) {
      frame[y * 8 + 2 * x] = px[y][x] & 0xFF;
      frame[y * 8 + 2 * x + 1] = px[y][x] >> 8;
    }
  }
  const tt::hal::FrameFormat f{tt::hal::PixelFormat::kRgb565, 3, 2, 8};
  Canvas c(5, 5);
  blit(c.surface(), image_of_frame(f, frame.data()), 1, 1);
  for (int y = 0; y < 2; ++y) {
    for (int x = 0; x < 3; ++x) EXPECT_EQ(c.at(1 + x, 1 + y), px[y][x]);
  }
}

TEST(Blit, ClippingDoesNotShiftThePicture) {
  const auto data = rgb888_image();
  const Image img{data.data(), 4, 3, 12, ImageFormat::kRgb888};
  Canvas c(10, 10);
  EXPECT_EQ(blit(c.surface(), img, -6, -2, 3), (Rect{0, 0, 6, 7}));
  for (int y = 0; y < 7; ++y) {
    for (int x = 0; x < 6; ++x) ASSERT_EQ(c.at(x, y), expected((x + 6) / 3, (y + 2) / 3));
  }
  EXPECT_TRUE(c.untouched_outside());
}

TEST(Blit, NeverWritesOutside) {
  const auto data = rgb888_image();
  const Image img{data.data(), 4, 3, 12, ImageFormat::kRgb888};
  const Rect dsts[] = {{-3, -3, 50, 50},
                       {8, 8, 100, 3},
                       {-100, 5, 101, 1},
                       {INT_MIN, INT_MIN, INT_MAX, INT_MAX},
                       {9, 9, INT_MAX, INT_MAX},
                       {INT_MAX - 2, 0, 5, 5},
                       {0, 0, 1, 1},
                       {10, 10, 4, 4}};
  for (const Rect& r : dsts) {
    Canvas c(10, 10);
    blit_scaled(c.surface(), img, r);
    EXPECT_TRUE(c.untouched_outside()) << r.x << "," << r.y << " " << r.w << "x" << r.h;
  }
  Canvas c(10, 10);
  for (int x = -20; x <= 12; x += 4) blit(c.surface(), img, x, x / 2, 5);
  EXPECT_TRUE(c.untouched_outside());
}

TEST(Blit, InvalidImagesDrawNothing) {
  const auto data = rgb888_image();
  Canvas c(10, 10);
  EXPECT_TRUE(blit(c.surface(), Image{nullptr, 4, 3, 12, ImageFormat::kRgb888}, 0, 0).empty());
  EXPECT_TRUE(blit(c.surface(), Image{data.data(), 4, 3, 11, ImageFormat::kRgb888}, 0, 0).empty());
  EXPECT_TRUE(blit(c.surface(), Image{data.data(), 0, 3, 12, ImageFormat::kRgb888}, 0, 0).empty());
  EXPECT_TRUE(
      blit(c.surface(), Image{data.data(), 4, 3, 12, ImageFormat::kRgb888}, 0, 0, INT_MAX).empty());
  EXPECT_EQ(c.changed(0), Rect{});
}

}  // namespace
}  // namespace tt::tests::hal
