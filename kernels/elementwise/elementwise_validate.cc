// Argument checks for ADD and MUL, shared by both variants of each op so that they return
// identical Status codes.
#include "kernels/core/requantize.h"
#include "kernels/elementwise/add.h"
#include "kernels/elementwise/broadcast.h"
#include "kernels/elementwise/mul.h"

namespace tt::kernels {
namespace {

Status check_shapes(const Dims4& in1, const Dims4& in2, const Dims4& out) {
  if (!dims_valid(in1) || !dims_valid(in2) || !dims_valid(out)) return Status::kBadShape;
  if (!broadcast_compatible(in1, out) || !broadcast_compatible(in2, out)) {
    return Status::kBadShape;
  }
  return Status::kOk;
}

// Offsets, output offset and activation range: the ranges common to ADD and MUL.
bool output_quant_valid(int32_t input1_offset, int32_t input2_offset, int32_t output_offset,
                        int32_t act_min, int32_t act_max) {
  return input1_offset >= -127 && input1_offset <= 128 && input2_offset >= -127 &&
         input2_offset <= 128 && output_offset >= -128 && output_offset <= 127 && act_min >= -128 &&
         act_max <= 127 && act_min <= act_max;
}

}  // namespace

Status add_validate(const AddArgs& a) {
  if (a.input1 == nullptr || a.input2 == nullptr || a.output == nullptr) {
    return Status::kNullPointer;
  }
  const Status shapes = check_shapes(a.input1_dims, a.input2_dims, a.output_dims);
  if (shapes != Status::kOk) return shapes;
  if (!output_quant_valid(a.input1_offset, a.input2_offset, a.output_offset, a.act_min,
                          a.act_max)) {
    return Status::kBadQuantization;
  }
  // left_shift <= 22 keeps (x + offset) << left_shift, at most 255 * 2^22, inside int32.
  if (a.left_shift < 0 || a.left_shift > 22) return Status::kBadQuantization;
  if (!multiplier_valid(a.input1_multiplier, a.input1_shift) ||
      !multiplier_valid(a.input2_multiplier, a.input2_shift) ||
      !multiplier_valid(a.output_multiplier, a.output_shift)) {
    return Status::kBadQuantization;
  }
  return Status::kOk;
}

Status mul_validate(const MulArgs& a) {
  if (a.input1 == nullptr || a.input2 == nullptr || a.output == nullptr) {
    return Status::kNullPointer;
  }
  const Status shapes = check_shapes(a.input1_dims, a.input2_dims, a.output_dims);
  if (shapes != Status::kOk) return shapes;
  if (!output_quant_valid(a.input1_offset, a.input2_offset, a.output_offset, a.act_min,
                          a.act_max)) {
    return Status::kBadQuantization;
  }
  if (!multiplier_valid(a.output_multiplier, a.output_shift)) return Status::kBadQuantization;
  return Status::kOk;
}

}  // namespace tt::kernels
