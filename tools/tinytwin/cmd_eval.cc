// `tinytwin eval --app mnist|cifar10|kws --data DIR [--model MODEL] [--limit N] [--json]
// [--kernels dsp|ref]`: the accuracy of a model on a test set, through our own front-ends,
// plan and kernels, so the number is the one the device would get. The plan is compiled and
// bound to its arena once; each sample then only fills the input and runs the layers.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "tools/tinytwin/audio_file.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/dataset_cifar10.h"
#include "tools/tinytwin/dataset_kws.h"
#include "tools/tinytwin/dataset_mnist.h"
#include "tools/tinytwin/eval_loop.h"
#include "tools/tinytwin/eval_report.h"
#include "tools/tinytwin/eval_runner.h"

namespace tt::tools {
namespace {

namespace fs = std::filesystem;
namespace plan = kernels::plan;

constexpr const char* kUsage =
    "usage: tinytwin eval --app mnist|cifar10|kws --data DIR [--model MODEL] [--limit N]\n"
    "                     [--json] [--kernels dsp|ref] [--jobs N] [--pixels unit|raw]\n"
    "  Accuracy of a classifier on a test set, through the TinyTwin front-ends and kernels.\n"
    "  --app mnist    DIR/t10k-images-idx3-ubyte and DIR/t10k-labels-idx1-ubyte (or .gz)\n"
    "  --app cifar10  DIR/test_batch.bin (the binary version)\n"
    "  --app kws      DIR/WORD/*.wav|*.flac, 16 kHz mono (Speech Commands layout)\n"
    "  --model MODEL  .tflite or .ttm; default: the shipped assets/models/mnist_cnn.tflite,\n"
    "                 cifar10_cnn.tflite or kws_dscnn.tflite, looked for under the current\n"
    "                 directory, then beside the executable and its parent folders\n"
    "  Images enter the model as pixel / 255 (--pixels unit, the convention of the shipped\n"
    "  models) or as 0..255 (--pixels raw), quantized with the input's scale and zero point;\n"
    "  an input of another size gets a centre crop and an AREA resize. The prediction is\n"
    "  the argmax of the output (the lowest index on ties).\n"
    "  --limit N          only the first N samples\n"
    "  --jobs N           worker threads (default: the cores, at most 8); same result\n"
    "  --kernels dsp|ref  the SIMD32 kernels (default) or the reference kernels\n"
    "  --json             stdout holds one JSON object: app, model, kernels, n, correct,\n"
    "                     accuracy, labels, confusion (rows = true class), recall, seconds\n";

struct App {
  const char* name;
  const char* default_model;
  std::vector<std::string> labels;
};

const std::vector<App>& apps() {
  static const std::vector<App> list = {
      {"mnist", "mnist_cnn.tflite", {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}},
      {"cifar10",
       "cifar10_cnn.tflite",
       {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"}},
      {"kws", "kws_dscnn.tflite", kws_labels()},
  };
  return list;
}

struct Options {
  std::string app, data, model;
  int64_t limit = -1;
  int32_t jobs = 1;
  bool json = false, raw_pixels = false;
  plan::KernelSet kernels = plan::KernelSet::kDsp;
};

std::string shipped_model_or_throw(const std::string& name) {
  std::string looked;
  const std::string path = find_shipped_model(name, &looked);
  if (path.empty()) {
    throw EvalError("no --model given and the shipped model " + name +
                    " was not found; looked in:" + looked);
  }
  return path;
}

// The pixel convention: ours (pixel / 255) or raw 0..255 values (e.g. MLPerf Tiny's ResNet-8).
kernels::frontend::PixelNormalization pixel_normalization(const Options& o) {
  kernels::frontend::PixelNormalization n = kernels::frontend::unit_range_normalization(1);
  if (o.raw_pixels) n.scale[0] = 1.0f;
  return n;
}

double evaluate(const Options& o, const App& app, const ModelSource& source, Confusion* confusion) {
  EvalLoop loop;
  loop.source = &source;
  loop.classes = static_cast<int32_t>(app.labels.size());
  loop.kernels = o.kernels;
  loop.jobs = o.jobs;
  if (o.app == "kws") {
    std::vector<KwsClip> clips = list_kws_clips(o.data);
    if (o.limit >= 0 && o.limit < static_cast<int64_t>(clips.size())) clips.resize(o.limit);
    loop.count = static_cast<int64_t>(clips.size());
    loop.make_worker = [&](const Classifier& c) -> PrepareSample {
      return [&c, &clips](int64_t i) { feed_features(c, kws_clip_features(clips[i].path)); };
    };
    loop.label = [&](int64_t i) { return clips[i].label; };
    return run_eval_loop(loop, confusion);
  }
  const ImageSet set =
      o.app == "mnist" ? read_mnist(o.data, o.limit) : read_cifar10(o.data, o.limit);
  loop.count = set.count;
  loop.make_worker = [&](const Classifier& c) -> PrepareSample {
    auto feeder = std::make_shared<ImageFeeder>(c, set.height, set.width, set.channels,
                                                pixel_normalization(o));
    return [feeder, &set](int64_t i) { feeder->feed(set.image(static_cast<int32_t>(i))); };
  };
  loop.label = [&](int64_t i) { return static_cast<int32_t>(set.labels[i]); };
  return run_eval_loop(loop, confusion);
}

int parse(int argc, char** argv, Options* o) {
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      return -1;
    } else if (arg == "--json") {
      o->json = true;
    } else if (arg == "--app" || arg == "--data" || arg == "--model" || arg == "--limit" ||
               arg == "--kernels" || arg == "--jobs" || arg == "--pixels") {
      if (!option_value(argc, argv, i, &value)) {
        return usage_error("eval", arg + " needs a value", kUsage);
      }
      if (arg == "--app") o->app = value;
      if (arg == "--data") o->data = value;
      if (arg == "--model") o->model = value;
      if (arg == "--limit" || arg == "--jobs") {
        char* end = nullptr;
        const long long n = std::strtoll(value.c_str(), &end, 10);
        if (value.empty() || *end != '\0' || n < 1 || (arg == "--jobs" && n > 256)) {
          return usage_error("eval", arg + " takes a positive whole number, not '" + value + "'",
                             kUsage);
        }
        if (arg == "--limit") o->limit = n;
        if (arg == "--jobs") o->jobs = static_cast<int32_t>(n);
      }
      if (arg == "--pixels") {
        if (value != "unit" && value != "raw") {
          return usage_error("eval", "--pixels takes unit or raw", kUsage);
        }
        o->raw_pixels = value == "raw";
      }
      if (arg == "--kernels") {
        if (value != "dsp" && value != "ref") {
          return usage_error("eval", "--kernels takes dsp or ref", kUsage);
        }
        o->kernels = value == "ref" ? plan::KernelSet::kRef : plan::KernelSet::kDsp;
      }
    } else {
      return usage_error("eval", "unexpected argument '" + arg + "'", kUsage);
    }
  }
  if (o->app.empty()) return usage_error("eval", "missing --app mnist|cifar10|kws", kUsage);
  if (o->data.empty()) return usage_error("eval", "missing --data DIR", kUsage);
  return kExitOk;
}

}  // namespace

int cmd_eval(int argc, char** argv) {
  Options o;
  o.jobs = static_cast<int32_t>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  const int parsed = parse(argc, argv, &o);
  if (parsed != kExitOk) return parsed < 0 ? kExitOk : parsed;
  const App* app = nullptr;
  for (const App& a : apps()) app = o.app == a.name ? &a : app;
  if (app == nullptr) {
    return usage_error("eval", "unknown app '" + o.app + "' (use mnist, cifar10 or kws)", kUsage);
  }
  try {
    if (o.model.empty()) o.model = shipped_model_or_throw(app->default_model);
    const ModelSource source = load_model_source(o.model);
    Confusion confusion(app->labels);
    EvalSummary summary{o.app, o.model, o.kernels == plan::KernelSet::kDsp ? "dsp" : "ref", 0};
    summary.seconds = evaluate(o, *app, source, &confusion);
    if (o.json) {
      std::printf("%s\n", eval_json(confusion, summary).dump().c_str());
    } else {
      print_eval_text(stdout, confusion, summary);
    }
    return kExitOk;
  } catch (const compiler::ModelError& e) {
    return input_error("eval", e.what());
  } catch (const DatasetError& e) {
    return input_error("eval", e.what());
  } catch (const AudioError& e) {
    return input_error("eval", e.what());
  } catch (const EvalError& e) {
    return input_error("eval", e.what());
  }
}

}  // namespace tt::tools
