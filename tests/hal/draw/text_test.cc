// Text and the font: every printable glyph has ink (except space) and fits its 5x7 box, text
// stays inside text_box() and the surface, and scaling magnifies exactly.
#include "hal/draw/text.h"

#include <gtest/gtest.h>

#include <climits>
#include <set>
#include <string>
#include <vector>

#include "hal/draw/colour.h"
#include "hal/draw/font.h"
#include "tests/hal/draw/canvas.h"

namespace tt::tests::hal {
namespace {

using tt::hal::Rect;
using namespace tt::hal::draw;

std::string printable() {
  std::string s;
  for (int c = kFirstGlyph; c <= kLastGlyph; ++c) s += static_cast<char>(c);
  return s;
}

TEST(Font, EveryPrintableGlyphHasInkExceptSpaceAndFitsFiveColumns) {
  for (int c = kFirstGlyph; c <= kLastGlyph; ++c) {
    const uint8_t* rows = glyph_rows(static_cast<char>(c));
    int ink = 0;
    for (int y = 0; y < kGlyphHeight; ++y) {
      EXPECT_EQ(rows[y] & ~0x1F, 0) << "glyph " << c << " row " << y;
      ink += __builtin_popcount(rows[y]);
    }
    if (c == ' ') {
      EXPECT_EQ(ink, 0);
    } else {
      EXPECT_GT(ink, 0) << "glyph '" << static_cast<char>(c) << "' is empty";
    }
  }
}

TEST(Font, GlyphsAreDistinct) {
  std::set<std::vector<uint8_t>> seen;
  for (int c = kFirstGlyph; c <= kLastGlyph; ++c) {
    const uint8_t* rows = glyph_rows(static_cast<char>(c));
    EXPECT_TRUE(seen.insert(std::vector<uint8_t>(rows, rows + kGlyphHeight)).second)
        << "glyph '" << static_cast<char>(c) << "' duplicates another";
  }
}

TEST(Font, NonPrintableCharactersShowTheReplacementBox) {
  const uint8_t* box = glyph_rows('\x01');
  EXPECT_EQ(glyph_rows('\x7f'), box);
  EXPECT_EQ(glyph_rows(static_cast<char>(0xC3)), box);
  EXPECT_EQ(box[0], 0x1F);
}

TEST(TextBox, CellsTimesScaleWidestLineTimesLines) {
  EXPECT_EQ(text_box(3, 4, "abc", 1), (Rect{3, 4, 18, 8}));
  EXPECT_EQ(text_box(3, 4, "abc", 2), (Rect{3, 4, 36, 16}));
  EXPECT_EQ(text_box(0, 0, "ab\nlonger\n", 1), (Rect{0, 0, 36, 24}));
  EXPECT_TRUE(text_box(0, 0, "", 3).empty());
  EXPECT_TRUE(text_box(0, 0, nullptr, 3).empty());
  EXPECT_EQ(text_box(0, 0, "a", 0), (Rect{0, 0, 6, 8}));  // scale clamped to 1
  EXPECT_EQ(text_box(0, 0, "a", 1000).w, kCellWidth * kMaxTextScale);
}

TEST(DrawText, RendersInsideItsBox) {
  const std::string all = printable();
  for (int scale : {1, 2, 3}) {
    for (size_t i = 0; i < all.size(); i += 16) {
      const std::string s = all.substr(i, 16) + "\n" + all.substr(i, 5);
      Canvas c(320, 240);
      const Rect box = text_box(7, 9, s.c_str(), scale);
      const Rect got = draw_text(c.surface(), 7, 9, s.c_str(), TextStyle{kWhite, 0, false, scale});
      EXPECT_EQ(got, box);
      const Rect ink = c.changed(0);
      EXPECT_EQ(tt::hal::intersect(ink, box), ink) << s;
      EXPECT_FALSE(ink.empty());
      EXPECT_TRUE(c.untouched_outside());
    }
  }
}

TEST(DrawText, OpaqueFillsTheWholeBox) {
  Canvas c(100, 40);
  const Rect box = draw_text(c.surface(), 1, 2, "Hi!", TextStyle{kWhite, kBlue, true, 2});
  EXPECT_EQ(box, (Rect{1, 2, 36, 16}));
  EXPECT_EQ(c.changed(0), box);
  EXPECT_EQ(c.count(kBlue) + c.count(kWhite), 36 * 16);
}

TEST(DrawText, ScaleMagnifiesEachFontPixel) {
  Canvas one(40, 20), three(40, 30);
  draw_text(one.surface(), 0, 0, "A", TextStyle{kWhite, 0, false, 1});
  draw_text(three.surface(), 0, 0, "A", TextStyle{kWhite, 0, false, 3});
  for (int y = 0; y < 24; ++y) {
    for (int x = 0; x < 18; ++x) ASSERT_EQ(three.at(x, y), one.at(x / 3, y / 3)) << x << "," << y;
  }
  EXPECT_EQ(three.count(kWhite), 9 * one.count(kWhite));
}

TEST(DrawText, TheGlyphIsDrawnWhereTheTableSaysSo) {
  Canvas c(10, 10);
  draw_text(c.surface(), 0, 0, "7", TextStyle{kWhite, 0, false, 1});
  const uint8_t* rows = glyph_rows('7');
  for (int y = 0; y < kGlyphHeight; ++y) {
    for (int x = 0; x < kGlyphWidth; ++x) {
      EXPECT_EQ(c.at(x, y) == kWhite, ((rows[y] >> (4 - x)) & 1) != 0) << x << "," << y;
    }
  }
}

TEST(DrawText, ClipsAtEveryEdge) {
  const std::string all = printable();
  const int xs[] = {-1000, -50, -3, 0, 60, 95, 99, 100, INT_MAX - 5, INT_MIN};
  for (int x : xs) {
    for (int y : {-20, -3, 0, 35, 39, 40, INT_MAX, INT_MIN + 1}) {
      Canvas c(100, 40);
      draw_text(c.surface(), x, y, (all + "\n" + all).c_str(), TextStyle{kWhite, kRed, true, 4});
      ASSERT_TRUE(c.untouched_outside()) << x << "," << y;
    }
  }
}

}  // namespace
}  // namespace tt::tests::hal
