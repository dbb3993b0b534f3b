// Rectangles and bars; all clipping goes through intersect() with the surface bounds.
#include "hal/draw/draw.h"

namespace tt::hal::draw {
namespace {

// Edges far outside any surface are pulled in to +-2^20 so the edge arithmetic below cannot
// overflow; an edge outside the surface stays outside, so what is drawn does not change.
Rect tame(const Rect& r) {
  constexpr long long kLimit = 1 << 20;
  auto clamp = [](long long v) { return v < -kLimit ? -kLimit : (v > kLimit ? kLimit : v); };
  const long long x0 = clamp(r.x), y0 = clamp(r.y);
  const long long x1 = clamp(static_cast<long long>(r.x) + r.w);
  const long long y1 = clamp(static_cast<long long>(r.y) + r.h);
  return Rect{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
              static_cast<int>(y1 - y0)};
}

}  // namespace

Rect set_pixel(const Surface& s, int x, int y, uint16_t colour) {
  return fill_rect(s, Rect{x, y, 1, 1}, colour);
}

Rect fill_rect(const Surface& s, const Rect& r, uint16_t colour) {
  if (!s.valid()) return Rect{};
  const Rect c = intersect(r, s.bounds());
  for (int y = c.y; y < c.y + c.h; ++y) {
    uint16_t* row = s.pixels + static_cast<long>(y) * s.stride;
    for (int x = c.x; x < c.x + c.w; ++x) row[x] = colour;
  }
  return c;
}

Rect draw_rect(const Surface& s, const Rect& rect, uint16_t colour, int thickness) {
  if (!s.valid() || rect.empty() || thickness <= 0) return Rect{};
  const Rect r = tame(rect);
  const int t = thickness;
  if (2LL * t >= r.w || 2LL * t >= r.h) return fill_rect(s, r, colour);
  fill_rect(s, Rect{r.x, r.y, r.w, t}, colour);                        // top
  fill_rect(s, Rect{r.x, r.y + r.h - t, r.w, t}, colour);              // bottom
  fill_rect(s, Rect{r.x, r.y + t, t, r.h - 2 * t}, colour);            // left
  fill_rect(s, Rect{r.x + r.w - t, r.y + t, t, r.h - 2 * t}, colour);  // right
  return intersect(r, s.bounds());
}

Rect draw_hbar(const Surface& s, const Rect& bar, int32_t value, int32_t max_value, uint16_t fg,
               uint16_t bg) {
  if (!s.valid() || bar.empty()) return Rect{};
  const Rect box = tame(bar);
  if (value < 0 || max_value <= 0) value = 0;
  if (value > max_value) value = max_value;
  // 64-bit product: a full-width bar times a large score does not fit in 32 bits.
  const int filled =
      max_value <= 0 ? 0 : static_cast<int>(static_cast<int64_t>(box.w) * value / max_value);
  fill_rect(s, Rect{box.x, box.y, filled, box.h}, fg);
  fill_rect(s, Rect{box.x + filled, box.y, box.w - filled, box.h}, bg);
  return intersect(box, s.bounds());
}

}  // namespace tt::hal::draw
