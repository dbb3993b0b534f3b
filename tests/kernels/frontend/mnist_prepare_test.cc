// mnist_prepare: a drawn box and a stroke end up 20 pixels on their larger side with their
// centre of mass at (14, 14); an empty canvas, a single pixel, a full canvas, dark ink,
// colour canvases, the noise threshold and a lopsided shape that must not be cut.
#include "kernels/frontend/mnist_prepare.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

namespace tt::tests {
namespace {

using kernels::Status;
using namespace kernels::frontend;

struct Canvas {
  int32_t w, h;
  std::vector<uint8_t> px;
  Canvas(int32_t width, int32_t height, uint8_t background = 0)
      : w(width), h(height), px(static_cast<size_t>(width) * height, background) {}
  void fill(int32_t x0, int32_t y0, int32_t x1, int32_t y1, uint8_t v) {  // [x0, x1) x [y0, y1)
    for (int32_t y = y0; y < y1; ++y) {
      for (int32_t x = x0; x < x1; ++x) px[y * w + x] = v;
    }
  }
  ImageView view() const { return {px.data(), w, h, 0, PixelFormat::kGray8}; }
};

struct Prepared {
  MnistPrepareResult r;
  std::vector<uint8_t> img = std::vector<uint8_t>(28 * 28, 0xAA);
  int32_t left = 28, right = -1, top = 28, bottom = -1;  // bounding box of non-zero output
  double cx = 0, cy = 0;                                 // centre of mass of the output
  int64_t mass = 0;
};

Prepared prepare(const ImageView& v, MnistPrepareOptions o = {}) {
  Prepared p;
  p.r = mnist_prepare(v, o, p.img.data());
  EXPECT_EQ(p.r.status, Status::kOk);
  for (int32_t y = 0; y < 28; ++y) {
    for (int32_t x = 0; x < 28; ++x) {
      const int32_t ink = p.img[y * 28 + x];
      if (ink == 0) continue;
      p.left = std::min(p.left, x);
      p.right = std::max(p.right, x);
      p.top = std::min(p.top, y);
      p.bottom = std::max(p.bottom, y);
      p.mass += ink;
      p.cx += static_cast<double>(ink) * x;
      p.cy += static_cast<double>(ink) * y;
    }
  }
  if (p.mass > 0) {
    p.cx /= p.mass;
    p.cy /= p.mass;
  }
  return p;
}

TEST(MnistPrepare, EmptyCanvasGivesZerosAndSaysSo) {
  const Canvas c(200, 150);
  const Prepared p = prepare(c.view());
  EXPECT_TRUE(p.r.empty);
  EXPECT_EQ(p.mass, 0);
  for (uint8_t v : p.img) ASSERT_EQ(v, 0);
  // A light canvas with dark ink expected is empty too.
  const Canvas white(50, 50, 255);
  MnistPrepareOptions dark;
  dark.dark_ink = true;
  EXPECT_TRUE(prepare(white.view(), dark).r.empty);
}

TEST(MnistPrepare, SinglePixelBecomesA20x20BlockAtTheCentre) {
  Canvas c(100, 80);
  c.px[37 * 100 + 61] = 200;
  const Prepared p = prepare(c.view());
  EXPECT_FALSE(p.r.empty);
  EXPECT_EQ(p.r.ink.x, 61);
  EXPECT_EQ(p.r.ink.y, 37);
  EXPECT_EQ(p.r.ink.width, 1);
  // Centroid 9.5 in the block: offset round(14 - 9.5) = 5 (halves up).
  EXPECT_EQ(p.r.offset_x, 5);
  EXPECT_EQ(p.r.offset_y, 5);
  for (int32_t y = 0; y < 28; ++y) {
    for (int32_t x = 0; x < 28; ++x) {
      const bool inside = x >= 5 && x < 25 && y >= 5 && y < 25;
      ASSERT_EQ(p.img[y * 28 + x], inside ? 200 : 0) << x << "," << y;
    }
  }
}

TEST(MnistPrepare, FullCanvasKeepsItsAspect) {
  const Canvas c(50, 30, 255);
  const Prepared p = prepare(c.view());
  EXPECT_EQ(p.r.digit_width, 20);
  EXPECT_EQ(p.r.digit_height, 12);
  EXPECT_EQ(p.right - p.left + 1, 20);
  EXPECT_EQ(p.bottom - p.top + 1, 12);
  EXPECT_EQ(p.r.offset_y, 9);  // round(14 - 5.5)
  EXPECT_EQ(p.mass, 20 * 12 * 255);
}

TEST(MnistPrepare, DrawnBoxIsCentredWithItsLargerSide20) {
  // A hollow 60x120 box with 8-pixel walls, off-centre on a 300x200 canvas.
  Canvas c(300, 200);
  c.fill(200, 30, 260, 150, 255);
  c.fill(208, 38, 252, 142, 0);
  const Prepared p = prepare(c.view());
  EXPECT_EQ(p.r.ink.width, 60);
  EXPECT_EQ(p.r.ink.height, 120);
  EXPECT_EQ(p.bottom - p.top + 1, 20);
  EXPECT_EQ(p.right - p.left + 1, 10);
  EXPECT_LE(std::fabs(p.cx - 14.0), 0.5);
  EXPECT_LE(std::fabs(p.cy - 14.0), 0.5);
  // The same drawing in dark ink on white, and as RGB888 and RGB565 canvases.
  Canvas inv = c;
  for (uint8_t& v : inv.px) v = static_cast<uint8_t>(255 - v);
  MnistPrepareOptions dark;
  dark.dark_ink = true;
  EXPECT_EQ(prepare(inv.view(), dark).img, p.img);
  std::vector<uint8_t> rgb, rgb565;
  for (uint8_t v : c.px) {
    rgb.insert(rgb.end(), {v, v, v});
    rgb565.insert(rgb565.end(),
                  {static_cast<uint8_t>(v ? 0xFF : 0), static_cast<uint8_t>(v ? 0xFF : 0)});
  }
  EXPECT_EQ(prepare({rgb.data(), 300, 200, 0, PixelFormat::kRgb888}).img, p.img);
  EXPECT_EQ(prepare({rgb565.data(), 300, 200, 0, PixelFormat::kRgb565}).img, p.img);
}

TEST(MnistPrepare, DiagonalStrokeIsCentred) {
  Canvas c(280, 280);
  for (int32_t i = 0; i < 180; ++i) c.fill(40 + i / 3, 50 + i, 40 + i / 3 + 12, 51 + i, 230);
  const Prepared p = prepare(c.view());
  EXPECT_EQ(p.bottom - p.top + 1, 20);
  EXPECT_LE(std::fabs(p.cx - 14.0), 0.5);
  EXPECT_LE(std::fabs(p.cy - 14.0), 0.5);
  // Anti-aliased: the diagonal edges give intermediate grey levels.
  int grey = 0;
  for (uint8_t v : p.img) grey += v > 0 && v < 230;
  EXPECT_GT(grey, 10);
}

TEST(MnistPrepare, LopsidedShapeIsNeverCut) {
  // An L whose mass sits in one corner: centring would push it out of the field.
  Canvas c(100, 100);
  c.fill(10, 10, 90, 90, 255);
  c.fill(12, 10, 90, 88, 0);
  c.fill(10, 10, 14, 14, 255);
  const Prepared p = prepare(c.view());
  EXPECT_GE(p.left, 0);
  EXPECT_LE(p.right, 27);
  EXPECT_EQ(p.bottom - p.top + 1, 20);
  EXPECT_EQ(p.right - p.left + 1, 20);
}

TEST(MnistPrepare, ThresholdIgnoresFaintNoise) {
  Canvas c(100, 100);
  c.fill(40, 20, 50, 80, 255);
  const Prepared clean = prepare(c.view());
  c.px[5 * 100 + 95] = 12;  // a faint speck far away
  MnistPrepareOptions o;
  o.ink_threshold = 20;
  EXPECT_EQ(prepare(c.view(), o).img, clean.img);
  EXPECT_NE(prepare(c.view()).r.ink.width, clean.r.ink.width);
}

TEST(MnistPrepare, FaintInkThatVanishesIsEmpty) {
  Canvas c(1000, 1000);
  c.px[0] = 1;
  c.px[999999] = 1;
  EXPECT_TRUE(prepare(c.view()).r.empty);
}

TEST(MnistPrepare, RejectsBadArguments) {
  uint8_t px[4] = {}, out[28 * 28];
  EXPECT_EQ(mnist_prepare({px, 2, 2, 0, PixelFormat::kGray8}, {}, nullptr).status,
            Status::kNullPointer);
  EXPECT_EQ(mnist_prepare({nullptr, 2, 2, 0, PixelFormat::kGray8}, {}, out).status,
            Status::kNullPointer);
  EXPECT_EQ(mnist_prepare({px, 0, 2, 0, PixelFormat::kGray8}, {}, out).status, Status::kBadShape);
  EXPECT_EQ(mnist_prepare({px, 2, 2, 1, PixelFormat::kGray8}, {}, out).status, Status::kBadShape);
}

}  // namespace
}  // namespace tt::tests
