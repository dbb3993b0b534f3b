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
#include "kernels/registry.h"
#include "tests/kernels/bench/bench_layers.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::bench {
namespace {

using kernels::Status;
using tests::arena;
using tests::Rng;

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
    if (same_name(g_totals[i].model, model) && same_name(g_totals[i].variant, variant)) {
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
  const LayerArgs a = make_layer_args(l, rng);
  switch (l.op) {
    case Op::kConv:
      run_variants(l, kernels::kConv2d, a.conv, out_count);
      break;
    case Op::kDepthwise:
      run_variants(l, kernels::kDepthwiseConv2d, a.depthwise, out_count);
      break;
    case Op::kFullyConnected:
      run_variants(l, kernels::kFullyConnected, a.fc, out_count);
      break;
  }
}

void print_totals(const char* model) {
  for (int32_t i = 0; i < g_num_totals; ++i) {
    const Total& t = g_totals[i];
    if (!same_name(t.model, model)) {
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
    if (i + 1 == count || !same_name(kLayers[i + 1].model, kLayers[i].model)) {
      print_totals(kLayers[i].model);
    }
  }
  std::printf(
      "# CMSIS-NN under QEMU (ANCHORS.md): anchor conv 2.35 instr/MAC, "
      "DS-CNN-S 2.876 instr/MAC (whole model).\n");
  std::printf("bench: %s\n", g_failed ? "FAILED (see MISMATCH/error rows)" : "ok");
  return g_failed ? 1 : 0;
}
