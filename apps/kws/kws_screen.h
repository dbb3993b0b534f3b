// The audio part of a screen, shared by kws and multinet: the MFCC window as a heat-map
// (time left to right, coefficient 0 at the bottom, each coefficient scaled to its own range
// over the window, so the small higher coefficients stay visible next to c0) and a level bar.
#pragma once

#include <cstdint>

#include "apps/kws/keyword_spotter.h"
#include "tt/hal/display.h"

namespace tt::apps::screen {

class MfccHeatMap {
 public:
  void draw(hal::Display& d, const hal::Rect& box, const KeywordSpotter& spotter);

 private:
  uint8_t rgb_[KeywordSpotter::kFrames * KeywordSpotter::kCoefficients * 3] = {};
};

void level_bar(hal::Display& d, const hal::Rect& box, int16_t peak);

}  // namespace tt::apps::screen
