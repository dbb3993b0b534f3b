// MEAN, int8, DSP variant: bit-exact with mean_ref. The spatial mean (axes H and W, the
// global average pool of most CNN heads) sums four channels per step in 16-bit SIMD lanes
// (sum4.h), flushed every 256 positions so windows of any size stay exact; the zero point is
// subtracted once per sum (sum(x - zp) == sum(x) - count * zp, exactly, in int32). Other axis
// sets walk the reduced box with precomputed strides. The count is folded into the
// multiplier once per call (mean_fold_count, shared with mean_ref), so each output costs one
// fused requantization (requantize_to_s8: SMLAL + shift, proven equal to
// multiply_by_quantized_multiplier for any multiplier in [0, 2^31), normalised or not).
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "kernels/reduce/mean.h"
#include "kernels/reduce/sum4.h"

namespace tt::kernels {
namespace {

constexpr uint32_t kSpatialAxes = 0x6;

struct MeanOutput {
  FusedRequant q;          // 1/count folded in
  int32_t zero_point_sum;  // count * input_zero_point
  int32_t output_zero_point;

  // raw_sum: the sum of the raw inputs over `count` elements.
  int8_t operator()(int32_t raw_sum) const {
    return requantize_to_s8(raw_sum - zero_point_sum, q, output_zero_point, -128, 127);
  }
};

void spatial_mean(const MeanArgs& a, const MeanOutput& finish) {
  const Dims4& in = a.input_dims;
  const int32_t channels = in.c, positions = in.h * in.w;
  for (int32_t n = 0; n < in.n; ++n) {
    const int8_t* image = a.input + offset(in, n, 0, 0, 0);
    int8_t* dst = a.output + n * channels;
    int32_t c = 0;
    for (; c + 4 <= channels; c += 4) {
      Sum4 sums;
      const int8_t* p = image + c;
      for (int32_t done = 0; done < positions;) {
        const int32_t end =
            positions - done > Sum4::kMaxLaneAdds ? done + Sum4::kMaxLaneAdds : positions;
        for (; done < end; ++done, p += channels) sums.add(simd::read_s32(p));
        sums.flush();
      }
      for (int i = 0; i < 4; ++i) dst[c + i] = finish(sums.total(i));
    }
    for (; c < channels; ++c) {  // the last channels % 4
      int32_t sum = 0;
      const int8_t* p = image + c;
      for (int32_t i = 0; i < positions; ++i, p += channels) sum += *p;
      dst[c] = finish(sum);
    }
  }
}

void general_mean(const MeanArgs& a, const MeanOutput& finish) {
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  const int32_t stride[4] = {in.h * in.w * in.c, in.w * in.c, in.c, 1};
  int32_t extent[4];  // of the reduced box: the input size on reduced axes, 1 elsewhere
  for (int i = 0; i < 4; ++i) extent[i] = ((a.axes_mask >> i) & 1u) ? in.at(i) : 1;
  int8_t* dst = a.output;
  for (int32_t on = 0; on < out.n; ++on) {
    for (int32_t oh = 0; oh < out.h; ++oh) {
      for (int32_t ow = 0; ow < out.w; ++ow) {
        for (int32_t oc = 0; oc < out.c; ++oc) {
          // Output coordinates are 0 on reduced axes, so this is the box's first element.
          const int8_t* corner = a.input + offset(in, on, oh, ow, oc);
          int32_t sum = 0;
          for (int32_t n = 0; n < extent[0]; ++n) {
            for (int32_t h = 0; h < extent[1]; ++h) {
              const int8_t* row = corner + n * stride[0] + h * stride[1];
              for (int32_t w = 0; w < extent[2]; ++w, row += stride[2]) {
                for (int32_t c = 0; c < extent[3]; ++c) sum += row[c];
              }
            }
          }
          *dst++ = finish(sum);
        }
      }
    }
  }
}

}  // namespace

Status mean_dsp(const MeanArgs& a) {
  const Status status = mean_validate(a);
  if (status != Status::kOk) return status;
  int32_t count = 1;
  for (int i = 0; i < 4; ++i) {
    if ((a.axes_mask >> i) & 1u) count *= a.input_dims.at(i);
  }
  const MeanRequant folded = mean_fold_count(a.multiplier, a.shift, count);
  const MeanOutput finish{make_fused_requant(folded.multiplier, folded.shift),
                          count * a.input_zero_point, a.output_zero_point};
  if (a.axes_mask == kSpatialAxes) {
    spatial_mean(a, finish);
  } else {
    general_mean(a, finish);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
