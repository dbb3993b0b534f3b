// `tinytwin compile MODEL -o PLAN.ttm [--emit-c FILE.c [--symbol NAME]]`: the plan the
// firmware reads, as a file and optionally as a C array to link in.
#include <cstdio>
#include <fstream>

#include "tools/compiler/plan_writer.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tools {
namespace {

constexpr const char* kUsage =
    "usage: tinytwin compile MODEL -o PLAN.ttm [--emit-c FILE.c] [--symbol NAME]\n"
    "  Compiles a TFLite int8 model into a TinyTwin plan (.ttm): quantization folded into\n"
    "  per-channel multipliers/shifts, activations fused, reshapes elided, memory planned.\n"
    "  --emit-c FILE.c  also write the plan as a 16-byte-aligned C array (default symbol\n"
    "                   tt_model_plan) to link into firmware\n";

bool write_file(const std::string& path, const void* data, size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  return static_cast<bool>(out);
}

}  // namespace

int cmd_compile(int argc, char** argv) {
  std::string model, output, emit_c, symbol = "tt_model_plan";
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (arg == "-o" || arg == "--output") {
      if (!option_value(argc, argv, i, &output))
        return usage_error("compile", "-o needs a path", kUsage);
    } else if (arg == "--emit-c") {
      if (!option_value(argc, argv, i, &emit_c)) {
        return usage_error("compile", "--emit-c needs a path", kUsage);
      }
    } else if (arg == "--symbol") {
      if (!option_value(argc, argv, i, &symbol)) {
        return usage_error("compile", "--symbol needs a name", kUsage);
      }
    } else if (arg[0] == '-' || !model.empty()) {
      return usage_error("compile", "unexpected argument '" + arg + "'", kUsage);
    } else {
      model = arg;
    }
  }
  if (model.empty()) return usage_error("compile", "missing MODEL", kUsage);
  if (output.empty() && emit_c.empty())
    return usage_error("compile", "missing -o PLAN.ttm", kUsage);
  try {
    const ModelSource s = load_model_source(model);
    const std::vector<uint8_t> bytes = plan_bytes(s);
    if (!output.empty() && !write_file(output, bytes.data(), bytes.size())) {
      return input_error("compile", output + ": cannot write");
    }
    if (!emit_c.empty()) {
      const std::string c = compiler::plan_as_c_source(bytes, symbol);
      if (!write_file(emit_c, c.data(), c.size()))
        return input_error("compile", emit_c + ": cannot write");
    }
    std::fprintf(stderr, "tinytwin compile: %s: %u plan bytes, %u arena bytes, %d ops\n",
                 model.c_str(), s.plan_bytes, s.plan.header->arena_bytes, s.plan.op_count());
  } catch (const compiler::ModelError& e) {
    return input_error("compile", e.what());
  }
  return kExitOk;
}

}  // namespace tt::tools
