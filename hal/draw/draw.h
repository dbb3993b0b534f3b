// Drawing primitives on any RGB565 surface (a Display's framebuffer, an off-screen buffer):
// filled and outlined rectangles and horizontal score bars. Text is in text.h, images in
// blit.h.
//
// Every function clips to the surface and never writes outside it, whatever the arguments
// (negative, huge or empty rectangles included), and does nothing on an invalid surface.
// Each returns the clipped rectangle it may have changed, ready for Display::mark_dirty().
// No heap, no asserts: usable from apps and firmware alike.
#pragma once

#include <cstdint>

#include "tt/hal/surface.h"

namespace tt::hal::draw {

// One pixel; out-of-bounds coordinates draw nothing.
Rect set_pixel(const Surface& s, int x, int y, uint16_t colour);

Rect fill_rect(const Surface& s, const Rect& r, uint16_t colour);

// An outline `thickness` pixels wide drawn inside r (a thickness covering r fills it).
Rect draw_rect(const Surface& s, const Rect& r, uint16_t colour, int thickness = 1);

// A score bar filling box from the left: floor(box.w * value / max_value) pixels in fg, the
// rest in bg. value is clamped to [0, max_value]; max_value <= 0 draws an empty bar. (Edges
// beyond +-2^20 are first clamped there, which only matters for absurdly wide boxes.)
Rect draw_hbar(const Surface& s, const Rect& box, int32_t value, int32_t max_value, uint16_t fg,
               uint16_t bg);

}  // namespace tt::hal::draw
