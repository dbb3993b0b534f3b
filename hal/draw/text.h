// Text on an RGB565 surface with the project's bitmap font (font.h), magnified by an integer
// factor: "Predicted: 7" at scale 3 for the MNIST app, labels and scores at scale 1 or 2.
//
// Layout: each character takes a kCellWidth x kCellHeight cell times scale, left to right from
// (x, y); '\n' starts a new line at x. The text's box (text_box()) is the widest line times
// the number of lines; nothing is drawn outside it, nor outside the surface.
#pragma once

#include <cstdint>

#include "tt/hal/surface.h"

namespace tt::hal::draw {

inline constexpr int kMaxTextScale = 64;

struct TextStyle {
  uint16_t fg = 0xFFFF;
  uint16_t bg = 0x0000;
  bool opaque = false;  // paint each cell's background too (redraws without a separate clear)
  int scale = 1;        // clamped to [1, kMaxTextScale]
};

// The box draw_text() would cover at (x, y); empty for an empty string.
Rect text_box(int x, int y, const char* text, int scale);

// Draws text (nullptr draws nothing) and returns its box clipped to the surface.
Rect draw_text(const Surface& s, int x, int y, const char* text, const TextStyle& style);

}  // namespace tt::hal::draw
