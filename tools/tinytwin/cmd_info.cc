// `tinytwin info MODEL [--json]`: what a model costs before it runs: per layer op, shapes,
// MACs, weight and scratch bytes; totals; the arena beside its lower bound and every
// placement strategy tried; the plan size.
#include <cstdio>
#include <nlohmann/json.hpp>

#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/model_source.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
namespace {

constexpr const char* kUsage =
    "usage: tinytwin info MODEL [--json]\n"
    "  MODEL: a TFLite int8 model (.tflite) or a compiled plan (.ttm).\n"
    "  Prints per layer: index, op, input and output shapes, MACs, weight bytes, scratch;\n"
    "  totals; arena bytes (activations + scratch) beside the peak-live lower bound; plan "
    "bytes.\n"
    "  --json  one JSON object on stdout instead of the table\n";

struct Totals {
  int64_t macs = 0, weight_bytes = 0;
};

Totals totals_of(const std::vector<LayerInfo>& layers) {
  Totals t;
  for (const LayerInfo& l : layers) {
    t.macs += l.macs;
    t.weight_bytes += l.weight_bytes;
  }
  return t;
}

nlohmann::json memory_json(const compiler::MemoryReport& m) {
  nlohmann::json j = {
      {"arena_bytes", m.arena_bytes},           {"peak_live_bound", m.peak_live_bound},
      {"activation_bound", m.activation_bound}, {"scratch_peak", m.scratch_peak},
      {"in_place_ops", m.in_place_ops},         {"aliases", m.aliases}};
  for (const compiler::Placement& p : m.strategies) {
    j["strategies"].push_back({{"strategy", p.strategy}, {"arena_bytes", p.arena_bytes}});
  }
  for (const compiler::BufferInfo& b : m.buffers) {
    j["buffers"].push_back({{"name", b.name},
                            {"scratch", b.scratch},
                            {"offset", b.offset},
                            {"bytes", b.size},
                            {"first_op", b.first},
                            {"last_op", b.last}});
  }
  return j;
}

nlohmann::json tensor_json(const kernels::plan::LoadedPlan& p, int32_t index) {
  const kernels::plan::PlanTensor& t = p.tensors[index];
  const bool f32 = t.dtype == kernels::plan::DType::kFloat32;
  nlohmann::json j = {{"shape", tensor_shape(t)}, {"dtype", f32 ? "float32" : "int8"}};
  if (!f32) j.update({{"scale", t.scale}, {"zero_point", t.zero_point}});
  return j;
}

void print_json(const ModelSource& s, const std::vector<LayerInfo>& layers) {
  nlohmann::json j;
  j["model"] = s.path;
  for (int32_t i = 0; i < s.plan.input_count(); ++i) {
    j["inputs"].push_back(tensor_json(s.plan, s.plan.input_tensor(i)));
  }
  for (int32_t i = 0; i < s.plan.output_count(); ++i) {
    j["outputs"].push_back(tensor_json(s.plan, s.plan.output_tensor(i)));
  }
  j["layers"] = nlohmann::json::array();
  for (const LayerInfo& l : layers) {
    j["layers"].push_back({{"index", l.index},
                           {"op", l.op},
                           {"tflite_index", l.source_index},
                           {"inputs", l.inputs},
                           {"output", l.output},
                           {"macs", l.macs},
                           {"weight_bytes", l.weight_bytes},
                           {"scratch_bytes", l.scratch_bytes}});
  }
  const Totals t = totals_of(layers);
  j["total_macs"] = t.macs;
  j["weight_bytes"] = t.weight_bytes;
  j["arena_bytes"] = s.plan.header->arena_bytes;
  j["plan_bytes"] = s.plan_bytes;
  if (s.memory) j["memory"] = memory_json(*s.memory);
  std::printf("%s\n", j.dump().c_str());
}

void print_table(const ModelSource& s, const std::vector<LayerInfo>& layers) {
  std::printf("%s\n", s.path.c_str());
  std::printf("%5s  %-18s %-26s %-14s %12s %10s %8s\n", "layer", "op", "input", "output", "MACs",
              "weights", "scratch");
  for (const LayerInfo& l : layers) {
    std::string inputs;
    for (const auto& shape : l.inputs) inputs += (inputs.empty() ? "" : ",") + shape_string(shape);
    std::printf("%5d  %-18s %-26s %-14s %12lld %10lld %8lld\n", l.index, l.op.c_str(),
                inputs.c_str(), shape_string(l.output).c_str(), static_cast<long long>(l.macs),
                static_cast<long long>(l.weight_bytes), static_cast<long long>(l.scratch_bytes));
  }
  const Totals t = totals_of(layers);
  std::printf("total: %zu layers, %lld MACs, %lld weight bytes\n", layers.size(),
              static_cast<long long>(t.macs), static_cast<long long>(t.weight_bytes));
  std::printf("arena: %u bytes (activations + scratch)\n", s.plan.header->arena_bytes);
  if (s.memory) {
    const compiler::MemoryReport& m = *s.memory;
    std::printf(
        "  peak-live lower bound %lld bytes (activations alone %lld); arena is %.1f %% "
        "above it\n",
        static_cast<long long>(m.peak_live_bound), static_cast<long long>(m.activation_bound),
        100.0 * static_cast<double>(m.arena_bytes - m.peak_live_bound) /
            static_cast<double>(m.peak_live_bound));
    std::printf(
        "  scratch: largest per-op scratch %lld bytes (im2col/column buffers, live only "
        "during their op)\n",
        static_cast<long long>(m.scratch_peak));
    std::printf("  %d reshapes elided, %d ops in place\n", m.aliases, m.in_place_ops);
    for (const compiler::Placement& p : m.strategies) {
      std::printf("  %-30s %8lld bytes\n", p.strategy.c_str(),
                  static_cast<long long>(p.arena_bytes));
    }
  }
  std::printf("plan: %u bytes\n", s.plan_bytes);
}

}  // namespace

int cmd_info(int argc, char** argv) {
  std::string model;
  bool json = false;
  for (int i = 0; i < argc; ++i) {
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (std::strcmp(argv[i], "--json") == 0) {
      json = true;
    } else if (argv[i][0] == '-' || !model.empty()) {
      return usage_error("info", std::string("unexpected argument '") + argv[i] + "'", kUsage);
    } else {
      model = argv[i];
    }
  }
  if (model.empty()) return usage_error("info", "missing MODEL", kUsage);
  try {
    const ModelSource s = load_model_source(model);
    const std::vector<LayerInfo> layers = describe_layers(s.plan);
    if (json) {
      print_json(s, layers);
    } else {
      print_table(s, layers);
    }
  } catch (const compiler::ModelError& e) {
    return input_error("info", e.what());
  }
  return kExitOk;
}

}  // namespace tt::tools
