// PAD, int8, DSP variant: bit-exact with pad_ref. Works in contiguous runs instead of
// elements: a padded (n, h) row is one memset, an input row is memset + memcpy + memset per
// pixel, or a single memcpy of the whole row when the channels are not padded.
#include <cstring>

#include "kernels/shape/pad.h"

namespace tt::kernels {

Status pad_dsp(const PadArgs& a) {
  const Status status = pad_validate(a);
  if (status != Status::kOk) return status;
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  const int32_t* before = a.pad_before;
  const int32_t out_row = out.w * out.c;  // bytes in one output (n, h) row
  const int32_t w_before = before[2] * out.c;
  const int32_t w_after = (out.w - in.w - before[2]) * out.c;
  const int32_t c_after = out.c - in.c - before[3];
  const bool channels_padded = out.c != in.c;
  int8_t* dst = a.output;
  for (int32_t n = 0; n < out.n; ++n) {
    for (int32_t h = 0; h < out.h; ++h, dst += out_row) {
      const int32_t in_n = n - before[0], in_h = h - before[1];
      if (in_n < 0 || in_n >= in.n || in_h < 0 || in_h >= in.h) {
        std::memset(dst, a.pad_value, out_row);
        continue;
      }
      const int8_t* src = a.input + offset(in, in_n, in_h, 0, 0);
      int8_t* p = dst;
      std::memset(p, a.pad_value, w_before);
      p += w_before;
      if (!channels_padded) {
        std::memcpy(p, src, in.w * in.c);
        p += in.w * in.c;
      } else {
        for (int32_t w = 0; w < in.w; ++w, src += in.c) {
          std::memset(p, a.pad_value, before[3]);
          std::memcpy(p + before[3], src, in.c);
          std::memset(p + before[3] + in.c, a.pad_value, c_after);
          p += out.c;
        }
      }
      std::memset(p, a.pad_value, w_after);
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
