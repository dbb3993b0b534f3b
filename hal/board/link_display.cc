// LinkDisplay: see link_display.h.
#include "hal/board/link_display.h"

namespace tt::hal::board {

LinkDisplay::LinkDisplay(BoardLink& link, uint16_t* pixels, int width, int height)
    : link_(link), pixels_(pixels), width_(width), height_(height) {}

Surface LinkDisplay::surface() {
  Surface s;
  s.pixels = pixels_;
  s.width = width_;
  s.height = height_;
  s.stride = width_;
  return s;
}

void LinkDisplay::mark_dirty(const Rect& r) {
  dirty_ = bounding_union(dirty_, intersect(r, Rect{0, 0, width_, height_}));
}

HalStatus LinkDisplay::flush() {
  if (dirty_.empty()) return HalStatus::kOk;
  const Rect r = dirty_;
  dirty_ = Rect{};
  return flush_region(r);
}

HalStatus LinkDisplay::flush_region(const Rect& region) {
  const Rect c = intersect(region, Rect{0, 0, width_, height_});
  if (c.empty()) return HalStatus::kOk;
  if (min_interval_ == 0 || clock_ == nullptr) return send(c);
  pending_ = bounding_union(pending_, c);
  const uint64_t now = clock_->ticks();
  if (sent_any_ && now - last_sent_ < min_interval_) return HalStatus::kOk;
  sent_any_ = true;
  last_sent_ = now;
  const Rect r = pending_;
  pending_ = Rect{};
  return send(r);
}

HalStatus LinkDisplay::send(const Rect& c) {
  // As many whole rows of the region as fit one payload. The pixels go out straight from
  // the framebuffer (RGB565 in the MCU's little-endian order is the wire order).
  const int row_bytes = c.w * 2;
  const int rows_per_frame = static_cast<int>((link::kMaxPayload - link::LcdRect::kBytes) /
                                              static_cast<size_t>(row_bytes));
  uint8_t header[link::LcdRect::kBytes];
  link::Span pieces[1 + 64];
  for (int y = c.y; y < c.y + c.h;) {
    int rows = c.y + c.h - y;
    if (rows > rows_per_frame) rows = rows_per_frame;
    if (rows > 64) rows = 64;
    link::Writer w(header, sizeof header);
    link::LcdRect{static_cast<uint16_t>(c.x), static_cast<uint16_t>(y), static_cast<uint16_t>(c.w),
                  static_cast<uint16_t>(rows)}
        .write(w);
    pieces[0] = {header, sizeof header};
    for (int i = 0; i < rows; ++i) {
      pieces[1 + i] = {pixels_ + static_cast<size_t>(y + i) * width_ + c.x,
                       static_cast<size_t>(row_bytes)};
    }
    link_.send(link::MsgType::kLcdRegion, pieces, 1 + rows);
    bytes_sent_ += static_cast<uint32_t>(rows * row_bytes);
    y += rows;
  }
  link::Writer w(header, sizeof header);
  link::LcdRect{static_cast<uint16_t>(c.x), static_cast<uint16_t>(c.y), static_cast<uint16_t>(c.w),
                static_cast<uint16_t>(c.h)}
      .write(w);
  link_.send(link::MsgType::kLcdFlush, header, sizeof header);
  return HalStatus::kOk;
}

}  // namespace tt::hal::board
