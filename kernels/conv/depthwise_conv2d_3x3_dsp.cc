// DEPTHWISE_CONV_2D fast path for 3x3 kernels, depth multiplier 1, no dilation, any stride
// and padding (the depthwise layers of DS-CNN and MobileNets).
//
// NHWC interleaves channels, but a 3x3 window needs neighbouring pixels of ONE channel
// side by side to use SMLAD. So four channels at a time are gathered into four padded
// int16 planes (offset added, borders zero), read with one 32-bit word load per input word
// (SXTAB16 splits it into channels 0/2 and 1/3). Then each plane is swept with its nine
// weights held in registers: per kernel row one SMLAD for taps 0-1 and one SMLABB for
// tap 2. The int32 sums of a channel go to scratch and are requantized in a second loop:
// two small loops keep everything in registers where one big one spilled.
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"

namespace tt::kernels {
namespace {

constexpr int32_t kPlanes = 4;
constexpr int32_t kMaxScratchBytes = 32 * 1024;  // beyond that the generic path is used

struct PlaneGeometry {
  int32_t rows, cols;  // padded plane size covering every tap of every output
};

PlaneGeometry geometry(const DepthwiseConv2dArgs& a) {
  return PlaneGeometry{(a.output_dims.h - 1) * a.stride_h + 3,
                       (a.output_dims.w - 1) * a.stride_w + 3};
}

int32_t planes_bytes(const DepthwiseConv2dArgs& a) {
  const PlaneGeometry g = geometry(a);
  return kPlanes * ((g.rows * g.cols * 2 + 3) & ~3);
}

// Planes plus one channel's int32 accumulators.
int32_t scratch_bytes(const DepthwiseConv2dArgs& a) {
  return planes_bytes(a) + a.output_dims.h * a.output_dims.w * 4;
}

void gather(const DepthwiseConv2dArgs& a, int32_t b, int32_t c0, int32_t nch, int16_t* const* p,
            const PlaneGeometry& g) {
  const Dims4& in = a.input_dims;
  const int32_t off = a.quant.input_offset;
  const int32_t off2 = simd::pack16(off, off);
  // Word stores: newlib-nano's memset goes byte by byte. Planes are 4-byte aligned and
  // padded to a multiple of 4 bytes.
  const int32_t words = (g.rows * g.cols * 2 + 3) / 4;
  for (int32_t j = 0; j < nch; ++j) {
    for (int32_t i = 0; i < words; ++i) simd::write_s32(p[j] + 2 * i, 0);
  }
  const int32_t r_begin = a.pad_top > 0 ? a.pad_top : 0;
  const int32_t r_end = in.h + a.pad_top < g.rows ? in.h + a.pad_top : g.rows;
  const int32_t c_begin = a.pad_left;
  const int32_t c_end = in.w + a.pad_left < g.cols ? in.w + a.pad_left : g.cols;
  for (int32_t r = r_begin; r < r_end; ++r) {
    const int8_t* src = a.input + offset(in, b, r - a.pad_top, c_begin - a.pad_left, c0);
    const int32_t row = r * g.cols;
    for (int32_t c = c_begin; c < c_end; ++c, src += in.c) {
      if (nch == 4) {
        const int32_t w = simd::read_s32(src);
        const int32_t e = simd::sxtab16(off2, w), o = simd::sxtab16_ror8(off2, w);
        p[0][row + c] = static_cast<int16_t>(e);
        p[2][row + c] = static_cast<int16_t>(e >> 16);
        p[1][row + c] = static_cast<int16_t>(o);
        p[3][row + c] = static_cast<int16_t>(o >> 16);
      } else {
        for (int32_t j = 0; j < nch; ++j) p[j][row + c] = static_cast<int16_t>(src[j] + off);
      }
    }
  }
}

// Pass 1: the nine MACs of every output of one channel, weights held in registers.
void accumulate(const DepthwiseConv2dArgs& a, int32_t oc, const int16_t* plane,
                const PlaneGeometry& g, int32_t* acc) {
  const Dims4& out = a.output_dims;
  const int8_t* w = a.filter + oc;  // tap (r, c) at w[(r * 3 + c) * channels]
  const int32_t ch = out.c;
  int32_t w01[3], w2[3];
  for (int32_t r = 0; r < 3; ++r) {
    w01[r] = simd::pack16(w[(r * 3) * ch], w[(r * 3 + 1) * ch]);
    w2[r] = w[(r * 3 + 2) * ch];
  }
  const int32_t bias = a.bias != nullptr ? a.bias[oc] : 0;
  const int32_t cols = g.cols, sx = a.stride_w;
  for (int32_t oy = 0; oy < out.h; ++oy) {
    const int16_t* t = plane + oy * a.stride_h * cols;
    for (int32_t ox = 0; ox < out.w; ++ox, t += sx) {
      int32_t v = simd::smlad(simd::read_s32(t), w01[0], bias);
      v = simd::smlabb(t[2], w2[0], v);
      v = simd::smlad(simd::read_s32(t + cols), w01[1], v);
      v = simd::smlabb(t[cols + 2], w2[1], v);
      v = simd::smlad(simd::read_s32(t + 2 * cols), w01[2], v);
      *acc++ = simd::smlabb(t[2 * cols + 2], w2[2], v);
    }
  }
}

// Pass 2: requantize one channel's accumulators into the NHWC output.
void requantize(const DepthwiseConv2dArgs& a, int32_t b, int32_t oc, const int32_t* acc) {
  const Dims4& out = a.output_dims;
  const FusedRequant q = make_fused_requant(a.quant.out_multiplier[oc], a.quant.out_shift[oc]);
  const int32_t out_off = a.quant.output_offset;
  const int32_t lo = a.quant.act_min, hi = a.quant.act_max;
  const int32_t ch = out.c;
  int8_t* dst = a.output + offset(out, b, 0, 0, oc);
  const int32_t n = out.h * out.w;
  for (int32_t i = 0; i < n; ++i, dst += ch) {
    *dst = requantize_to_s8(acc[i], q, out_off, lo, hi);
  }
}

}  // namespace

bool depthwise_conv2d_3x3_dsp_applies(const DepthwiseConv2dArgs& a) {
  return a.filter_dims.h == 3 && a.filter_dims.w == 3 && a.depth_multiplier == 1 &&
         a.dilation_h == 1 && a.dilation_w == 1 && scratch_bytes(a) <= kMaxScratchBytes;
}

int32_t depthwise_conv2d_3x3_dsp_scratch_size(const DepthwiseConv2dArgs& a) {
  return scratch_bytes(a);
}

void depthwise_conv2d_3x3_dsp(const DepthwiseConv2dArgs& a) {
  const PlaneGeometry g = geometry(a);
  const int32_t plane_elems = ((g.rows * g.cols * 2 + 3) & ~3) / 2;
  int16_t* planes[kPlanes];
  for (int32_t j = 0; j < kPlanes; ++j)
    planes[j] = static_cast<int16_t*>(a.scratch) + j * plane_elems;
  int32_t* acc = reinterpret_cast<int32_t*>(static_cast<uint8_t*>(a.scratch) + planes_bytes(a));
  const int32_t channels = a.output_dims.c;
  for (int32_t b = 0; b < a.output_dims.n; ++b) {
    for (int32_t c0 = 0; c0 < channels; c0 += kPlanes) {
      const int32_t nch = channels - c0 < kPlanes ? channels - c0 : kPlanes;
      gather(a, b, c0, nch, planes, g);
      for (int32_t j = 0; j < nch; ++j) {
        accumulate(a, c0 + j, planes[j], g, acc);
        requantize(a, b, c0 + j, acc);
      }
    }
  }
}

}  // namespace tt::kernels
