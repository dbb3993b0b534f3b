// CONV_2D reference: the plain loop nest of the TFLite int8 spec. This is the oracle the
// optimized variant is checked against, so it favours clarity over speed.
#include "kernels/conv/conv2d.h"
#include "kernels/core/requantize.h"

namespace tt::kernels {

int32_t conv2d_ref_scratch_size(const Conv2dArgs&) { return 0; }

Status conv2d_ref(const Conv2dArgs& a) {
  const Status s = conv2d_validate(a);
  if (s != Status::kOk) return s;
  const Dims4& in = a.input_dims;
  const Dims4& f = a.filter_dims;
  const Dims4& out = a.output_dims;
  const ConvQuant& q = a.quant;

  for (int32_t b = 0; b < out.n; ++b) {
    for (int32_t oy = 0; oy < out.h; ++oy) {
      for (int32_t ox = 0; ox < out.w; ++ox) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          // Accumulate in 64 bits and wrap to 32 at the end: the int32 accumulator of the
          // spec, with its (theoretical) overflow made well defined.
          int64_t acc = a.bias != nullptr ? a.bias[oc] : 0;
          for (int32_t ky = 0; ky < f.h; ++ky) {
            const int32_t iy = oy * a.stride_h - a.pad_top + ky * a.dilation_h;
            if (iy < 0 || iy >= in.h) continue;
            for (int32_t kx = 0; kx < f.w; ++kx) {
              const int32_t ix = ox * a.stride_w - a.pad_left + kx * a.dilation_w;
              if (ix < 0 || ix >= in.w) continue;
              for (int32_t ic = 0; ic < in.c; ++ic) {
                const int32_t x = a.input[offset(in, b, iy, ix, ic)] + q.input_offset;
                const int32_t w = a.filter[offset(f, oc, ky, kx, ic)];
                acc += x * w;
              }
            }
          }
          int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc),
                                                       q.out_multiplier[oc], q.out_shift[oc]);
          v = add_offset_clamp(v, q.output_offset, q.act_min, q.act_max);
          a.output[offset(out, b, oy, ox, oc)] = static_cast<int8_t>(v);
        }
      }
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
