#include "apps/kws/kws_screen.h"

#include "hal/draw/blit.h"
#include "hal/draw/colour.h"
#include "hal/draw/draw.h"

namespace tt::apps::screen {

namespace draw = tt::hal::draw;

namespace {

// Black -> blue -> red -> yellow, for v in 0..255.
void heat_colour(int v, uint8_t* rgb) {
  if (v < 85) {
    rgb[0] = 0, rgb[1] = 0, rgb[2] = static_cast<uint8_t>(v * 3);
  } else if (v < 170) {
    rgb[0] = static_cast<uint8_t>((v - 85) * 3), rgb[1] = 0,
    rgb[2] = static_cast<uint8_t>(255 - (v - 85) * 3);
  } else {
    rgb[0] = 255, rgb[1] = static_cast<uint8_t>((v - 170) * 3), rgb[2] = 0;
  }
}

}  // namespace

void MfccHeatMap::draw(hal::Display& d, const hal::Rect& box, const KeywordSpotter& spotter) {
  constexpr int32_t kT = KeywordSpotter::kFrames;
  constexpr int32_t kC = KeywordSpotter::kCoefficients;
  const float* w = spotter.window_features();
  for (int32_t c = 0; c < kC; ++c) {
    float lo = w[c], hi = w[c];
    for (int32_t t = 1; t < kT; ++t) {
      const float v = w[t * kC + c];
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    const float range = hi - lo > 1e-6f ? hi - lo : 1.0f;
    const int32_t row = kC - 1 - c;  // c0 at the bottom
    for (int32_t t = 0; t < kT; ++t) {
      const int v = static_cast<int>((w[t * kC + c] - lo) / range * 255.0f);
      heat_colour(v, rgb_ + (row * kT + t) * 3);
    }
  }
  draw::Image img{rgb_, kT, kC, kT * 3, draw::ImageFormat::kRgb888};
  d.mark_dirty(draw::blit_scaled(d.surface(), img, box));
}

void level_bar(hal::Display& d, const hal::Rect& box, int16_t peak) {
  const uint16_t colour = peak > 30000 ? draw::kRed : peak > 8000 ? draw::kYellow : draw::kGreen;
  d.mark_dirty(draw::draw_hbar(d.surface(), box, peak, 32767, colour, draw::kDarkGrey));
}

}  // namespace tt::apps::screen
