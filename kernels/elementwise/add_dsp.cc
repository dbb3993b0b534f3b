// ADD, int8, DSP variant: bit-exact with add_ref. Same-shape inputs take four elements per
// step: one SXTAB16 pair per input adds the input offset to all four bytes in 16-bit lanes
// (|x + offset| <= 255 fits), and the three requantizations use fused_requant, proven equal
// to multiply_by_quantized_multiplier. Broadcast shapes use the same arithmetic per element.
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/elementwise/add.h"
#include "kernels/elementwise/elementwise_dsp.h"

namespace tt::kernels {
namespace {

using elementwise_dsp::broadcast_apply;
using elementwise_dsp::dup16;
using elementwise_dsp::lane_hi;
using elementwise_dsp::lane_lo;
using elementwise_dsp::pack4;

struct AddPlan {
  FusedRequant in1, in2, out;
  int32_t shift_scale;  // 2^left_shift
  int32_t output_offset, act_min, act_max;

  explicit AddPlan(const AddArgs& a)
      : in1(make_fused_requant(a.input1_multiplier, a.input1_shift)),
        in2(make_fused_requant(a.input2_multiplier, a.input2_shift)),
        out(make_fused_requant(a.output_multiplier, a.output_shift)),
        shift_scale(int32_t{1} << a.left_shift),
        output_offset(a.output_offset),
        act_min(a.act_min),
        act_max(a.act_max) {}

  // v1, v2: inputs with their offsets already added.
  int8_t operator()(int32_t v1, int32_t v2) const {
    const int32_t scaled1 = fused_requant(v1 * shift_scale, in1);
    const int32_t scaled2 = fused_requant(v2 * shift_scale, in2);
    const int64_t wide_sum = int64_t{scaled1} + scaled2;  // saturates as in add_ref
    const int32_t sum = static_cast<int32_t>(
        wide_sum > INT32_MAX ? INT32_MAX : (wide_sum < INT32_MIN ? INT32_MIN : wide_sum));
    return add_offset_clamp_s8(fused_requant(sum, out), output_offset, act_min, act_max);
  }
};

}  // namespace

Status add_dsp(const AddArgs& a) {
  const Status status = add_validate(a);
  if (status != Status::kOk) return status;
  const AddPlan plan(a);
  if (a.input1_dims != a.output_dims || a.input2_dims != a.output_dims) {
    const int32_t off1 = a.input1_offset, off2 = a.input2_offset;
    broadcast_apply(a.input1_dims, a.input1, a.input2_dims, a.input2, a.output_dims, a.output,
                    [&](int32_t x1, int32_t x2) { return plan(x1 + off1, x2 + off2); });
    return Status::kOk;
  }
  const int32_t count = a.output_dims.count();
  const int32_t off1 = dup16(a.input1_offset), off2 = dup16(a.input2_offset);
  int32_t i = 0;
  for (; i + 4 <= count; i += 4) {
    const int32_t w1 = simd::read_s32(a.input1 + i), w2 = simd::read_s32(a.input2 + i);
    const int32_t v1_02 = simd::sxtab16(off1, w1), v1_13 = simd::sxtab16_ror8(off1, w1);
    const int32_t v2_02 = simd::sxtab16(off2, w2), v2_13 = simd::sxtab16_ror8(off2, w2);
    simd::write_s32(
        a.output + i,
        pack4(plan(lane_lo(v1_02), lane_lo(v2_02)), plan(lane_lo(v1_13), lane_lo(v2_13)),
              plan(lane_hi(v1_02), lane_hi(v2_02)), plan(lane_hi(v1_13), lane_hi(v2_13))));
  }
  for (; i < count; ++i) {  // the last count % 4
    a.output[i] = plan(a.input1[i] + a.input1_offset, a.input2[i] + a.input2_offset);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
