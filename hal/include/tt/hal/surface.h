// Surface and Rect: a view of an RGB565 framebuffer and a rectangle on it, the common ground
// of the Display interface and the drawing layer (hal/draw), which draws into any surface.
//
// A pixel is one uint16_t (R in bits 15..11, G 10..5, B 4..0) in the CPU's byte order; a
// backend that sends pixels elsewhere (an SPI LCD, the link) converts on the way out.
#pragma once

#include <cstdint>

namespace tt::hal {

struct Rect {
  int x = 0;
  int y = 0;
  int w = 0;
  int h = 0;

  constexpr bool empty() const { return w <= 0 || h <= 0; }
  constexpr bool operator==(const Rect& o) const {
    return (empty() && o.empty()) || (x == o.x && y == o.y && w == o.w && h == o.h);
  }
  constexpr bool operator!=(const Rect& o) const { return !(*this == o); }
};

// The overlap of two rectangles; empty (w = h = 0) when they do not overlap. The edges are
// computed in 64 bits, so any int coordinates and sizes are safe.
constexpr Rect intersect(const Rect& a, const Rect& b) {
  if (a.empty() || b.empty()) return Rect{};
  using i64 = long long;
  const i64 x0 = a.x > b.x ? a.x : b.x;
  const i64 y0 = a.y > b.y ? a.y : b.y;
  const i64 ax1 = static_cast<i64>(a.x) + a.w, bx1 = static_cast<i64>(b.x) + b.w;
  const i64 ay1 = static_cast<i64>(a.y) + a.h, by1 = static_cast<i64>(b.y) + b.h;
  const i64 x1 = ax1 < bx1 ? ax1 : bx1;
  const i64 y1 = ay1 < by1 ? ay1 : by1;
  if (x1 <= x0 || y1 <= y0) return Rect{};
  return Rect{static_cast<int>(x0), static_cast<int>(y0), static_cast<int>(x1 - x0),
              static_cast<int>(y1 - y0)};
}

// The smallest rectangle holding both; an empty operand is ignored. For rectangles whose
// right and bottom edges fit in an int (clip them first when they may not).
constexpr Rect bounding_union(const Rect& a, const Rect& b) {
  if (a.empty()) return b.empty() ? Rect{} : b;
  if (b.empty()) return a;
  const int x0 = a.x < b.x ? a.x : b.x;
  const int y0 = a.y < b.y ? a.y : b.y;
  const int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
  const int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
  return Rect{x0, y0, x1 - x0, y1 - y0};
}

struct Surface {
  uint16_t* pixels = nullptr;
  int width = 0;
  int height = 0;
  int stride = 0;  // pixels (not bytes) from the start of one row to the next, >= width

  constexpr Rect bounds() const { return Rect{0, 0, width, height}; }
  constexpr bool valid() const {
    return pixels != nullptr && width > 0 && height > 0 && stride >= width;
  }
};

}  // namespace tt::hal
