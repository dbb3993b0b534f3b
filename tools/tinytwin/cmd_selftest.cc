// `tinytwin selftest`: runs the CIFAR-10-shaped network through every kernel variant on the
// host, timing each layer and comparing each layer's output CRC32 across variants: the same
// check the GUI makes between the host and the emulated board.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "kernels/core/crc32.h"
#include "kernels/registry.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/demo_network.h"

namespace tt::tools {
namespace {

constexpr const char* kUsage =
    "usage: tinytwin selftest [--repeat N] [--seed S]\n"
    "  Runs a CIFAR-10-shaped int8 CNN (synthetic weights) through every kernel variant\n"
    "  (ref = reference, dsp = ARMv7E-M SIMD32 code compiled as portable C on this host),\n"
    "  prints per-layer host time (best of N runs) and checks that every layer's output\n"
    "  CRC32 agrees across variants. Exit 1 on any disagreement.\n";

struct LayerResult {
  double best_us = 0;
  uint32_t crc = 0;
  kernels::Status status = kernels::Status::kOk;
};

}  // namespace

int cmd_selftest(int argc, char** argv) {
  int repeat = 5;
  uint64_t seed = 1;
  for (int i = 0; i < argc; ++i) {
    if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "tinytwin selftest: unexpected argument '%s'\n%s", argv[i], kUsage);
      return 2;
    }
  }
  if (repeat < 1) {
    std::fprintf(stderr, "tinytwin selftest: --repeat must be at least 1\n");
    return 2;
  }

  const DemoNetwork net = make_cifar10_demo(seed);
  const int32_t variants = net.variants;
  std::vector<std::vector<LayerResult>> results(net.layers.size(),
                                                std::vector<LayerResult>(variants));
  std::vector<int8_t> final_output[2];
  for (int32_t v = 0; v < variants; ++v) {
    std::vector<int8_t> x = net.input;
    for (size_t li = 0; li < net.layers.size(); ++li) {
      const DemoLayer& layer = net.layers[li];
      std::vector<int8_t> y(layer.output_bytes);
      std::vector<uint8_t> scratch(layer.scratch_size(v) + 16);
      LayerResult& res = results[li][v];
      for (int r = 0; r < repeat; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        res.status =
            layer.run(v, x.data(), y.data(), scratch.data(), static_cast<int32_t>(scratch.size()));
        const auto t1 = std::chrono::steady_clock::now();
        const double us = std::chrono::duration<double, std::micro>(t1 - t0).count();
        if (r == 0 || us < res.best_us) res.best_us = us;
      }
      res.crc = kernels::crc32(0, y.data(), static_cast<int32_t>(y.size()));
      x = std::move(y);
    }
    if (v < 2) final_output[v] = x;
  }

  std::printf("CIFAR-10-shaped CNN, synthetic weights (seed %llu), host, best of %d runs\n\n",
              static_cast<unsigned long long>(seed), repeat);
  std::printf("%-8s %-18s %-9s %10s", "layer", "op", "output", "MACs");
  for (int32_t v = 0; v < variants; ++v) {
    std::printf(" %9s_us %8s_crc", kernels::kConv2d.variants[v].name,
                kernels::kConv2d.variants[v].name);
  }
  std::printf("  agree\n");
  int mismatches = 0;
  for (size_t li = 0; li < net.layers.size(); ++li) {
    const DemoLayer& layer = net.layers[li];
    std::printf("%-8s %-18s %-9s %10lld", layer.name.c_str(), layer.op.c_str(),
                layer.output_shape.c_str(), static_cast<long long>(layer.macs));
    bool agree = true;
    for (int32_t v = 0; v < variants; ++v) {
      const LayerResult& r = results[li][v];
      if (r.status != kernels::Status::kOk) {
        std::printf(" %12s %12s", "-", kernels::status_name(r.status));
        agree = false;
        continue;
      }
      std::printf(" %12.1f     %08lx", r.best_us, static_cast<unsigned long>(r.crc));
      agree = agree && r.crc == results[li][0].crc;
    }
    std::printf("  %s\n", agree ? "yes" : "NO");
    mismatches += agree ? 0 : 1;
  }
  if (!final_output[0].empty()) {
    int best = 0;
    for (int i = 1; i < 10; ++i) best = final_output[0][i] > final_output[0][best] ? i : best;
    std::printf("\nclass scores (softmax, int8): top class %d (meaningless: random weights)\n",
                best);
  }
  if (mismatches > 0) {
    std::printf("%d layer(s) disagree between variants\n", mismatches);
    return 1;
  }
  std::printf("all %zu layers bit-exact across %d kernel variants\n", net.layers.size(), variants);
  return 0;
}

}  // namespace tt::tools
