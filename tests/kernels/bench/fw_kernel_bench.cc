// Instruction counts of every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED variant in the
// kernel registry on real layer shapes (the CMSIS-NN CIFAR-10 CNN, MLPerf Tiny's DS-CNN-S and
// the ANCHORS.md conv shape), on the Cortex-M7 under qemu-system-arm -icount shift=0.
//
// Per layer and variant: deterministic random int8 data and realistic per-channel
// requantization, one warm-up run, then one counted run (SysTick, +-40 instructions; see
// firmware/boards/mps2_an500/instruction_counter.h). Each variant's output must equal the
// first variant's (the *_ref oracle) byte for byte: a difference prints MISMATCH and the
// image exits 1. A variant that returns Status::kUnsupported is listed as such and skipped.
// Counts are instructions, not cycles; no performance goal is asserted here.
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "firmware/boards/mps2_an500/instruction_counter.h"
#include "kernels/core/quantize_multiplier.h"
#include "kernels/registry.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::bench {
namespace {

using kernels::Status;
using tests::arena;
using tests::Rng;

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

constexpr int32_t kP1 = same_pad_before(25, 3, 1);
constexpr Layer kLayers[] = {
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

constexpr int64_t macs(const Layer& l) {
  const int64_t per_output =
      l.op == Op::kDepthwise ? int64_t{l.k_h} * l.k_w : int64_t{l.k_h} * l.k_w * l.in_c;
  return per_output * l.out_h * l.out_w * l.out_c;
}
constexpr bool same(const char* a, const char* b) {
  for (; *a != 0 && *a == *b; ++a) {
    ++b;
  }
  return *a == *b;
}
constexpr int64_t model_macs(const char* model) {
  int64_t sum = 0;
  for (const Layer& l : kLayers) {
    // cppcheck-suppress useStlAlgorithm ; std::accumulate is not constexpr in C++17
    sum += same(l.model, model) ? macs(l) : 0;
  }
  return sum;
}
static_assert(model_macs("ds_cnn_s") == 2656768, "DS-CNN-S is 2,656,768 MACs (ANCHORS.md)");

// Unsigned decimal without %llu (newlib-nano's printf has no long long).
const char* u64(uint64_t v, char (&buf)[21]) {
  char* p = buf + sizeof buf - 1;
  *p = 0;
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return p;
}

// One table row; instructions < 0 prints `result` instead. The ratio is rounded to
// hundredths in integers (no floating-point printf in newlib-nano by default).
void print_row(const char* model, const char* layer, const char* op, const char* variant,
               uint64_t mac_count, const char* result, int64_t instructions, int32_t scratch) {
  char macs_text[21], count_text[21], ratio[24] = "-";
  if (instructions >= 0) {
    const uint64_t hundredths =
        (static_cast<uint64_t>(instructions) * 100 + mac_count / 2) / mac_count;
    char units[21];
    std::snprintf(ratio, sizeof ratio, "%s.%02" PRIu32, u64(hundredths / 100, units),
                  static_cast<uint32_t>(hundredths % 100));
  }
  const char* shown =
      instructions >= 0 ? u64(static_cast<uint64_t>(instructions), count_text) : result;
  std::printf("%-9s %-24s %-17s %-8s %10s %13s %9s", model, layer, op, variant,
              u64(mac_count, macs_text), shown, ratio);
  if (scratch >= 0) {
    std::printf(" %9" PRId32, scratch);
  }
  std::printf("\n");
}

struct Total {
  const char* model;
  const char* variant;
  uint64_t macs, instructions;
  int32_t layers, measured;
};
constexpr int32_t kMaxTotals = 32;
Total g_totals[kMaxTotals];
int32_t g_num_totals = 0;
bool g_failed = false;

Total& total_for(const char* model, const char* variant) {
  for (int32_t i = 0; i < g_num_totals; ++i) {
    if (same(g_totals[i].model, model) && same(g_totals[i].variant, variant)) {
      return g_totals[i];
    }
  }
  if (g_num_totals == kMaxTotals) {
    static Total overflow;  // more models x variants than rows: not summed
    return overflow;
  }
  g_totals[g_num_totals] = Total{model, variant, 0, 0, 0, 0};
  return g_totals[g_num_totals++];
}

// The buffers shared by every variant of one layer.
struct Tensors {
  int8_t* input;
  int8_t* filter;
  int32_t* bias;
  int32_t* multiplier;
  int32_t* shift;
  kernels::ConvQuant quant;
};

Tensors make_tensors(const Layer& l, int32_t filter_count, int32_t quant_count, Rng& rng) {
  Tensors t{};
  const int32_t in_count = l.in_h * l.in_w * l.in_c;
  t.input = arena().alloc<int8_t>(in_count);
  t.filter = arena().alloc<int8_t>(filter_count);
  t.bias = arena().alloc<int32_t>(l.out_c);
  t.multiplier = arena().alloc<int32_t>(quant_count);
  t.shift = arena().alloc<int32_t>(quant_count);
  rng.fill_s8(t.input, in_count);
  for (int32_t i = 0; i < filter_count; ++i) {
    t.filter[i] = static_cast<int8_t>(rng.uniform(-127, 127));  // symmetric int8 weights
  }
  rng.fill_s32(t.bias, l.out_c, -20000, 20000);
  for (int32_t c = 0; c < quant_count; ++c) {
    // input_scale * weight_scale / output_scale, 2^-8 .. 2^-10 as in trained models.
    const double real = std::exp2(-8.0 - rng.uniform(0, 2000) / 1000.0);
    const kernels::QuantizedMultiplier q = kernels::quantize_multiplier(real);
    t.multiplier[c] = q.multiplier;
    t.shift[c] = q.shift;
  }
  t.quant.input_offset = -rng.uniform(-128, 127);
  t.quant.output_offset = rng.uniform(-128, 127);
  t.quant.out_multiplier = t.multiplier;
  t.quant.out_shift = t.shift;
  return t;
}

// Runs every variant of `ops` on `args` (inputs already set), prints a row each, checks the
// outputs against variant 0 and adds to the model's totals.
template <typename Args, int32_t N>
void run_variants(const Layer& l, const kernels::OpVariants<Args, N>& ops, Args args,
                  int32_t out_count) {
  int8_t* outputs[N] = {};
  Status status[N] = {};
  const uint64_t mac_count = static_cast<uint64_t>(macs(l));
  for (int32_t v = 0; v < N; ++v) {
    const kernels::KernelVariant<Args>& variant = ops.variants[v];
    Total& sum = total_for(l.model, variant.name);
    ++sum.layers;
    outputs[v] = arena().alloc<int8_t>(out_count);
    std::memset(outputs[v], 0x55 + v, out_count);  // unwritten outputs differ per variant
    const int32_t scratch = variant.scratch_size ? variant.scratch_size(args) : 0;
    if (scratch < 0) {
      print_row(l.model, l.name, ops.op, variant.name, mac_count, "BAD_SCRATCH", -1, scratch);
      status[v] = Status::kBadParameter;  // no output to compare
      g_failed = true;
      continue;
    }
    args.output = outputs[v];
    args.scratch = scratch > 0 ? arena().alloc_bytes(scratch) : nullptr;
    args.scratch_bytes = scratch;
    status[v] = variant.run(args);  // warm-up
    if (status[v] == Status::kOk) {
      const uint64_t start = tt_icount_start();
      status[v] = variant.run(args);
      const uint64_t instructions = tt_icount_elapsed(start);
      if (status[v] == Status::kOk) {
        print_row(l.model, l.name, ops.op, variant.name, mac_count, "", instructions, scratch);
        sum.macs += mac_count;
        sum.instructions += instructions;
        ++sum.measured;
      }
    }
    if (status[v] == Status::kUnsupported) {
      print_row(l.model, l.name, ops.op, variant.name, mac_count, "unsupported", -1, scratch);
    } else if (status[v] != Status::kOk) {
      print_row(l.model, l.name, ops.op, variant.name, mac_count, kernels::status_name(status[v]),
                -1, scratch);
      g_failed = true;
    }
    if (v > 0 && status[v] == Status::kOk && status[0] == Status::kOk &&
        std::memcmp(outputs[v], outputs[0], out_count) != 0) {
      int32_t i = 0;
      while (outputs[v][i] == outputs[0][i]) {
        ++i;
      }
      std::printf("MISMATCH: %s %s: %s differs from %s at output %" PRId32 " (%d vs %d)\n", l.model,
                  l.name, variant.name, ops.variants[0].name, i, outputs[v][i], outputs[0][i]);
      g_failed = true;
    }
    if (v > 0 && status[v] == Status::kOk && status[0] != Status::kOk) {
      std::printf("note: %s %s: %s not verified (%s did not run)\n", l.model, l.name, variant.name,
                  ops.variants[0].name);
    }
  }
  if (!arena().redzones_intact()) {
    std::printf("MISMATCH: %s %s: a variant wrote past one of its buffers\n", l.model, l.name);
    g_failed = true;
  }
}

void bench_layer(const Layer& l, uint64_t seed) {
  arena().reset();
  Rng rng(seed);
  const int32_t out_count = l.out_h * l.out_w * l.out_c;
  switch (l.op) {
    case Op::kConv: {
      const Tensors t = make_tensors(l, l.out_c * l.k_h * l.k_w * l.in_c, l.out_c, rng);
      kernels::Conv2dArgs a;
      a.input_dims = {1, l.in_h, l.in_w, l.in_c};
      a.filter_dims = {l.out_c, l.k_h, l.k_w, l.in_c};
      a.output_dims = {1, l.out_h, l.out_w, l.out_c};
      a.stride_h = a.stride_w = l.stride;
      a.pad_top = l.pad_top;
      a.pad_left = l.pad_left;
      a.quant = t.quant;
      a.input = t.input;
      a.filter = t.filter;
      a.bias = t.bias;
      run_variants(l, kernels::kConv2d, a, out_count);
      break;
    }
    case Op::kDepthwise: {
      const Tensors t = make_tensors(l, l.k_h * l.k_w * l.out_c, l.out_c, rng);
      kernels::DepthwiseConv2dArgs a;
      a.input_dims = {1, l.in_h, l.in_w, l.in_c};
      a.filter_dims = {1, l.k_h, l.k_w, l.out_c};
      a.output_dims = {1, l.out_h, l.out_w, l.out_c};
      a.depth_multiplier = l.out_c / l.in_c;
      a.stride_h = a.stride_w = l.stride;
      a.pad_top = l.pad_top;
      a.pad_left = l.pad_left;
      a.quant = t.quant;
      a.input = t.input;
      a.filter = t.filter;
      a.bias = t.bias;
      run_variants(l, kernels::kDepthwiseConv2d, a, out_count);
      break;
    }
    case Op::kFullyConnected: {
      // Per-tensor weights, as in the MLPerf Tiny models.
      const Tensors t = make_tensors(l, l.out_c * l.in_c, 1, rng);
      kernels::FullyConnectedArgs a;
      a.batches = 1;
      a.depth = l.in_c;
      a.units = l.out_c;
      a.quant = t.quant;
      a.quant_count = 1;
      a.input = t.input;
      a.filter = t.filter;
      a.bias = t.bias;
      run_variants(l, kernels::kFullyConnected, a, out_count);
      break;
    }
  }
}

void print_totals(const char* model) {
  for (int32_t i = 0; i < g_num_totals; ++i) {
    const Total& t = g_totals[i];
    if (!same(t.model, model)) {
      continue;
    }
    char label[32];
    std::snprintf(label, sizeof label, "TOTAL (%" PRId32 "/%" PRId32 " layers)", t.measured,
                  t.layers);
    if (t.measured == 0) {
      print_row(model, label, "", t.variant, static_cast<uint64_t>(model_macs(model)),
                "unsupported", -1, -1);
    } else {
      print_row(model, label, "", t.variant, t.macs, "", static_cast<int64_t>(t.instructions), -1);
    }
  }
}

}  // namespace
}  // namespace tt::bench

int main() {
  using namespace tt::bench;
  std::printf(
      "# Instructions per kernel run on the Cortex-M7 (qemu-system-arm -M mps2-an500,\n"
      "# -icount shift=0, SysTick: 40 instructions per tick, +-40 per count).\n"
      "# Not cycles. TOTAL rows sum the measured layers only.\n");
  std::printf("%-9s %-24s %-17s %-8s %10s %13s %9s %9s\n", "model", "layer", "op", "variant",
              "MACs", "instructions", "instr/MAC", "scratch_B");
  const int32_t count = static_cast<int32_t>(sizeof kLayers / sizeof kLayers[0]);
  for (int32_t i = 0; i < count; ++i) {
    bench_layer(kLayers[i], 0x7717'0000u + static_cast<uint64_t>(i));
    if (i + 1 == count || !same(kLayers[i + 1].model, kLayers[i].model)) {
      print_totals(kLayers[i].model);
    }
  }
  std::printf(
      "# CMSIS-NN under QEMU (ANCHORS.md): anchor conv 2.35 instr/MAC, "
      "DS-CNN-S 2.876 instr/MAC (whole model).\n");
  std::printf("bench: %s\n", g_failed ? "FAILED (see MISMATCH/error rows)" : "ok");
  return g_failed ? 1 : 0;
}
