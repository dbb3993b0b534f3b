// Internal building blocks of the SIMD32 CONV_2D / FULLY_CONNECTED kernels (not a public op).
//
// Columns ("im2col" vectors) are int16 with the input offset already added, stored
// "interleaved by four": each group of four elements x0 x1 x2 x3 is laid out as x0 x2 x1 x3,
// so that one 32-bit load yields [x0, x2] and the next [x1, x3] -- exactly the lane order
// that SXTB16 and SXTB16-ROR8 produce from four int8 weights. One SMLAD then does two MACs
// with no re-packing (PKHBT) in the inner loop. A final K % 4 tail is stored in natural
// order and handled with scalar MACs.
#pragma once

#include <cstdint>

#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"

namespace tt::kernels::gemm {

// [offset, offset] in two int16 lanes, for SXTAB16.
inline int32_t offset_pair(int32_t offset) { return simd::pack16(offset, offset); }

// Where element `pos` of a column is stored: inside a full group of four the order is
// 0,2,1,3; the tail after the last full group is in natural order.
inline int32_t slot(int32_t pos, int32_t full_groups_end) {
  const int32_t r = pos & 3;
  return pos < full_groups_end ? (pos - r) + ((r & 1) << 1) + (r >> 1) : pos;
}

// Appends `n` int8 values (+ offset) to a column under construction; `pos` is the number
// of elements already written. Word path when both are aligned to a group of four.
inline void column_append(int16_t* col, int32_t& pos, const int8_t* src, int32_t n, int32_t offset2,
                          int32_t full_groups_end) {
  int32_t i = 0;
  if ((pos & 3) == 0) {
    for (; i + 4 <= n && pos + 4 <= full_groups_end; i += 4, pos += 4) {
      const int32_t w = simd::read_s32(src + i);
      simd::write_s32(col + pos, simd::sxtab16(offset2, w));           // x0 x2
      simd::write_s32(col + pos + 2, simd::sxtab16_ror8(offset2, w));  // x1 x3
    }
  }
  const int32_t offset = static_cast<int16_t>(offset2);
  for (; i < n; ++i, ++pos) col[slot(pos, full_groups_end)] = static_cast<int16_t>(src[i] + offset);
}

// Appends `n` zeros (padding: input zero point + offset == 0). Whole groups are written
// directly; partial groups go through slot() so they do not overwrite permuted neighbours.
inline void column_zeros(int16_t* col, int32_t& pos, int32_t n, int32_t full_groups_end) {
  int32_t i = 0;
  for (; i < n && (pos & 3) != 0; ++i, ++pos) col[slot(pos, full_groups_end)] = 0;
  for (; i + 4 <= n; i += 4, pos += 4) {
    simd::write_s32(col + pos, 0);
    simd::write_s32(col + pos + 2, 0);
  }
  for (; i < n; ++i, ++pos) col[slot(pos, full_groups_end)] = 0;
}

// acc[r][c] += dot(filter row r, column c) over k elements, for R rows and C columns.
// Filter rows are int8 (any alignment); columns are interleaved int16 (see above).
template <int R, int C>
inline void dot_block(const int8_t* const* rows, const int16_t* const* cols, int32_t k,
                      int32_t (&acc)[R][C]) {
  // Local copies: a reference-passed array would be stored back on every iteration.
  int32_t sum[R][C];
  const int8_t* w[R];
  const int16_t* x[C];
  for (int r = 0; r < R; ++r) {
    w[r] = rows[r];
    for (int c = 0; c < C; ++c) sum[r][c] = acc[r][c];
  }
  for (int c = 0; c < C; ++c) x[c] = cols[c];
  for (int32_t g = k >> 2; g > 0; --g) {
    int32_t xe[C], xo[C];
    for (int c = 0; c < C; ++c) {
      xe[c] = simd::read_s32(x[c]);
      xo[c] = simd::read_s32(x[c] + 2);
      x[c] += 4;
    }
    for (int r = 0; r < R; ++r) {
      const int32_t wv = simd::read_s32(w[r]);
      w[r] += 4;
      const int32_t we = simd::sxtb16(wv);
      const int32_t wo = simd::sxtb16_ror8(wv);
      for (int c = 0; c < C; ++c) {
        sum[r][c] = simd::smlad(we, xe[c], sum[r][c]);
        sum[r][c] = simd::smlad(wo, xo[c], sum[r][c]);
      }
    }
  }
  for (int32_t i = k & ~3; i < k; ++i) {  // natural-order tail
    for (int r = 0; r < R; ++r) {
      for (int c = 0; c < C; ++c) sum[r][c] = simd::smlabb(rows[r][i], cols[c][i], sum[r][c]);
    }
  }
  for (int r = 0; r < R; ++r) {
    for (int c = 0; c < C; ++c) acc[r][c] = sum[r][c];
  }
}

// The 2x2 block (two filter rows, two columns) hand-written for register pressure: the
// second row and column are addressed as offsets from the first, so the loop needs two
// pointers instead of four and nothing spills on the M7 (16 MACs per 4-element group).
inline void dot_block_2x2(const int8_t* row0, int32_t row_stride, const int16_t* col0,
                          int32_t col_stride, int32_t k, int32_t (&acc)[2][2]) {
  int32_t s00 = acc[0][0], s01 = acc[0][1], s10 = acc[1][0], s11 = acc[1][1];
  const int8_t* w = row0;
  const int16_t* x = col0;
  const int16_t* const end = col0 + (k & ~3);
  while (x != end) {
    const int32_t x0e = simd::read_s32(x), x0o = simd::read_s32(x + 2);
    const int32_t x1e = simd::read_s32(x + col_stride), x1o = simd::read_s32(x + col_stride + 2);
    const int32_t w0 = simd::read_s32(w), w1 = simd::read_s32(w + row_stride);
    const int32_t w0e = simd::sxtb16(w0), w0o = simd::sxtb16_ror8(w0);
    s00 = simd::smlad(w0o, x0o, simd::smlad(w0e, x0e, s00));
    s01 = simd::smlad(w0o, x1o, simd::smlad(w0e, x1e, s01));
    const int32_t w1e = simd::sxtb16(w1), w1o = simd::sxtb16_ror8(w1);
    s10 = simd::smlad(w1o, x0o, simd::smlad(w1e, x0e, s10));
    s11 = simd::smlad(w1o, x1o, simd::smlad(w1e, x1e, s11));
    x += 4;
    w += 4;
  }
  for (int32_t i = k & ~3; i < k; ++i) {  // natural-order tail
    s00 = simd::smlabb(row0[i], col0[i], s00);
    s01 = simd::smlabb(row0[i], col0[col_stride + i], s01);
    s10 = simd::smlabb(row0[row_stride + i], col0[i], s10);
    s11 = simd::smlabb(row0[row_stride + i], col0[col_stride + i], s11);
  }
  acc[0][0] = s00;
  acc[0][1] = s01;
  acc[1][0] = s10;
  acc[1][1] = s11;
}

// Output stage shared by the conv-like kernels: requantize, add the output offset, clamp.
struct OutputStage {
  int32_t output_offset, act_min, act_max;

  int8_t apply(int32_t acc, const FusedRequant& q) const {
    return requantize_to_s8(acc, q, output_offset, act_min, act_max);
  }
};

}  // namespace tt::kernels::gemm
