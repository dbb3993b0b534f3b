// DEPTHWISE_CONV_2D, ARMv7E-M SIMD32 variant. 3x3 kernels with depth multiplier 1 and no
// dilation go to the planar fast path (depthwise_conv2d_3x3_dsp.cc) when the caller gave it
// its scratch; everything else runs here: four channels per step straight from NHWC, the
// input word widened with SXTAB16 (offset added) and the weights with SXTB16, one
// SMLABB/SMLATT per MAC, and no scratch at all.
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"

namespace tt::kernels {

// Defined in depthwise_conv2d_3x3_dsp.cc.
bool depthwise_conv2d_3x3_dsp_applies(const DepthwiseConv2dArgs& a);
int32_t depthwise_conv2d_3x3_dsp_scratch_size(const DepthwiseConv2dArgs& a);
void depthwise_conv2d_3x3_dsp(const DepthwiseConv2dArgs& a);

namespace {

int8_t finish(int32_t acc, int32_t oc, const ConvQuant& q) {
  const FusedRequant fq = make_fused_requant(q.out_multiplier[oc], q.out_shift[oc]);
  return requantize_to_s8(acc, fq, q.output_offset, q.act_min, q.act_max);
}

void generic(const DepthwiseConv2dArgs& a) {
  const Dims4& in = a.input_dims;
  const Dims4& f = a.filter_dims;
  const Dims4& out = a.output_dims;
  const ConvQuant& q = a.quant;
  const int32_t offset2 = simd::pack16(q.input_offset, q.input_offset);
  // Four-channel SIMD groups need a 1:1 channel mapping.
  const int32_t simd_channels = a.depth_multiplier == 1 ? (out.c & ~3) : 0;
  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        const int32_t iy0 = oy * a.stride_h - a.pad_top;
        const int32_t ix0 = ox * a.stride_w - a.pad_left;
        int8_t* dst = a.output + offset(out, b, oy, ox, 0);
        int32_t oc = 0;
        for (; oc < simd_channels; oc += 4) {
          int32_t acc[4];
          for (int i = 0; i < 4; ++i) acc[i] = a.bias != nullptr ? a.bias[oc + i] : 0;
          for (int32_t ky = 0; ky < f.h; ++ky) {
            const int32_t iy = iy0 + ky * a.dilation_h;
            if (iy < 0 || iy >= in.h) continue;
            for (int32_t kx = 0; kx < f.w; ++kx) {
              const int32_t ix = ix0 + kx * a.dilation_w;
              if (ix < 0 || ix >= in.w) continue;
              const int32_t xv = simd::read_s32(a.input + offset(in, b, iy, ix, oc));
              const int32_t wv = simd::read_s32(a.filter + offset(f, 0, ky, kx, oc));
              const int32_t xe = simd::sxtab16(offset2, xv), xo = simd::sxtab16_ror8(offset2, xv);
              const int32_t we = simd::sxtb16(wv), wo = simd::sxtb16_ror8(wv);
              acc[0] = simd::smlabb(xe, we, acc[0]);
              acc[2] = simd::smlatt(xe, we, acc[2]);
              acc[1] = simd::smlabb(xo, wo, acc[1]);
              acc[3] = simd::smlatt(xo, wo, acc[3]);
            }
          }
          for (int i = 0; i < 4; ++i) dst[oc + i] = finish(acc[i], oc + i, q);
        }
        for (; oc < out.c; ++oc) {  // channel tail, or any depth multiplier
          const int32_t ic = oc / a.depth_multiplier;
          int32_t acc = a.bias != nullptr ? a.bias[oc] : 0;
          for (int32_t ky = 0; ky < f.h; ++ky) {
            const int32_t iy = iy0 + ky * a.dilation_h;
            if (iy < 0 || iy >= in.h) continue;
            for (int32_t kx = 0; kx < f.w; ++kx) {
              const int32_t ix = ix0 + kx * a.dilation_w;
              if (ix < 0 || ix >= in.w) continue;
              const int32_t x = a.input[offset(in, b, iy, ix, ic)] + q.input_offset;
              acc = simd::smlabb(x, a.filter[offset(f, 0, ky, kx, oc)], acc);
            }
          }
          dst[oc] = finish(acc, oc, q);
        }
      }
    }
  }
}

}  // namespace

int32_t depthwise_conv2d_dsp_scratch_size(const DepthwiseConv2dArgs& a) {
  return depthwise_conv2d_3x3_dsp_applies(a) ? depthwise_conv2d_3x3_dsp_scratch_size(a) : 0;
}

Status depthwise_conv2d_dsp(const DepthwiseConv2dArgs& a) {
  const Status s = depthwise_conv2d_validate(a);
  if (s != Status::kOk) return s;
  if (depthwise_conv2d_3x3_dsp_applies(a) && a.scratch != nullptr &&
      a.scratch_bytes >= depthwise_conv2d_3x3_dsp_scratch_size(a)) {
    depthwise_conv2d_3x3_dsp(a);
  } else {
    generic(a);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
