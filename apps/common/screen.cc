#include "apps/common/screen.h"

#include <cstdio>
#include <cstring>

#include "hal/draw/colour.h"
#include "hal/draw/draw.h"
#include "hal/draw/font.h"
#include "hal/draw/text.h"

namespace tt::apps::screen {

namespace draw = tt::hal::draw;
using hal::Rect;

namespace {

constexpr uint16_t kTitleBar = draw::rgb565(40, 60, 110);
constexpr uint16_t kBarBack = draw::rgb565(48, 52, 60);
constexpr uint16_t kBar = draw::rgb565(90, 150, 230);
constexpr uint16_t kBarBest = draw::rgb565(80, 220, 120);

}  // namespace

void text(hal::Display& d, int x, int y, const char* s, uint16_t fg, int scale) {
  draw::TextStyle style;
  style.fg = fg;
  style.bg = kBackground;
  style.opaque = true;
  style.scale = scale;
  d.mark_dirty(draw::draw_text(d.surface(), x, y, s, style));
}

void clear(hal::Display& d) {
  d.mark_dirty(draw::fill_rect(d.surface(), d.surface().bounds(), kBackground));
}

void title(hal::Display& d, const char* app, const char* model) {
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, Rect{0, 0, s.width, kTitleHeight}, kTitleBar));
  draw::TextStyle style;
  style.fg = draw::kWhite;
  d.mark_dirty(draw::draw_text(s, 4, 3, app, style));
  const int w = draw::text_box(0, 0, model, 1).w;
  style.fg = draw::rgb565(190, 200, 220);
  d.mark_dirty(draw::draw_text(s, s.width - 4 - w, 3, model, style));
}

void status(hal::Display& d, const char* line) {
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, Rect{0, kStatusY, s.width, s.height - kStatusY}, kBackground));
  text(d, 4, kStatusY + 2, line, draw::rgb565(170, 180, 190));
}

void notice(hal::Display& d, const Rect& box, const char* line, uint16_t colour) {
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, box, kBackground));
  d.mark_dirty(draw::draw_rect(s, box, colour, 1));
  const Rect t = draw::text_box(0, 0, line, 1);
  text(d, box.x + (box.w - t.w) / 2, box.y + (box.h - t.h) / 2, line, colour);
}

int32_t percent(const InferenceReport& r, int32_t c) {
  const float p = r.probability(c) * 100.0f + 0.5f;
  return p < 0.0f ? 0 : p > 100.0f ? 100 : static_cast<int32_t>(p);
}

void score_bars(hal::Display& d, const Rect& box, const InferenceReport& r, int32_t first,
                int32_t rows) {
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, box, kBackground));
  const int32_t left = r.class_count - first;
  const int32_t n = left < rows ? left : rows;
  if (n <= 0 || first < 0) return;
  const int row_h = box.h / rows;
  const int label_w = 9 * draw::kCellWidth;
  const int pct_w = 5 * draw::kCellWidth;
  for (int32_t c = first; c < first + n; ++c) {
    const int y = box.y + (c - first) * row_h;
    char label[24];
    if (r.labels != nullptr) {
      std::snprintf(label, sizeof label, "%.8s", r.labels[c]);
    } else {
      std::snprintf(label, sizeof label, "class %d", static_cast<int>(c));
    }
    const bool best = c == r.top;
    text(d, box.x, y + (row_h - 8) / 2, label, best ? kBarBest : draw::kWhite);
    const Rect bar{box.x + label_w, y + 1, box.w - label_w - pct_w, row_h - 2};
    d.mark_dirty(draw::draw_hbar(s, bar, percent(r, c), 100, best ? kBarBest : kBar, kBarBack));
    char pct[8];
    std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(percent(r, c)));
    text(d, box.x + box.w - pct_w + 4, y + (row_h - 8) / 2, pct, draw::kWhite);
  }
}

AppStatus no_camera(const hal::Board& board, const hal::Rect& box, const char* text, char* message,
                    int32_t message_bytes, AppListener* listener) {
  std::snprintf(message, static_cast<size_t>(message_bytes), "%s", text);
  if (board.display != nullptr) notice(*board.display, box, "no camera", hal::draw::kOrange);
  if (listener != nullptr) listener->on_message(message);
  return AppStatus::kNoInput;
}

void format_ticks(char* out, int32_t out_bytes, uint64_t ticks, const hal::Clock& clock) {
  // Fixed point, not %f: the firmware's newlib-nano printf has no floating point.
  const bool instructions =
      std::strstr(clock.tick_meaning(), "instruction") == clock.tick_meaning();
  const uint64_t tps = clock.ticks_per_second() > 0 ? clock.ticks_per_second() : 1;
  // Hundredths of a million instructions, or of a millisecond.
  const uint64_t hundredths =
      instructions ? (ticks + 5000) / 10000 : (ticks * 100000 + tps / 2) / tps;
  std::snprintf(out, out_bytes, "%lu.%02lu %s", static_cast<unsigned long>(hundredths / 100),
                static_cast<unsigned long>(hundredths % 100), instructions ? "M instr" : "ms");
}

}  // namespace tt::apps::screen
