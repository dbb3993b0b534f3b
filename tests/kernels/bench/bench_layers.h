// The real layer shapes every kernel benchmark runs (host Google Benchmark and the
// instruction counts under QEMU): the CMSIS-NN CIFAR-10 CNN, MLPerf Tiny's DS-CNN-S
// (kws_ref_model.tflite) and the ANCHORS.md conv shape, with deterministic int8 data and
// realistic requantization. Framework-neutral (also built for the Cortex-M7).
#pragma once

#include <cstdint>

#include "kernels/registry.h"
#include "tests/kernels/checks/rng.h"

namespace tt::bench {

// TFLite SAME padding: out = ceil(in / stride), and the total padding
// max((out - 1) * stride + kernel - in, 0) is split with the smaller half before.
constexpr int32_t same_out(int32_t in, int32_t stride) { return (in + stride - 1) / stride; }
constexpr int32_t same_pad_before(int32_t in, int32_t kernel, int32_t stride) {
  const int32_t total = (same_out(in, stride) - 1) * stride + kernel - in;
  return total > 0 ? total / 2 : 0;
}
// DS-CNN-S's first conv: 10x4 stride 2 on 49x10 -> 25x5, pad_top 4 (bottom 5), pad_left 1.
static_assert(same_out(49, 2) == 25 && same_out(10, 2) == 5);
static_assert(same_pad_before(49, 10, 2) == 4 && same_pad_before(10, 4, 2) == 1);
// Its 3x3 depthwise convs on 25x5, the CIFAR-10 5x5 convs and the anchor's 3x3 conv.
static_assert(same_pad_before(25, 3, 1) == 1 && same_pad_before(5, 3, 1) == 1);
static_assert(same_pad_before(32, 5, 1) == 2 && same_pad_before(8, 5, 1) == 2);
static_assert(same_pad_before(32, 3, 1) == 1);

enum class Op { kConv, kDepthwise, kFullyConnected };

struct Layer {
  const char* model;
  const char* name;
  Op op;
  int32_t in_h, in_w, in_c;  // FULLY_CONNECTED: in_c is the depth
  int32_t k_h, k_w, out_c;   // FULLY_CONNECTED: out_c is the units
  int32_t stride, pad_top, pad_left;
  int32_t out_h, out_w;
};

inline constexpr int32_t kP1 = same_pad_before(25, 3, 1);
inline constexpr Layer kLayers[] = {
    {"cifar10", "conv1 5x5 3->32 32x32", Op::kConv, 32, 32, 3, 5, 5, 32, 1, 2, 2, 32, 32},
    {"cifar10", "conv2 5x5 32->32 16x16", Op::kConv, 16, 16, 32, 5, 5, 32, 1, 2, 2, 16, 16},
    {"cifar10", "conv3 5x5 32->64 8x8", Op::kConv, 8, 8, 32, 5, 5, 64, 1, 2, 2, 8, 8},
    {"cifar10", "fc 1024->10", Op::kFullyConnected, 1, 1, 1024, 1, 1, 10, 1, 0, 0, 1, 1},
    {"ds_cnn_s", "conv1 10x4/2 1->64", Op::kConv, 49, 10, 1, 10, 4, 64, 2,
     same_pad_before(49, 10, 2), same_pad_before(10, 4, 2), same_out(49, 2), same_out(10, 2)},
    {"ds_cnn_s", "dw1 3x3 64 25x5", Op::kDepthwise, 25, 5, 64, 3, 3, 64, 1, kP1, kP1, 25, 5},
    {"ds_cnn_s", "pw1 1x1 64->64", Op::kConv, 25, 5, 64, 1, 1, 64, 1, 0, 0, 25, 5},
    {"ds_cnn_s", "dw2 3x3 64 25x5", Op::kDepthwise, 25, 5, 64, 3, 3, 64, 1, kP1, kP1, 25, 5},
    {"ds_cnn_s", "pw2 1x1 64->64", Op::kConv, 25, 5, 64, 1, 1, 64, 1, 0, 0, 25, 5},
    {"ds_cnn_s", "dw3 3x3 64 25x5", Op::kDepthwise, 25, 5, 64, 3, 3, 64, 1, kP1, kP1, 25, 5},
    {"ds_cnn_s", "pw3 1x1 64->64", Op::kConv, 25, 5, 64, 1, 1, 64, 1, 0, 0, 25, 5},
    {"ds_cnn_s", "dw4 3x3 64 25x5", Op::kDepthwise, 25, 5, 64, 3, 3, 64, 1, kP1, kP1, 25, 5},
    {"ds_cnn_s", "pw4 1x1 64->64", Op::kConv, 25, 5, 64, 1, 1, 64, 1, 0, 0, 25, 5},
    {"ds_cnn_s", "fc 64->12", Op::kFullyConnected, 1, 1, 64, 1, 1, 12, 1, 0, 0, 1, 1},
    {"anchor", "conv 3x3 16->16 32x32", Op::kConv, 32, 32, 16, 3, 3, 16, 1, 1, 1, 32, 32},
};
inline constexpr int32_t kNumLayers = sizeof kLayers / sizeof kLayers[0];

constexpr int64_t macs(const Layer& l) {
  const int64_t per_output =
      l.op == Op::kDepthwise ? int64_t{l.k_h} * l.k_w : int64_t{l.k_h} * l.k_w * l.in_c;
  return per_output * l.out_h * l.out_w * l.out_c;
}
constexpr bool same_name(const char* a, const char* b) {
  while (*a != 0 && *a == *b) ++a, ++b;
  return *a == *b;
}
constexpr int64_t model_macs(const char* model) {
  int64_t sum = 0;
  for (const Layer& l : kLayers) sum += same_name(l.model, model) ? macs(l) : 0;
  return sum;
}
static_assert(model_macs("ds_cnn_s") == 2656768, "DS-CNN-S is 2,656,768 MACs (ANCHORS.md)");

constexpr int32_t output_count(const Layer& l) { return l.out_h * l.out_w * l.out_c; }

// Arguments of one layer with its tensors allocated from tests::arena() and filled from
// `rng`; output and scratch are left for the caller.
struct LayerArgs {
  kernels::Conv2dArgs conv;
  kernels::DepthwiseConv2dArgs depthwise;
  kernels::FullyConnectedArgs fc;
};
LayerArgs make_layer_args(const Layer& l, tests::Rng& rng);

}  // namespace tt::bench
