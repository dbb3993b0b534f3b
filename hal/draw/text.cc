// Text rendering: each lit font pixel becomes a scale x scale block via fill_rect(), which
// does all the clipping.
#include "hal/draw/text.h"

#include "hal/draw/draw.h"
#include "hal/draw/font.h"

namespace tt::hal::draw {
namespace {

int clamp_scale(int scale) {
  return scale < 1 ? 1 : (scale > kMaxTextScale ? kMaxTextScale : scale);
}

}  // namespace

Rect text_box(int x, int y, const char* text, int scale) {
  if (text == nullptr || *text == '\0') return Rect{};
  scale = clamp_scale(scale);
  long long widest = 0, line = 0, lines = 1;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '\n') {
      ++lines;
      line = 0;
    } else if (++line > widest) {
      widest = line;
    }
  }
  // Saturate rather than overflow for absurdly long strings; draw_text clips anyway.
  constexpr long long kMax = 1 << 30;
  const long long w = widest * kCellWidth * scale, h = lines * kCellHeight * scale;
  return Rect{x, y, static_cast<int>(w < kMax ? w : kMax), static_cast<int>(h < kMax ? h : kMax)};
}

Rect draw_text(const Surface& s, int x, int y, const char* text, const TextStyle& style) {
  if (!s.valid() || text == nullptr) return Rect{};
  const int scale = clamp_scale(style.scale);
  const Rect clip = intersect(text_box(x, y, text, scale), s.bounds());
  if (clip.empty()) return Rect{};
  long long cx = x, cy = y;  // 64-bit: a long string may run far past the surface
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '\n') {
      cx = x;
      cy += kCellHeight * scale;
      continue;
    }
    const Rect cell{static_cast<int>(cx), static_cast<int>(cy), kCellWidth * scale,
                    kCellHeight * scale};
    // Cells wholly outside the surface cost nothing; that also keeps cx/cy casts in range
    // for every cell that is drawn.
    if (cx < s.width && cy < s.height && cx + cell.w > 0 && cy + cell.h > 0) {
      if (style.opaque) fill_rect(s, cell, style.bg);
      const uint8_t* rows = glyph_rows(*p);
      for (int gy = 0; gy < kGlyphHeight; ++gy) {
        for (int gx = 0; gx < kGlyphWidth; ++gx) {
          if (rows[gy] & (0x10 >> gx)) {
            fill_rect(s, Rect{cell.x + gx * scale, cell.y + gy * scale, scale, scale}, style.fg);
          }
        }
      }
    }
    cx += kCellWidth * scale;
  }
  return clip;
}

}  // namespace tt::hal::draw
