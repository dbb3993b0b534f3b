// MEAN, int8, over any subset of the four axes (keep_dims layout: reduced axes have size 1
// in output_dims; dropping them does not change the memory layout). Integer semantics of
// TFLite's reference_ops::QuantizedMeanOrSum (compute_sum = false), which TFLM runs for every
// int8 MEAN: the 1/n of the mean is folded into the requantization multiplier, so each
// output costs one requantization (MBQM) and no rounded division. With n the number of
// elements reduced into one output and (multiplier, shift) the Prepare() values of
// input_scale / output_scale:
//   s  = min(floor(log2(n)), 32, 31 + shift)       (mean_fold_count)
//   m' = (int64(multiplier) << s) / n               (truncating; not re-normalised)
//   s' = shift - s
//   acc = sum(x) - input_zero_point * n             (int32, exact for the sizes below)
//   y = clamp(MBQM(acc, m', s') + output_zero_point, -128, 127)
// Why: bit-exactness with TFLM. Shifting the multiplier left by s before dividing keeps
// m' = multiplier * 2^s / n in (multiplier / 2, multiplier] (s unclamped) -- about 30
// significant bits -- and moves 2^s into the shift. The clamp to 31 + shift keeps s' >= -31
// (MBQM's range) at the price of precision; it binds only when shift < floor(log2(n)) - 31,
// i.e. for input_scale / output_scale below 2^-9 and large n. m' may be below 2^30, which
// requantize.h's arithmetic handles exactly (multiplier_in_domain). Without the separate
// rounded division, results can differ by 1 from "requantize, then divide by n with
// rounding" (TFLite's integer mean before 2023).
//
// Ranges (checked): dims valid; axes_mask in [1, 15] (bit i = axis i); output_dims[i] is 1
// on reduced axes and equals input_dims[i] elsewhere; zero points in [-128, 127];
// multiplier/shift as requantize.h's multiplier_valid (so 31 + shift >= 0 and s >= 0; the
// folded pair then always lies in multiplier_in_domain, which is checked as well); at most
// 2^23 elements reduced into one output (|acc| <= 255 * 2^23 < 2^31, so the int32 sum is
// exact; s <= 23, so the clamp at 32 never binds).
#pragma once

#include <cstdint>

#include "kernels/core/dims.h"
#include "kernels/core/status.h"

namespace tt::kernels {

struct MeanArgs {
  Dims4 input_dims, output_dims;
  uint32_t axes_mask = 0x6;  // H and W
  int32_t input_zero_point = 0, output_zero_point = 0;
  int32_t multiplier = 0, shift = 0;
  const int8_t* input = nullptr;
  int8_t* output = nullptr;
};

// The requantization MEAN applies to its sums: (multiplier, shift) with 1/count folded in,
// as documented above. Requires multiplier_valid(multiplier, shift) and count >= 1.
struct MeanRequant {
  int32_t multiplier, shift;
};

constexpr MeanRequant mean_fold_count(int32_t multiplier, int32_t shift, int32_t count) {
  int32_t s = 0;  // floor(log2(count)) <= 30, so TFLite's clamp at 32 cannot bind
  while ((count >> (s + 1)) != 0) ++s;
  if (s > 31 + shift) s = 31 + shift;
  const int64_t folded = (int64_t{multiplier} << s) / count;
  return MeanRequant{static_cast<int32_t>(folded), shift - s};
}

Status mean_validate(const MeanArgs& args);
Status mean_ref(const MeanArgs& args);
// Spatial (H, W) means sum four channels per step in SIMD lanes; other axis sets use the
// reference loop.
Status mean_dsp(const MeanArgs& args);

}  // namespace tt::kernels
