#include "tests/kernels/bench/bench_layers.h"

#include <cmath>

#include "kernels/core/quantize_multiplier.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::bench {

LayerArgs make_layer_args(const Layer& l, tests::Rng& rng) {
  using tests::arena;
  const int32_t in_count = l.in_h * l.in_w * l.in_c;
  const int32_t filter_count =
      l.op == Op::kDepthwise ? l.k_h * l.k_w * l.out_c : l.out_c * l.k_h * l.k_w * l.in_c;
  const int32_t quant_count = l.op == Op::kFullyConnected ? 1 : l.out_c;  // per-tensor FC
  int8_t* input = arena().alloc<int8_t>(in_count);
  int8_t* filter = arena().alloc<int8_t>(filter_count);
  int32_t* bias = arena().alloc<int32_t>(l.out_c);
  int32_t* multiplier = arena().alloc<int32_t>(quant_count);
  int32_t* shift = arena().alloc<int32_t>(quant_count);
  rng.fill_s8(input, in_count);
  for (int32_t i = 0; i < filter_count; ++i) {
    filter[i] = static_cast<int8_t>(rng.uniform(-127, 127));  // symmetric int8 weights
  }
  rng.fill_s32(bias, l.out_c, -20000, 20000);
  for (int32_t c = 0; c < quant_count; ++c) {
    // input_scale * weight_scale / output_scale, 2^-8 .. 2^-10 as in trained models.
    const double real = std::exp2(-8.0 - rng.uniform(0, 2000) / 1000.0);
    const kernels::QuantizedMultiplier q = kernels::quantize_multiplier(real);
    multiplier[c] = q.multiplier;
    shift[c] = q.shift;
  }
  kernels::ConvQuant quant;
  quant.input_offset = -rng.uniform(-128, 127);
  quant.output_offset = rng.uniform(-128, 127);
  quant.out_multiplier = multiplier;
  quant.out_shift = shift;

  LayerArgs a;
  a.conv.input_dims = a.depthwise.input_dims = kernels::Dims4{1, l.in_h, l.in_w, l.in_c};
  a.conv.output_dims = a.depthwise.output_dims = kernels::Dims4{1, l.out_h, l.out_w, l.out_c};
  a.conv.filter_dims = kernels::Dims4{l.out_c, l.k_h, l.k_w, l.in_c};
  a.depthwise.filter_dims = kernels::Dims4{1, l.k_h, l.k_w, l.out_c};
  a.conv.stride_h = a.conv.stride_w = a.depthwise.stride_h = a.depthwise.stride_w = l.stride;
  a.conv.pad_top = a.depthwise.pad_top = l.pad_top;
  a.conv.pad_left = a.depthwise.pad_left = l.pad_left;
  a.conv.quant = a.depthwise.quant = a.fc.quant = quant;
  a.conv.input = a.depthwise.input = a.fc.input = input;
  a.conv.filter = a.depthwise.filter = a.fc.filter = filter;
  a.conv.bias = a.depthwise.bias = a.fc.bias = bias;
  a.fc.depth = l.in_c;
  a.fc.units = l.out_c;
  a.fc.quant_count = quant_count;
  return a;
}

}  // namespace tt::bench
