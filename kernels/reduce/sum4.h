// Four int8 channel sums at once for the *_dsp pooling and mean kernels. SXTAB16 adds bytes
// 0/2 of a word (and, rotated by 8, bytes 1/3) into two pairs of 16-bit lanes; the lanes are
// flushed into 32-bit totals before they can overflow: kMaxLaneAdds additions of values in
// [-128, 127] stay within [-32768, 32512].
#pragma once

#include <cstdint>

#include "kernels/core/simd.h"

namespace tt::kernels {

class Sum4 {
 public:
  static constexpr int32_t kMaxLaneAdds = 256;

  // Adds the four int8 values of `word` (channel i = byte i).
  void add(int32_t word) {
    even_ = simd::sxtab16(even_, word);
    odd_ = simd::sxtab16_ror8(odd_, word);
  }
  // Moves the lanes into the 32-bit totals; call at most every kMaxLaneAdds add() calls.
  void flush() {
    total_[0] += lane_lo(even_);
    total_[1] += lane_lo(odd_);
    total_[2] += lane_hi(even_);
    total_[3] += lane_hi(odd_);
    even_ = 0;
    odd_ = 0;
  }
  // Total of channel i; flush() first.
  int32_t total(int i) const { return total_[i]; }

 private:
  static constexpr int32_t lane_lo(int32_t v) {
    return static_cast<int16_t>(static_cast<uint32_t>(v));
  }
  static constexpr int32_t lane_hi(int32_t v) {
    return static_cast<int16_t>(static_cast<uint32_t>(v) >> 16);
  }

  int32_t even_ = 0;  // lanes [channel 0, channel 2]
  int32_t odd_ = 0;   // lanes [channel 1, channel 3]
  int32_t total_[4] = {0, 0, 0, 0};
};

}  // namespace tt::kernels
