// Internal: the loop shared by the SIMD32 CONV_2D paths. Output pixels are processed two at
// a time: their im2col columns are built in scratch by a path-specific Builder, then every
// pair of output channels is computed as a 2x2 register block (gemm_dsp.h).
#pragma once

#include <cstdint>

#include "kernels/conv/conv2d.h"
#include "kernels/conv/gemm_dsp.h"

namespace tt::kernels::conv_dsp {

// Bytes of scratch for two int16 columns of k elements (4-byte aligned each).
constexpr int32_t columns_scratch_bytes(int32_t k) { return 2 * ((k * 2 + 3) & ~3); }

inline int32_t column_stride(int32_t k) { return ((k * 2 + 3) & ~3) / 2; }

// Computes the output channels of `num_cols` (1 or 2) pixels whose columns are built.
inline void compute_pixels(const Conv2dArgs& a, const int16_t* const* cols, int32_t num_cols,
                           int8_t* const* out) {
  const int32_t k = a.filter_dims.h * a.filter_dims.w * a.filter_dims.c;
  const int32_t cout = a.output_dims.c;
  const gemm::OutputStage stage{a.quant.output_offset, a.quant.act_min, a.quant.act_max};
  int32_t oc = 0;
  for (; oc + 2 <= cout; oc += 2) {
    const int8_t* rows[2] = {a.filter + oc * k, a.filter + (oc + 1) * k};
    const int32_t b0 = a.bias != nullptr ? a.bias[oc] : 0;
    const int32_t b1 = a.bias != nullptr ? a.bias[oc + 1] : 0;
    const FusedRequant q0 = make_fused_requant(a.quant.out_multiplier[oc], a.quant.out_shift[oc]);
    const FusedRequant q1 =
        make_fused_requant(a.quant.out_multiplier[oc + 1], a.quant.out_shift[oc + 1]);
    if (num_cols == 2) {
      int32_t acc[2][2] = {{b0, b0}, {b1, b1}};
      gemm::dot_block_2x2(rows[0], k, cols[0], static_cast<int32_t>(cols[1] - cols[0]), k, acc);
      out[0][oc] = stage.apply(acc[0][0], q0);
      out[0][oc + 1] = stage.apply(acc[1][0], q1);
      out[1][oc] = stage.apply(acc[0][1], q0);
      out[1][oc + 1] = stage.apply(acc[1][1], q1);
    } else {
      int32_t acc[2][1] = {{b0}, {b1}};
      gemm::dot_block<2, 1>(rows, cols, k, acc);
      out[0][oc] = stage.apply(acc[0][0], q0);
      out[0][oc + 1] = stage.apply(acc[1][0], q1);
    }
  }
  if (oc < cout) {  // odd channel count: one last row
    const int8_t* rows[1] = {a.filter + oc * k};
    const int32_t b = a.bias != nullptr ? a.bias[oc] : 0;
    const FusedRequant q = make_fused_requant(a.quant.out_multiplier[oc], a.quant.out_shift[oc]);
    for (int32_t c = 0; c < num_cols; ++c) {
      int32_t acc[1][1] = {{b}};
      const int16_t* col[1] = {cols[c]};
      gemm::dot_block<1, 1>(rows, col, k, acc);
      out[c][oc] = stage.apply(acc[0][0], q);
    }
  }
}

// Runs the whole convolution; builder(col, b, oy, ox) fills one column.
template <typename Builder>
void run(const Conv2dArgs& a, Builder&& builder) {
  const int32_t k = a.filter_dims.h * a.filter_dims.w * a.filter_dims.c;
  int16_t* col_buf[2] = {static_cast<int16_t*>(a.scratch),
                         static_cast<int16_t*>(a.scratch) + column_stride(k)};
  const Dims4& out = a.output_dims;
  const int32_t pixels = out.n * out.h * out.w;
  for (int32_t p = 0; p < pixels; p += 2) {
    const int32_t num_cols = p + 1 < pixels ? 2 : 1;
    int8_t* outs[2] = {nullptr, nullptr};
    for (int32_t c = 0; c < num_cols; ++c) {
      const int32_t pixel = p + c;
      const int32_t ox = pixel % out.w;
      const int32_t oy = (pixel / out.w) % out.h;
      const int32_t b = pixel / (out.w * out.h);
      builder(col_buf[c], b, oy, ox);
      outs[c] = a.output + static_cast<int32_t>(pixel) * out.c;
    }
    const int16_t* cols[2] = {col_buf[0], col_buf[1]};
    compute_pixels(a, cols, num_cols, outs);
  }
}

}  // namespace tt::kernels::conv_dsp
