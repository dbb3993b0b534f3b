// MUL, int8, DSP variant: bit-exact with mul_ref. Same-shape inputs take four elements per
// step: SXTAB16 adds the input offsets in 16-bit lanes (|x + offset| <= 255 fits), SMULBB /
// SMULTT (smlabb/smlatt with a zero accumulator) form two products per lane pair, and
// fused_requant (proven equal to multiply_by_quantized_multiplier) requantizes. Broadcast
// shapes use the same arithmetic per element.
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/elementwise/elementwise_dsp.h"
#include "kernels/elementwise/mul.h"

namespace tt::kernels {
namespace {

using elementwise_dsp::broadcast_apply;
using elementwise_dsp::dup16;
using elementwise_dsp::pack4;

struct MulPlan {
  FusedRequant out;
  int32_t output_offset, act_min, act_max;

  explicit MulPlan(const MulArgs& a)
      : out(make_fused_requant(a.output_multiplier, a.output_shift)),
        output_offset(a.output_offset),
        act_min(a.act_min),
        act_max(a.act_max) {}

  // product: (x1 + offset1) * (x2 + offset2), at most 255 * 255 in magnitude.
  int8_t operator()(int32_t product) const {
    return add_offset_clamp_s8(fused_requant(product, out), output_offset, act_min, act_max);
  }
};

}  // namespace

Status mul_dsp(const MulArgs& a) {
  const Status status = mul_validate(a);
  if (status != Status::kOk) return status;
  const MulPlan plan(a);
  if (a.input1_dims != a.output_dims || a.input2_dims != a.output_dims) {
    const int32_t off1 = a.input1_offset, off2 = a.input2_offset;
    broadcast_apply(a.input1_dims, a.input1, a.input2_dims, a.input2, a.output_dims, a.output,
                    [&](int32_t x1, int32_t x2) { return plan((x1 + off1) * (x2 + off2)); });
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
        pack4(plan(simd::smlabb(v1_02, v2_02, 0)), plan(simd::smlabb(v1_13, v2_13, 0)),
              plan(simd::smlatt(v1_02, v2_02, 0)), plan(simd::smlatt(v1_13, v2_13, 0))));
  }
  for (; i < count; ++i) {  // the last count % 4
    a.output[i] = plan((a.input1[i] + a.input1_offset) * (a.input2[i] + a.input2_offset));
  }
  return Status::kOk;
}

}  // namespace tt::kernels
