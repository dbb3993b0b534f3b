// FULLY_CONNECTED reference: one dot product per (batch, unit), the TFLite int8 spec.
#include "kernels/conv/fully_connected.h"
#include "kernels/core/requantize.h"

namespace tt::kernels {

int32_t fully_connected_ref_scratch_size(const FullyConnectedArgs&) { return 0; }

Status fully_connected_ref(const FullyConnectedArgs& a) {
  const Status s = fully_connected_validate(a);
  if (s != Status::kOk) return s;
  const ConvQuant& q = a.quant;
  for (int32_t b = 0; b < a.batches; ++b) {
    for (int32_t u = 0; u < a.units; ++u) {
      int64_t acc = a.bias != nullptr ? a.bias[u] : 0;
      for (int32_t d = 0; d < a.depth; ++d) {
        const int32_t x = a.input[b * a.depth + d] + q.input_offset;
        acc += x * a.filter[u * a.depth + d];
      }
      const int32_t qi = a.quant_count == 1 ? 0 : u;
      int32_t v = multiply_by_quantized_multiplier(static_cast<int32_t>(acc), q.out_multiplier[qi],
                                                   q.out_shift[qi]);
      v = add_offset_clamp(v, q.output_offset, q.act_min, q.act_max);
      a.output[b * a.units + u] = static_cast<int8_t>(v);
    }
  }
  return Status::kOk;
}

}  // namespace tt::kernels
