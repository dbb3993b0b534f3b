// Rectangles and bars: what they paint, what they return, and that no argument makes them
// write outside the surface.
#include "hal/draw/draw.h"

#include <gtest/gtest.h>

#include <climits>

#include "hal/draw/colour.h"
#include "tests/hal/draw/canvas.h"

namespace tt::tests::hal {
namespace {

using tt::hal::Rect;
using namespace tt::hal::draw;

TEST(Colour, PacksAndWidens) {
  EXPECT_EQ(rgb565(255, 255, 255), 0xFFFF);
  EXPECT_EQ(rgb565(255, 0, 0), 0xF800);
  EXPECT_EQ(rgb565(0, 255, 0), 0x07E0);
  EXPECT_EQ(rgb565(0, 0, 255), 0x001F);
  EXPECT_EQ(rgb565(8, 4, 8), 0x0821);
  for (int v = 0; v < 256; ++v) {
    const uint16_t c = rgb565(v, v, v);
    EXPECT_EQ(red_of(c) >> 3, v >> 3);
    EXPECT_EQ(green_of(c) >> 2, v >> 2);
    EXPECT_EQ(blue_of(c) >> 3, v >> 3);
  }
  EXPECT_EQ(red_of(kWhite), 255);
  EXPECT_EQ(green_of(kBlack), 0);
}

TEST(FillRect, PaintsExactlyTheRectangle) {
  Canvas c(40, 30);
  EXPECT_EQ(fill_rect(c.surface(), Rect{5, 6, 7, 8}, kRed), (Rect{5, 6, 7, 8}));
  EXPECT_EQ(c.changed(0), (Rect{5, 6, 7, 8}));
  EXPECT_EQ(c.count(kRed), 56);
  EXPECT_TRUE(c.untouched_outside());
}

TEST(FillRect, ClipsEveryWayAndNeverWritesOutside) {
  const Rect cases[] = {
      {-5, -5, 10, 10},
      {35, 25, 10, 10},
      {-100, 10, 500, 3},
      {10, -100, 3, 500},
      {-50, -50, 10, 10},
      {40, 0, 5, 5},
      {0, 30, 5, 5},
      {INT_MIN, INT_MIN, INT_MAX, INT_MAX},
      {INT_MAX - 1, 0, INT_MAX, 5},
      {0, 0, INT_MAX, INT_MAX},
      {5, 5, -3, 4},
      {5, 5, 0, 4},
  };
  for (const Rect& r : cases) {
    Canvas c(40, 30);
    const Rect got = fill_rect(c.surface(), r, kWhite);
    EXPECT_TRUE(c.untouched_outside()) << r.x << "," << r.y << " " << r.w << "x" << r.h;
    EXPECT_EQ(got, tt::hal::intersect(r, Rect{0, 0, 40, 30}));
    EXPECT_EQ(c.changed(0), got);
  }
}

TEST(FillRect, InvalidSurfaceDrawsNothing) {
  EXPECT_TRUE(fill_rect(tt::hal::Surface{}, Rect{0, 0, 5, 5}, kRed).empty());
  Canvas c(10, 10);
  tt::hal::Surface s = c.surface();
  s.stride = 5;  // < width
  EXPECT_TRUE(fill_rect(s, Rect{0, 0, 5, 5}, kRed).empty());
  EXPECT_EQ(c.count(kRed), 0);
}

TEST(DrawRect, OutlineOfTheGivenThickness) {
  Canvas c(40, 30);
  EXPECT_EQ(draw_rect(c.surface(), Rect{2, 3, 10, 8}, kGreen, 2), (Rect{2, 3, 10, 8}));
  EXPECT_EQ(c.count(kGreen), 10 * 8 - 6 * 4);
  EXPECT_EQ(c.at(6, 6), 0);  // the inside stays
  EXPECT_EQ(c.at(3, 4), kGreen);
  Canvas d(40, 30);
  draw_rect(d.surface(), Rect{0, 0, 6, 6}, kGreen, 3);  // thickness covers it: filled
  EXPECT_EQ(d.count(kGreen), 36);
  EXPECT_TRUE(draw_rect(d.surface(), Rect{0, 0, 6, 6}, kGreen, 0).empty());
}

TEST(DrawRect, ClipsWithoutMovingTheEdges) {
  Canvas c(20, 20);
  draw_rect(c.surface(), Rect{-5, -5, 15, 15}, kBlue);
  EXPECT_EQ(c.count(kBlue), 19);  // only the right and bottom edges are on the surface
  EXPECT_EQ(c.at(9, 0), kBlue);
  EXPECT_EQ(c.at(0, 9), kBlue);
  EXPECT_TRUE(c.untouched_outside());
  Canvas d(20, 20);
  draw_rect(d.surface(), Rect{INT_MIN, INT_MIN, INT_MAX, INT_MAX}, kBlue, INT_MAX);
  draw_rect(d.surface(), Rect{INT_MAX - 3, 2, INT_MAX, 4}, kBlue, 2);
  EXPECT_TRUE(d.untouched_outside());
}

TEST(DrawHbar, FillsInProportionAndClamps) {
  struct Case {
    int32_t value, max;
    int filled;
  };
  const Case cases[] = {{0, 100, 0},
                        {50, 100, 50},
                        {100, 100, 100},
                        {150, 100, 100},
                        {-20, 100, 0},
                        {1, 3, 33},
                        {5, 0, 0},
                        {5, -4, 0},
                        {INT32_MAX, INT32_MAX, 100},
                        {INT32_MAX - 1, INT32_MAX, 99}};
  for (const Case& k : cases) {
    Canvas c(120, 10);
    EXPECT_EQ(draw_hbar(c.surface(), Rect{10, 2, 100, 5}, k.value, k.max, kGreen, kDarkGrey),
              (Rect{10, 2, 100, 5}));
    EXPECT_EQ(c.count(kGreen), k.filled * 5) << k.value << "/" << k.max;
    EXPECT_EQ(c.count(kDarkGrey), (100 - k.filled) * 5);
    if (k.filled > 0) {
      EXPECT_EQ(c.at(10, 2), kGreen);
    }
    EXPECT_TRUE(c.untouched_outside());
  }
}

TEST(DrawHbar, ClipsAtTheEdges) {
  Canvas c(50, 10);
  EXPECT_EQ(draw_hbar(c.surface(), Rect{-50, 8, 200, 5}, 100, 200, kGreen, kRed),
            (Rect{0, 8, 50, 2}));
  EXPECT_EQ(c.count(kGreen), 50 * 2);  // the filled half ends at x = 50, the surface edge
  EXPECT_TRUE(c.untouched_outside());
}

}  // namespace
}  // namespace tt::tests::hal
