// CONV_2D, ARMv7E-M SIMD32 variant: im2col into interleaved int16 columns (offset added,
// padding as zeros), then a 2x2 register-blocked SMLAD matrix multiply (conv_dsp_driver.h).
// 1x1 convolutions without padding take the cheaper column builder of conv2d_1x1_dsp.cc.
#include "kernels/conv/conv2d.h"
#include "kernels/conv/conv_dsp_driver.h"

namespace tt::kernels {

// Defined in conv2d_1x1_dsp.cc.
bool conv2d_1x1_dsp_applies(const Conv2dArgs& a);
void conv2d_1x1_dsp(const Conv2dArgs& a);

int32_t conv2d_dsp_scratch_size(const Conv2dArgs& a) {
  const int32_t k = a.filter_dims.h * a.filter_dims.w * a.filter_dims.c;
  return conv_dsp::columns_scratch_bytes(k);
}

Status conv2d_dsp(const Conv2dArgs& a) {
  const Status s = conv2d_validate(a);
  if (s != Status::kOk) return s;
  if (a.scratch == nullptr || a.scratch_bytes < conv2d_dsp_scratch_size(a)) {
    return Status::kScratchTooSmall;
  }
  if (conv2d_1x1_dsp_applies(a)) {
    conv2d_1x1_dsp(a);
    return Status::kOk;
  }
  const Dims4& in = a.input_dims;
  const Dims4& f = a.filter_dims;
  const int32_t k = f.h * f.w * f.c;
  const int32_t full_groups_end = k & ~3;
  const int32_t offset2 = gemm::offset_pair(a.quant.input_offset);
  conv_dsp::run(a, [&](int16_t* col, int32_t b, int32_t oy, int32_t ox) {
    int32_t pos = 0;
    for (int32_t ky = 0; ky < f.h; ++ky) {
      const int32_t iy = oy * a.stride_h - a.pad_top + ky * a.dilation_h;
      if (iy < 0 || iy >= in.h) {
        gemm::column_zeros(col, pos, f.w * f.c, full_groups_end);
        continue;
      }
      const int32_t ix0 = ox * a.stride_w - a.pad_left;
      if (a.dilation_w == 1 && ix0 >= 0 && ix0 + f.w <= in.w) {
        // The whole kernel row is inside the image: one contiguous run of KW * Cin bytes.
        gemm::column_append(col, pos, a.input + offset(in, b, iy, ix0, 0), f.w * f.c, offset2,
                            full_groups_end);
        continue;
      }
      for (int32_t kx = 0; kx < f.w; ++kx) {
        const int32_t ix = ix0 + kx * a.dilation_w;
        if (ix < 0 || ix >= in.w) {
          gemm::column_zeros(col, pos, f.c, full_groups_end);
        } else {
          gemm::column_append(col, pos, a.input + offset(in, b, iy, ix, 0), f.c, offset2,
                              full_groups_end);
        }
      }
    }
  });
  return Status::kOk;
}

}  // namespace tt::kernels
