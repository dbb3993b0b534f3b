// SOFTMAX, int8, DSP variant: bit-exact with softmax_ref. exp() depends only on the
// difference from the row maximum, one of at most 256 values, so larger tensors cache it in
// a table shared by all rows, filled on first use with the very same arithmetic
// (softmax_math.h); each exp is then evaluated at most once instead of twice per entry.
// Row maxima take four entries per SSUB8/SEL (simd::smax8).
#include <cstring>

#include "kernels/activation/softmax.h"
#include "kernels/activation/softmax_math.h"
#include "kernels/core/simd.h"

namespace tt::kernels {
namespace {

using softmax_math::accumulate;
using softmax_math::accumulation_term;
using softmax_math::exp_of_diff;
using softmax_math::kAccumulationIntegerBits;
using softmax_math::output_of;

// Without the table every entry costs two exp() evaluations (~300 instructions each on the
// M7) against ~100 instructions to clear the table once, so it pays off almost at once.
constexpr int64_t kTableMinEntries = 8;

int32_t row_max(const int8_t* in, int32_t depth) {
  int32_t max4 = static_cast<int32_t>(0x80808080u);
  int32_t i = 0;
  for (; i + 4 <= depth; i += 4) max4 = simd::smax8(max4, simd::read_s32(in + i));
  int32_t max = -128;
  for (int byte = 0; byte < 4; ++byte) {
    const int32_t v = static_cast<int8_t>(static_cast<uint32_t>(max4) >> (8 * byte));
    max = v > max ? v : max;
  }
  for (; i < depth; ++i) max = in[i] > max ? in[i] : max;
  return max;
}

// exp() of differences 0, -1, ..., -255, computed when first needed (-1: not yet; an exp is
// never negative).
class ExpCache {
 public:
  ExpCache(const SoftmaxArgs& a, bool enabled) : args_(a), enabled_(enabled) {
    if (enabled_) std::memset(table_, 0xFF, sizeof table_);  // every entry -1
  }
  int32_t operator()(int32_t diff) {
    if (!enabled_) return exp_of_diff(args_, diff);
    int32_t& e = table_[-diff];
    if (e < 0) e = exp_of_diff(args_, diff);
    return e;
  }

 private:
  const SoftmaxArgs& args_;
  bool enabled_;
  int32_t table_[256];
};

}  // namespace

Status softmax_dsp(const SoftmaxArgs& a) {
  const Status status = softmax_validate(a);
  if (status != Status::kOk) return status;
  ExpCache exp_cache(a, int64_t{a.rows} * a.depth >= kTableMinEntries);
  const int8_t* in = a.input;
  int8_t* out = a.output;
  for (int32_t row = 0; row < a.rows; ++row, in += a.depth, out += a.depth) {
    const int32_t max = row_max(in, a.depth);
    int32_t sum = 0;
    for (int32_t i = 0; i < a.depth; ++i) {
      const int32_t diff = in[i] - max;
      if (diff >= a.diff_min) sum = accumulate(sum, accumulation_term(exp_cache(diff)));
    }
    int32_t num_bits_over_unit = 0;
    const int32_t shifted_scale =
        fixed::reciprocal(sum, kAccumulationIntegerBits, &num_bits_over_unit);
    for (int32_t i = 0; i < a.depth; ++i) {
      const int32_t diff = in[i] - max;
      out[i] = diff >= a.diff_min ? output_of(shifted_scale, num_bits_over_unit, exp_cache(diff))
                                  : int8_t{-128};
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
