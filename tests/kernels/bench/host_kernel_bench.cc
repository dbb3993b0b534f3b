// Google Benchmark of every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED variant on the
// real layer shapes of bench_layers.h, on the host. Reports MAC/s ("items_per_second").
// The Cortex-M7 figures (instructions per MAC under QEMU) come from fw_kernel_bench.cc.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "tests/kernels/bench/bench_layers.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::bench {
namespace {

template <typename Args, int32_t N>
void run_variant(benchmark::State& state, const Layer& l, const kernels::OpVariants<Args, N>& ops,
                 int32_t v, Args args) {
  const auto& variant = ops.variants[v];
  std::vector<int8_t> out(output_count(l));
  std::vector<uint8_t> scratch(variant.scratch_size != nullptr ? variant.scratch_size(args) : 0);
  args.output = out.data();
  args.scratch = scratch.empty() ? nullptr : scratch.data();
  args.scratch_bytes = static_cast<int32_t>(scratch.size());
  for (auto _ : state) {
    const kernels::Status s = variant.run(args);
    if (s != kernels::Status::kOk) {
      state.SkipWithError(kernels::status_name(s));
      break;
    }
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * macs(l));
  state.counters["MACs"] = static_cast<double>(macs(l));
}

void bench_layer(benchmark::State& state, int32_t layer, int32_t v) {
  const Layer& l = kLayers[layer];
  tests::arena().reset();
  tests::Rng rng(0x5EED0000u + static_cast<uint64_t>(layer));
  const LayerArgs a = make_layer_args(l, rng);
  switch (l.op) {
    case Op::kConv:
      run_variant(state, l, kernels::kConv2d, v, a.conv);
      break;
    case Op::kDepthwise:
      run_variant(state, l, kernels::kDepthwiseConv2d, v, a.depthwise);
      break;
    case Op::kFullyConnected:
      run_variant(state, l, kernels::kFullyConnected, v, a.fc);
      break;
  }
}

int register_all() {
  for (int32_t i = 0; i < kNumLayers; ++i) {
    for (int32_t v = 0; v < kernels::kConv2d.count; ++v) {
      const std::string name = std::string(kLayers[i].model) + "/" + kLayers[i].name + "/" +
                               kernels::kConv2d.variants[v].name;
      benchmark::RegisterBenchmark(name.c_str(), bench_layer, i, v);
    }
  }
  return 0;
}
const int kRegistered = register_all();

}  // namespace
}  // namespace tt::bench

BENCHMARK_MAIN();
