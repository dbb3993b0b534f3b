// `tinytwin run --model MODEL --input X.npy [--backend host] [--output Y.npy] [--json]`:
// one inference, with per-layer time and output CRC32. The JSON form is a contract other
// tools and tests rely on (see README): keep its fields stable.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>

#include "kernels/core/crc32.h"
#include "kernels/quant/quantize.h"
#include "kernels/runtime/executor.h"
#include "tools/tinytwin/board_session.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/model_source.h"
#include "tools/tinytwin/npy.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
namespace {

namespace plan = kernels::plan;

constexpr const char* kUsage =
    "usage: tinytwin run --model MODEL --input X.npy [--backend host|qemu] [--kernels dsp|ref]\n"
    "                    [--output Y.npy] [--json] [board options]\n"
    "  One inference. MODEL: .tflite or .ttm. X.npy: the model input as int8 in its shape\n"
    "  (or the same element count); uint8 and float32 arrays are quantized with the input's\n"
    "  scale and zero point (a float32 model input takes float32 as is).\n"
    "  --backend host     run on this machine (default)\n"
    "  --backend qemu     run on the emulated Cortex-M7 board (the firmware under QEMU, the\n"
    "                     plan uploaded over the link); layers carry \"instructions\" (exact,\n"
    "                     from the TCG plugin; SysTick x 40 without it) instead of \"time_ns\"\n"
    "  --kernels dsp|ref  the SIMD32 kernels (default) or the reference kernels\n"
    "  --output Y.npy     write the first output (further outputs to Y.1.npy, ...)\n"
    "  --json             stdout holds one JSON object: backend, outputs, layers (index, op,\n"
    "                     tflite_index, macs, time_ns, output_crc32), arena_bytes\n"
    "board options (--backend qemu):\n";

struct InputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<float> as_floats(const NpyArray& x) {
  std::vector<float> f(static_cast<size_t>(x.count()));
  if (x.type == NpyType::kFloat32) {
    std::memcpy(f.data(), x.data.data(), f.size() * 4);
  } else {
    for (size_t i = 0; i < f.size(); ++i) f[i] = static_cast<float>(x.data[i]);  // uint8
  }
  return f;
}

void set_input(const ModelSource& s, const NpyArray& x, const std::string& path) {
  if (s.plan.input_count() != 1) {
    throw InputError(s.path + ": the model has " + std::to_string(s.plan.input_count()) +
                     " inputs; run takes models with one");
  }
  const int32_t index = s.plan.input_tensor(0);
  const plan::PlanTensor& t = s.plan.tensors[index];
  const int64_t count = plan::element_count(t);
  if (x.count() != count) {
    std::string shape;
    for (int64_t d : x.shape) shape += (shape.empty() ? "" : "x") + std::to_string(d);
    throw InputError(path + ": shape " + (shape.empty() ? "scalar" : shape) + " (" +
                     std::to_string(x.count()) + " elements) does not fit the model input " +
                     shape_string(tensor_shape(t)) + " (" + std::to_string(count) + ")");
  }
  void* dst = s.plan.mutable_data(index);
  if (t.dtype == plan::DType::kFloat32) {
    if (x.type != NpyType::kFloat32) {
      throw InputError(path + ": the model input is float32; give a float32 array, not " +
                       npy_type_name(x.type));
    }
    std::memcpy(dst, x.data.data(), x.data.size());
    return;
  }
  if (x.type == NpyType::kInt8) {
    std::memcpy(dst, x.data.data(), x.data.size());
    return;
  }
  // Same arithmetic as the QUANTIZE kernel (float division, round half away from zero).
  const std::vector<float> f = as_floats(x);
  kernels::QuantizeArgs q;
  q.size = static_cast<int32_t>(count);
  q.scale = t.scale;
  q.zero_point = t.zero_point;
  q.input = f.data();
  q.output = static_cast<int8_t*>(dst);
  if (kernels::quantize_ref(q) != kernels::Status::kOk) {
    throw InputError(s.path + ": the model input has no usable quantization (scale " +
                     std::to_string(t.scale) + ") to quantize a " + npy_type_name(x.type) +
                     " array with");
  }
}

uint64_t now_ns(void*) {
  return static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now().time_since_epoch())
                                   .count());
}

std::string hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

nlohmann::json output_json(const ModelSource& s, int32_t i) {
  const int32_t index = s.plan.output_tensor(i);
  const plan::PlanTensor& t = s.plan.tensors[index];
  nlohmann::json j = {{"shape", tensor_shape(t)}};
  const int32_t n = plan::element_count(t);
  if (t.dtype == plan::DType::kFloat32) {
    const auto* v = static_cast<const float*>(s.plan.data(index));
    j["dtype"] = "float32";
    j["data"] = std::vector<float>(v, v + n);
  } else {
    const auto* v = static_cast<const int8_t*>(s.plan.data(index));
    j["dtype"] = "int8";
    j["scale"] = t.scale;
    j["zero_point"] = t.zero_point;
    j["data"] = std::vector<int>(v, v + n);
  }
  return j;
}

void write_outputs(const ModelSource& s, const std::string& path) {
  for (int32_t i = 0; i < s.plan.output_count(); ++i) {
    const int32_t index = s.plan.output_tensor(i);
    const plan::PlanTensor& t = s.plan.tensors[index];
    NpyArray a;
    a.type = t.dtype == plan::DType::kFloat32 ? NpyType::kFloat32 : NpyType::kInt8;
    for (int32_t d : tensor_shape(t)) a.shape.push_back(d);
    const auto* bytes = static_cast<const uint8_t*>(s.plan.data(index));
    a.data.assign(bytes, bytes + t.bytes);
    std::string name = path;
    if (i > 0) {
      const size_t dot = path.rfind(".npy");
      name = (dot == std::string::npos ? path : path.substr(0, dot)) + "." + std::to_string(i) +
             ".npy";
    }
    write_npy(name, a);
  }
}

struct Options {
  std::string model, input, output, backend = "host";
  plan::KernelSet kernels = plan::KernelSet::kDsp;
  bool json = false;
  BoardOptions board;
};

// ns: nanoseconds on the host; on the board, instructions (the JSON field says which).
int report(const ModelSource& s, const Options& o, const std::vector<uint64_t>& ns,
           const std::vector<uint32_t>& crc, const std::string& instruction_source = "") {
  const bool board = o.backend == "qemu";
  const std::vector<LayerInfo> layers = describe_layers(s.plan);
  if (o.json) {
    nlohmann::json j;
    j["backend"] = o.backend;
    j["model"] = s.path;
    j["kernels"] = o.kernels == plan::KernelSet::kDsp ? "dsp" : "ref";
    if (board) j["instruction_source"] = instruction_source;
    j["outputs"] = nlohmann::json::array();
    for (int32_t i = 0; i < s.plan.output_count(); ++i) j["outputs"].push_back(output_json(s, i));
    j["layers"] = nlohmann::json::array();
    for (const LayerInfo& l : layers) {
      j["layers"].push_back({{"index", l.index},
                             {"op", l.op},
                             {"tflite_index", l.source_index},
                             {"output_shape", l.output},
                             {"macs", l.macs},
                             {board ? "instructions" : "time_ns", ns[l.index]},
                             {"output_crc32", hex8(crc[l.index])}});
    }
    j["arena_bytes"] = s.plan.header->arena_bytes;
    std::printf("%s\n", j.dump().c_str());
    return kExitOk;
  }
  std::printf("%5s  %-18s %-14s %12s %12s  %s\n", "layer", "op", "output", "MACs",
              board ? "instructions" : "time us", "output crc32");
  uint64_t total = 0;
  for (const LayerInfo& l : layers) {
    total += ns[l.index];
    if (board) {
      std::printf("%5d  %-18s %-14s %12lld %12llu  %s\n", l.index, l.op.c_str(),
                  shape_string(l.output).c_str(), static_cast<long long>(l.macs),
                  static_cast<unsigned long long>(ns[l.index]), hex8(crc[l.index]).c_str());
    } else {
      std::printf("%5d  %-18s %-14s %12lld %12.1f  %s\n", l.index, l.op.c_str(),
                  shape_string(l.output).c_str(), static_cast<long long>(l.macs),
                  static_cast<double>(ns[l.index]) / 1e3, hex8(crc[l.index]).c_str());
    }
  }
  if (board) {
    std::printf("total %llu instructions on the emulated Cortex-M7 (%s), arena %u bytes\n",
                static_cast<unsigned long long>(total), instruction_source.c_str(),
                s.plan.header->arena_bytes);
  } else {
    std::printf("total %.1f us on the host (%s kernels), arena %u bytes\n",
                static_cast<double>(total) / 1e3,
                o.kernels == plan::KernelSet::kDsp ? "dsp" : "ref", s.plan.header->arena_bytes);
  }
  for (int32_t i = 0; i < s.plan.output_count(); ++i) {
    const nlohmann::json j = output_json(s, i);
    const auto& data = j["data"];
    size_t best = 0;
    for (size_t k = 1; k < data.size(); ++k) {
      if (data[k] > data[best]) best = k;
    }
    std::printf(
        "output %d %s %s: argmax %zu, values %s\n", i, j["dtype"].get<std::string>().c_str(),
        shape_string(j["shape"].get<std::vector<int32_t>>()).c_str(), best, data.dump().c_str());
  }
  return kExitOk;
}

// The same run on the emulated board: the plan and the quantized input go over the link;
// the outputs come back into the host plan's output tensors, so report() prints them alike.
int run_on_board(const ModelSource& s, const Options& o) {
  if (o.kernels != plan::KernelSet::kDsp) {
    return input_error("run", "the board firmware runs the dsp kernels only");
  }
  std::string error;
  std::unique_ptr<sim::SimBoard> board = open_board(o.board, &error);
  if (!board) return input_error("run", error);
  const auto* plan_bytes = reinterpret_cast<const uint8_t*>(s.plan_words.data());
  const int32_t in = s.plan.input_tensor(0);
  const auto* in_bytes = static_cast<const uint8_t*>(s.plan.data(in));
  sim::SimReport r;
  if (!board->upload_plan(0, std::vector<uint8_t>(plan_bytes, plan_bytes + s.plan_bytes)) ||
      !board->run_plan(0, std::vector<uint8_t>(in_bytes, in_bytes + s.plan.tensors[in].bytes),
                       &r)) {
    return input_error("run", o.model + ": emulated board: " + board->error());
  }
  if (static_cast<int32_t>(r.outputs.size()) != s.plan.output_count() ||
      static_cast<int32_t>(r.op_crc32.size()) != s.plan.op_count()) {
    return input_error("run", "emulated board: incomplete report (" +
                                  std::to_string(r.outputs.size()) + " outputs, " +
                                  std::to_string(r.op_crc32.size()) + " layers)");
  }
  for (int32_t i = 0; i < s.plan.output_count(); ++i) {
    const int32_t t = s.plan.output_tensor(i);
    if (r.outputs[i].size() != s.plan.tensors[t].bytes) {
      return input_error("run", "emulated board: output " + std::to_string(i) + " has " +
                                    std::to_string(r.outputs[i].size()) + " bytes");
    }
    std::memcpy(s.plan.mutable_data(t), r.outputs[i].data(), r.outputs[i].size());
  }
  board->exit_board();
  if (!o.output.empty()) write_outputs(s, o.output);
  const bool exact = !r.op_instructions.empty();
  return report(s, o, exact ? r.op_instructions : r.op_ticks, r.op_crc32,
                exact ? "tcg-plugin" : "systick");
}

}  // namespace

int cmd_run(int argc, char** argv) {
  Options o;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    std::string board_error;
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      std::fputs(kBoardOptionsUsage, stdout);
      return kExitOk;
    } else if (parse_board_option(argc, argv, i, &o.board, &board_error)) {
      if (!board_error.empty()) return usage_error("run", board_error, kUsage);
    } else if (arg == "--json") {
      o.json = true;
    } else if (arg == "--model" || arg == "--input" || arg == "--output" || arg == "--backend" ||
               arg == "--kernels") {
      if (!option_value(argc, argv, i, &value))
        return usage_error("run", arg + " needs a value", kUsage);
      if (arg == "--model") o.model = value;
      if (arg == "--input") o.input = value;
      if (arg == "--output") o.output = value;
      if (arg == "--backend") o.backend = value;
      if (arg == "--kernels") {
        if (value != "dsp" && value != "ref")
          return usage_error("run", "--kernels takes dsp or ref", kUsage);
        o.kernels = value == "ref" ? plan::KernelSet::kRef : plan::KernelSet::kDsp;
      }
    } else {
      return usage_error("run", "unexpected argument '" + arg + "'", kUsage);
    }
  }
  if (o.model.empty()) return usage_error("run", "missing --model MODEL", kUsage);
  if (o.input.empty()) return usage_error("run", "missing --input X.npy", kUsage);
  if (o.backend != "host" && o.backend != "qemu") {
    return usage_error("run", "unknown backend '" + o.backend + "' (host or qemu)", kUsage);
  }
  try {
    const ModelSource s = load_model_source(o.model);
    set_input(s, read_npy(o.input), o.input);
    if (o.backend == "qemu") return run_on_board(s, o);
    const int32_t n = s.plan.op_count();
    std::vector<uint64_t> ns(n, 0);
    std::vector<uint32_t> crc(n, 0);
    plan::RunOptions ro;
    ro.kernels = o.kernels;
    ro.now = now_ns;
    ro.op_ticks = ns.data();
    ro.op_crc32 = crc.data();
    const plan::RunResult r = plan::run_plan(s.plan, ro);
    if (!r.ok()) {
      return input_error("run", o.model + ": layer " + std::to_string(r.failed_op) +
                                    " failed: " + kernels::status_name(r.status));
    }
    if (!o.output.empty()) write_outputs(s, o.output);
    return report(s, o, ns, crc);
  } catch (const compiler::ModelError& e) {
    return input_error("run", e.what());
  } catch (const NpyError& e) {
    return input_error("run", e.what());
  } catch (const InputError& e) {
    return input_error("run", e.what());
  }
}

}  // namespace tt::tools
