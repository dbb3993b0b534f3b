// DEPTHWISE_CONV_2D fast path for 3x3 kernels, depth multiplier 1, no dilation, any stride
// and padding (the depthwise layers of DS-CNN and MobileNets).
//
// NHWC interleaves channels, but a 3x3 window needs neighbouring pixels of ONE channel
// side by side to use SMLAD. So one channel at a time is gathered into a padded int16
// plane, which is swept with its nine weights held in registers: per kernel line one SMLAD
// for taps 0-1 and one SMLABB/SMLABT for tap 2. The int32 sums of the channel go to scratch
// and are requantized in a second loop: each of the two small loops nearly fits the
// registers, where one big one spilled heavily.
//
// Scratch is one plane plus one channel's accumulators, 880 bytes for DS-CNN-S's 25x5
// layers (four planes, one per channel of an input word, took 2,020): it is planned into
// the arena, next to the activations.
//
// The plane holds the raw input, not input + offset: the offset is folded into the bias
// (bias + offset * sum of the nine weights) and the border holds -offset, so a padded tap
// adds (-offset + offset) * w = 0. All of it is exact modulo 2^32, like the int32 the
// reference casts its sum to. The gather is then one load and one store per pixel, and the
// border is the same for every channel: it is written once per call and every gather only
// overwrites the interior.
//
// The plane's lines run along the longer output axis (down the columns for DS-CNN's 25x5),
// so that setting up a line in the gather, sweep and requantization is paid per 25 outputs
// rather than per 5. A vertical plane is the transposed image with transposed weights.
#include "kernels/conv/depthwise_conv2d.h"
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"

namespace tt::kernels {
namespace {

constexpr int32_t kMaxScratchBytes = 32 * 1024;  // beyond that the generic path is used

// The plane's orientation. "Line" is the axis across the plane's lines, "pos" the axis along
// one line; horizontal: line = H and pos = W, vertical: line = W and pos = H.
struct Sweep {
  bool vertical;
  int32_t out_lines, out_len;           // outputs: out_lines lines of out_len
  int32_t stride_line, stride_pos;      // the convolution strides on both axes
  int32_t pad_line, pad_pos;            // leading padding on both axes
  int32_t lines, len;                   // padded plane covering every tap of every output
  int32_t in_lines, in_len;             // input extent on both axes
  int32_t in_step_line, in_step_pos;    // NHWC element steps of the input on both axes
  int32_t out_step_line, out_step_pos;  // NHWC element steps of the output on both axes
};

Sweep sweep(const DepthwiseConv2dArgs& a) {
  const Dims4& in = a.input_dims;
  const Dims4& out = a.output_dims;
  Sweep s;
  s.vertical = out.h > out.w;
  if (s.vertical) {
    s.out_lines = out.w, s.out_len = out.h;
    s.stride_line = a.stride_w, s.stride_pos = a.stride_h;
    s.pad_line = a.pad_left, s.pad_pos = a.pad_top;
    s.in_lines = in.w, s.in_len = in.h;
    s.in_step_line = in.c, s.in_step_pos = in.w * in.c;
    s.out_step_line = out.c, s.out_step_pos = out.w * out.c;
  } else {
    s.out_lines = out.h, s.out_len = out.w;
    s.stride_line = a.stride_h, s.stride_pos = a.stride_w;
    s.pad_line = a.pad_top, s.pad_pos = a.pad_left;
    s.in_lines = in.h, s.in_len = in.w;
    s.in_step_line = in.w * in.c, s.in_step_pos = in.c;
    s.out_step_line = out.w * out.c, s.out_step_pos = out.c;
  }
  s.lines = (s.out_lines - 1) * s.stride_line + 3;
  s.len = (s.out_len - 1) * s.stride_pos + 3;
  return s;
}

// Rounded up to whole words: the border is filled with word stores. 64-bit so that no valid
// shape overflows before the size limit rejects it. The same in both orientations.
int64_t plane_bytes(const DepthwiseConv2dArgs& a) {
  const int64_t rows = int64_t{a.output_dims.h - 1} * a.stride_h + 3;
  const int64_t cols = int64_t{a.output_dims.w - 1} * a.stride_w + 3;
  return (rows * cols * 2 + 3) & ~int64_t{3};
}

// The plane plus one channel's int32 accumulators.
int64_t scratch_bytes(const DepthwiseConv2dArgs& a) {
  return plane_bytes(a) + int64_t{a.output_dims.h} * a.output_dims.w * 4;
}

// Every cell of the plane to -offset. Word stores: newlib-nano's memset goes byte by byte.
void fill_border(const DepthwiseConv2dArgs& a, int16_t* plane) {
  const int32_t pad = -a.quant.input_offset;  // in [-128, 127]
  const int32_t pad2 = simd::pack16(pad, pad);
  const int32_t words = static_cast<int32_t>(plane_bytes(a) / 4);
  for (int32_t i = 0; i < words; ++i) simd::write_s32(plane + 2 * i, pad2);
}

// The input pixels of channel `ch` of batch `b` into the plane interior, as they are.
void gather(const DepthwiseConv2dArgs& a, const Sweep& s, int32_t b, int32_t ch, int16_t* plane) {
  const int32_t l_end = s.in_lines + s.pad_line < s.lines ? s.in_lines + s.pad_line : s.lines;
  const int32_t p_end = s.in_len + s.pad_pos < s.len ? s.in_len + s.pad_pos : s.len;
  if (p_end <= s.pad_pos) return;
  const int8_t* src_line = a.input + offset(a.input_dims, b, 0, 0, ch);
  const int32_t step = s.in_step_pos;
  for (int32_t l = s.pad_line; l < l_end; ++l, src_line += s.in_step_line) {
    const int8_t* src = src_line;
    int16_t* dst = plane + l * s.len + s.pad_pos;
    int16_t* const end = plane + l * s.len + p_end;
    do {
      *dst++ = *src;
      src += step;
    } while (dst != end);
  }
}

// One channel's weights as SMLAD/SMLABB/SMLABT operands, the input offset folded into the
// bias. Tap 2 of kernel lines 0 and 1 share a word: one register less keeps the sweep from
// spilling.
struct Taps {
  int32_t w01[3];  // per kernel line: [tap 0, tap 1]
  int32_t w2_01;   // [tap 2 of line 0, tap 2 of line 1]
  int32_t w2_2;    // tap 2 of line 2
  int32_t bias;
};

Taps taps(const DepthwiseConv2dArgs& a, const Sweep& s, int32_t oc) {
  const int8_t* w = a.filter + oc;  // tap (ky, kx) at w[(ky * 3 + kx) * channels]
  const int32_t ch = a.output_dims.c;
  // Tap `p` of kernel line `l`; a vertical plane is transposed.
  const int32_t step_l = (s.vertical ? 1 : 3) * ch, step_p = (s.vertical ? 3 : 1) * ch;
  Taps t;
  int32_t sum = 0, w2[3];
  for (int32_t l = 0; l < 3; ++l) {
    const int32_t w0 = w[l * step_l], w1 = w[l * step_l + step_p];
    w2[l] = w[l * step_l + 2 * step_p];
    t.w01[l] = simd::pack16(w0, w1);
    sum += w0 + w1 + w2[l];
  }
  t.w2_01 = simd::pack16(w2[0], w2[1]);
  t.w2_2 = w2[2];
  const uint32_t bias = a.bias != nullptr ? static_cast<uint32_t>(a.bias[oc]) : 0u;
  t.bias = static_cast<int32_t>(bias + static_cast<uint32_t>(a.quant.input_offset * sum));
  return t;
}

// Pass 1: the nine MACs of every output of one channel, line after line. Out of line, so
// that the weights, the bias and the three tap pointers get the registers (inlined into
// the channel loop, most weights were reloaded from the stack per output); with kStride > 0
// the pointers step by an immediate.
template <int32_t kStride>
[[gnu::noinline]] void accumulate(const Sweep& s, const int16_t* plane, const Taps& k,
                                  int32_t* acc) {
  const int32_t step = kStride > 0 ? kStride : s.stride_pos;
  const int32_t len = s.len, line_step = s.stride_line * s.len, out_len = s.out_len;
  const int32_t w01_0 = k.w01[0], w01_1 = k.w01[1], w01_2 = k.w01[2];
  const int32_t w2_01 = k.w2_01, w2_2 = k.w2_2, bias = k.bias;
  int32_t* const stop = acc + s.out_lines * out_len;
  int32_t line = 0;  // an index, not a pointer: it passes the plane's end after the last line
  do {
    const int16_t* t0 = plane + line;
    const int16_t* t1 = t0 + len;
    const int16_t* t2 = t1 + len;
    int32_t* const end = acc + out_len;
    do {
      int32_t v = simd::smlad(simd::read_s32(t0), w01_0, bias);
      v = simd::smlabb(t0[2], w2_01, v);
      v = simd::smlad(simd::read_s32(t1), w01_1, v);
      v = simd::smlabt(t1[2], w2_01, v);
      v = simd::smlad(simd::read_s32(t2), w01_2, v);
      *acc++ = simd::smlabb(t2[2], w2_2, v);
      t0 += step;
      t1 += step;
      t2 += step;
    } while (acc != end);
    line += line_step;
  } while (acc != stop);
}

// Pass 2: requantize one channel's accumulators into the NHWC output.
void requantize(const DepthwiseConv2dArgs& a, const Sweep& s, int32_t b, int32_t oc,
                const int32_t* acc) {
  const FusedRequant q = make_fused_requant(a.quant.out_multiplier[oc], a.quant.out_shift[oc]);
  const int32_t out_off = a.quant.output_offset;
  const int32_t lo = a.quant.act_min, hi = a.quant.act_max;
  int8_t* dst_line = a.output + offset(a.output_dims, b, 0, 0, oc);
  const int32_t step = s.out_step_pos;
  auto loop = [&](const FusedRequant& fq) {
    for (int32_t l = 0; l < s.out_lines; ++l, dst_line += s.out_step_line) {
      int8_t* dst = dst_line;
      const int32_t* const end = acc + s.out_len;
      do {
        *dst = requantize_to_s8(*acc++, fq, out_off, lo, hi);
        dst += step;
      } while (acc != end);
    }
  };
  // The usual shifts get a loop of their own, with the shift tests resolved outside it.
  if (q.left_shift == 0 && q.right_shift > 0) {
    loop(q);
  } else {
    loop(q);
  }
}

template <int32_t kStride>
void run(const DepthwiseConv2dArgs& a, const Sweep& s) {
  int16_t* const plane = static_cast<int16_t*>(a.scratch);
  int32_t* const acc =
      reinterpret_cast<int32_t*>(static_cast<uint8_t*>(a.scratch) + plane_bytes(a));
  fill_border(a, plane);
  for (int32_t b = 0; b < a.output_dims.n; ++b) {
    for (int32_t c = 0; c < a.output_dims.c; ++c) {
      gather(a, s, b, c, plane);
      accumulate<kStride>(s, plane, taps(a, s, c), acc);
      requantize(a, s, b, c, acc);
    }
  }
}

}  // namespace

bool depthwise_conv2d_3x3_dsp_applies(const DepthwiseConv2dArgs& a) {
  return a.filter_dims.h == 3 && a.filter_dims.w == 3 && a.depth_multiplier == 1 &&
         a.dilation_h == 1 && a.dilation_w == 1 && scratch_bytes(a) <= kMaxScratchBytes;
}

int32_t depthwise_conv2d_3x3_dsp_scratch_size(const DepthwiseConv2dArgs& a) {
  return static_cast<int32_t>(scratch_bytes(a));
}

void depthwise_conv2d_3x3_dsp(const DepthwiseConv2dArgs& a) {
  const Sweep s = sweep(a);
  // Stride 1 (DS-CNN) and 2 (MobileNet's downsampling) along the lines step by immediates.
  if (s.stride_pos == 1) {
    run<1>(a, s);
  } else if (s.stride_pos == 2) {
    run<2>(a, s);
  } else {
    run<0>(a, s);
  }
}

}  // namespace tt::kernels
