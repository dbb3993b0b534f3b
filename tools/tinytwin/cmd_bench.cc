// `tinytwin bench MODEL [--json]`: the model on the emulated Cortex-M7, per layer: exact
// instructions (TCG plugin), the SysTick figure beside it, instructions per MAC; and the
// totals, the arena and the flash (plan) bytes. Instructions, never milliseconds: QEMU
// models no pipeline, caches or wait states.
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>

#include "tools/tinytwin/board_session.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/model_source.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
namespace {

constexpr const char* kUsage =
    "usage: tinytwin bench MODEL [--json] [board options]\n"
    "  Runs MODEL (.tflite or .ttm) once on the emulated Cortex-M7 board on a fixed\n"
    "  pseudo-random input and reports per-layer instructions, instructions per MAC, the\n"
    "  total, the arena and the flash (plan) bytes. --json: one JSON object on stdout.\n"
    "board options:\n";

double per_mac(uint64_t instructions, int64_t macs) {
  return macs > 0 ? static_cast<double>(instructions) / static_cast<double>(macs) : 0.0;
}

}  // namespace

int cmd_bench(int argc, char** argv) {
  std::string model;
  bool json = false;
  BoardOptions bo;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string board_error;
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      std::fputs(kBoardOptionsUsage, stdout);
      return kExitOk;
    } else if (parse_board_option(argc, argv, i, &bo, &board_error)) {
      if (!board_error.empty()) return usage_error("bench", board_error, kUsage);
    } else if (arg == "--json") {
      json = true;
    } else if (!arg.empty() && arg[0] != '-' && model.empty()) {
      model = arg;
    } else {
      return usage_error("bench", "unexpected argument '" + arg + "'", kUsage);
    }
  }
  if (model.empty()) return usage_error("bench", "missing MODEL", kUsage);
  try {
    const ModelSource s = load_model_source(model);
    if (s.plan.input_count() != 1) {
      return input_error("bench", model + ": bench takes models with one input");
    }
    const int32_t in = s.plan.input_tensor(0);
    std::vector<uint8_t> input(s.plan.tensors[in].bytes);
    std::mt19937 rng(1234);
    for (uint8_t& b : input) b = static_cast<uint8_t>(rng());
    std::string error;
    std::unique_ptr<sim::SimBoard> board = open_board(bo, &error);
    if (!board) return input_error("bench", error);
    const auto* p = reinterpret_cast<const uint8_t*>(s.plan_words.data());
    sim::SimReport r;
    if (!board->upload_plan(0, std::vector<uint8_t>(p, p + s.plan_bytes)) ||
        !board->run_plan(0, input, &r)) {
      return input_error("bench", model + ": emulated board: " + board->error());
    }
    const std::string board_name = board->info().board;
    board->exit_board();
    const bool exact = !r.op_instructions.empty();
    const std::vector<uint64_t>& counts = exact ? r.op_instructions : r.op_ticks;
    const std::vector<LayerInfo> layers = describe_layers(s.plan);
    uint64_t total = 0;
    int64_t macs = 0;
    for (const LayerInfo& l : layers) {
      total += counts[l.index];
      macs += l.macs;
    }
    if (json) {
      nlohmann::json j;
      j["model"] = model;
      j["board"] = board_name;
      j["instruction_source"] = exact ? "tcg-plugin" : "systick";
      j["layers"] = nlohmann::json::array();
      for (const LayerInfo& l : layers) {
        j["layers"].push_back({{"index", l.index},
                               {"op", l.op},
                               {"macs", l.macs},
                               {"instructions", counts[l.index]},
                               {"systick_instructions", r.op_ticks[l.index]},
                               {"instructions_per_mac", per_mac(counts[l.index], l.macs)}});
      }
      j["total_instructions"] = total;
      j["total_macs"] = macs;
      j["instructions_per_mac"] = per_mac(total, macs);
      j["arena_bytes"] = s.plan.header->arena_bytes;
      j["flash_bytes"] = s.plan_bytes;
      std::printf("%s\n", j.dump().c_str());
      return kExitOk;
    }
    std::printf("%s on %s (%s instruction counts)\n", model.c_str(), board_name.c_str(),
                exact ? "exact, TCG plugin" : "SysTick x 40, +-40");
    std::printf("%5s  %-18s %12s %14s %14s %10s\n", "layer", "op", "MACs", "instructions",
                "systick", "instr/MAC");
    for (const LayerInfo& l : layers) {
      std::printf("%5d  %-18s %12lld %14llu %14llu %10.2f\n", l.index, l.op.c_str(),
                  static_cast<long long>(l.macs), static_cast<unsigned long long>(counts[l.index]),
                  static_cast<unsigned long long>(r.op_ticks[l.index]),
                  per_mac(counts[l.index], l.macs));
    }
    std::printf("total %llu instructions, %lld MACs, %.2f instructions/MAC\n",
                static_cast<unsigned long long>(total), static_cast<long long>(macs),
                per_mac(total, macs));
    std::printf("arena %u bytes, flash (plan) %u bytes\n", s.plan.header->arena_bytes,
                s.plan_bytes);
    return kExitOk;
  } catch (const compiler::ModelError& e) {
    return input_error("bench", e.what());
  }
}

}  // namespace tt::tools
