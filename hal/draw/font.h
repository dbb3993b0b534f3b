// The drawing layer's bitmap font: our own 5x7 design for printable ASCII (32..126), drawn
// in a 6x8 cell (one blank column on the right, one blank row below) so text needs no
// kerning logic. Anything outside 32..126 is drawn as a hollow box.
#pragma once

#include <cstdint>

namespace tt::hal::draw {

inline constexpr int kGlyphWidth = 5;
inline constexpr int kGlyphHeight = 7;
inline constexpr int kCellWidth = 6;
inline constexpr int kCellHeight = 8;
inline constexpr int kFirstGlyph = 32;
inline constexpr int kLastGlyph = 126;

// kGlyphHeight rows, top first; in each row bit 4 is the leftmost column, bit 0 the rightmost.
const uint8_t* glyph_rows(char c);

}  // namespace tt::hal::draw
