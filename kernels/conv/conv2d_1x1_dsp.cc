// CONV_2D fast path for 1x1 kernels without padding (pointwise convolutions, ~55 % of the
// MACs of DS-CNN): the column of an output pixel is just the input pixel's channel vector,
// so it is converted without any bounds checks. Any stride.
#include "kernels/conv/conv2d.h"
#include "kernels/conv/conv_dsp_driver.h"

namespace tt::kernels {

bool conv2d_1x1_dsp_applies(const Conv2dArgs& a) {
  return a.filter_dims.h == 1 && a.filter_dims.w == 1 && a.pad_top == 0 && a.pad_left == 0 &&
         (a.output_dims.h - 1) * a.stride_h < a.input_dims.h &&
         (a.output_dims.w - 1) * a.stride_w < a.input_dims.w;
}

void conv2d_1x1_dsp(const Conv2dArgs& a) {
  const Dims4& in = a.input_dims;
  const int32_t cin = in.c;
  const int32_t full_groups_end = cin & ~3;
  const int32_t offset2 = gemm::offset_pair(a.quant.input_offset);
  conv_dsp::run(a, [&](int16_t* col, int32_t b, int32_t oy, int32_t ox) {
    int32_t pos = 0;
    gemm::column_append(col, pos, a.input + offset(in, b, oy * a.stride_h, ox * a.stride_w, 0), cin,
                        offset2, full_groups_end);
  });
}

}  // namespace tt::kernels
