// FULLY_CONNECTED, ARMv7E-M SIMD32 variant: each input row is widened once into an
// interleaved int16 column (offset added), then four units at a time are computed as a 4x1
// register block of SMLADs (gemm_dsp.h), so every weight word is loaded once and used for
// two SMLADs.
#include "kernels/conv/fully_connected.h"
#include "kernels/conv/gemm_dsp.h"

namespace tt::kernels {
namespace {

template <int R>
void units_block(const FullyConnectedArgs& a, const int16_t* col, int32_t u, int8_t* out,
                 const gemm::OutputStage& stage) {
  const int8_t* rows[R];
  int32_t acc[R][1];
  for (int r = 0; r < R; ++r) {
    rows[r] = a.filter + (u + r) * a.depth;
    acc[r][0] = a.bias != nullptr ? a.bias[u + r] : 0;
  }
  const int16_t* cols[1] = {col};
  gemm::dot_block<R, 1>(rows, cols, a.depth, acc);
  for (int r = 0; r < R; ++r) {
    const int32_t qi = a.quant_count == 1 ? 0 : u + r;
    const FusedRequant q = make_fused_requant(a.quant.out_multiplier[qi], a.quant.out_shift[qi]);
    out[u + r] = stage.apply(acc[r][0], q);
  }
}

}  // namespace

int32_t fully_connected_dsp_scratch_size(const FullyConnectedArgs& a) {
  return (a.depth * 2 + 3) & ~3;
}

Status fully_connected_dsp(const FullyConnectedArgs& a) {
  const Status s = fully_connected_validate(a);
  if (s != Status::kOk) return s;
  if (a.scratch == nullptr || a.scratch_bytes < fully_connected_dsp_scratch_size(a)) {
    return Status::kScratchTooSmall;
  }
  int16_t* col = static_cast<int16_t*>(a.scratch);
  const gemm::OutputStage stage{a.quant.output_offset, a.quant.act_min, a.quant.act_max};
  const int32_t offset2 = gemm::offset_pair(a.quant.input_offset);
  for (int32_t b = 0; b < a.batches; ++b) {
    int32_t pos = 0;
    gemm::column_append(col, pos, a.input + b * a.depth, a.depth, offset2, a.depth & ~3);
    int8_t* out = a.output + b * a.units;
    int32_t u = 0;
    for (; u + 4 <= a.units; u += 4) units_block<4>(a, col, u, out, stage);
    for (; u + 2 <= a.units; u += 2) units_block<2>(a, col, u, out, stage);
    for (; u < a.units; ++u) units_block<1>(a, col, u, out, stage);
  }
  return Status::kOk;
}

}  // namespace tt::kernels
