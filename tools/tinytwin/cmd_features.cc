// `tinytwin features`: MFCC features of one-second clips through the front-end the board
// runs (kernels/frontend/mfcc.h), so the training scripts and the device cannot drift apart.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <utility>

#include "kernels/frontend/mfcc.h"
#include "tools/tinytwin/audio_file.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/model_source.h"
#include "tools/tinytwin/npy.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
namespace {

namespace fe = kernels::frontend;
namespace plan = kernels::plan;

constexpr const char* kUsage =
    "usage: tinytwin features (--wav FILE... | --list FILE | --pcm IN.npy) -o OUT.npy\n"
    "                         [--quantize MODEL]\n"
    "  MFCC features for keyword spotting, computed by the front-end the firmware runs:\n"
    "  49 frames (40 ms every 20 ms) x 10 coefficients per one-second clip.\n"
    "  --wav FILE...     audio files (WAV, FLAC, anything libsndfile reads), mono 16 kHz;\n"
    "                    each is zero-padded at the end or truncated to exactly 1 s\n"
    "                    (16000 samples)\n"
    "  --list FILE       a text file of audio paths, one per line (blank lines and lines\n"
    "                    starting with # skipped); --wav and --list may be combined and\n"
    "                    repeated, the clips keep their order\n"
    "  --pcm IN.npy      int16 [N, 16000] clips, e.g. augmented by the training scripts\n"
    "                    (N up to 16777: the .npy reader's 2^28-element limit)\n"
    "  -o OUT.npy        float32 [N, 49, 10]; int8 with --quantize\n"
    "  --quantize MODEL  quantize with the input scale and zero point of MODEL (.tflite or\n"
    "                    .ttm with an int8 input of 490 elements), as its QUANTIZE op would\n"
    "  Exit 0 on success, 1 on a bad file (the message names it), 2 on bad usage.\n";

struct Options {
  std::vector<std::pair<bool, std::string>> sources;  // (is a --list, path), in order
  std::string pcm, output, model;
};

struct ListError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::vector<std::string> read_list(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw ListError(path + ": cannot open (no such file)");
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw ListError(path + ": not a regular file (--list takes a text file of audio paths)");
  }
  std::ifstream in(path);
  if (!in) throw ListError(path + ": cannot open");
  std::vector<std::string> paths;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    paths.push_back(line);
  }
  if (paths.empty()) throw ListError(path + ": no audio paths in the list");
  return paths;
}

// The int16 [N, 16000] clips of --pcm.
std::vector<int16_t> read_pcm(const std::string& path, int64_t* clips) {
  const NpyArray a = read_npy(path, /*allow_int16=*/true);
  std::string shape;
  for (int64_t d : a.shape) shape += (shape.empty() ? "" : ", ") + std::to_string(d);
  shape = "(" + shape + ")";
  if (a.type != NpyType::kInt16) {
    throw NpyError(path + ": dtype " + npy_type_name(a.type) + ", expected int16 [N, 16000]");
  }
  if (a.shape.size() != 2 || a.shape[1] != fe::kClipSamples) {
    throw NpyError(path + ": shape " + shape + ", expected int16 [N, 16000] (one-second clips)");
  }
  if (a.shape[0] == 0) throw NpyError(path + ": no clips (shape " + shape + ")");
  *clips = a.shape[0];
  std::vector<int16_t> samples(static_cast<size_t>(a.count()));
  std::memcpy(samples.data(), a.data.data(), a.data.size());  // little-endian, as the host
  return samples;
}

// The model input's quantization, after checking it takes one clip's features as int8.
const plan::PlanTensor& model_input(const ModelSource& s) {
  if (s.plan.input_count() != 1) {
    throw compiler::ModelError(s.path + ": " + std::to_string(s.plan.input_count()) +
                               " inputs; --quantize needs a model with one");
  }
  const plan::PlanTensor& t = s.plan.tensors[s.plan.input_tensor(0)];
  if (t.dtype != plan::DType::kInt8 || plan::element_count(t) != fe::kClipFeatures) {
    throw compiler::ModelError(s.path + ": input " + shape_string(tensor_shape(t)) + " " +
                               (t.dtype == plan::DType::kInt8 ? "int8" : "not int8") +
                               "; --quantize needs an int8 input of " +
                               std::to_string(fe::kClipFeatures) + " elements (49 frames x 10)");
  }
  return t;
}

void mfcc_of_clip(const int16_t* clip, float* out) {
  const kernels::Status status = fe::compute_mfcc(clip, fe::kClipSamples, out, fe::kClipFeatures);
  if (status != kernels::Status::kOk) {  // cannot happen with one-second clips
    throw std::logic_error(std::string("compute_mfcc: ") + kernels::status_name(status));
  }
}

int run(const Options& o) {
  std::optional<ModelSource> model;
  const plan::PlanTensor* input = nullptr;
  if (!o.model.empty()) {
    model.emplace(load_model_source(o.model));
    input = &model_input(*model);
  }
  const auto start = std::chrono::steady_clock::now();
  std::vector<float> features;
  int64_t clips = 0;
  if (!o.pcm.empty()) {
    const std::vector<int16_t> pcm = read_pcm(o.pcm, &clips);
    features.resize(static_cast<size_t>(clips) * fe::kClipFeatures);
    for (int64_t i = 0; i < clips; ++i) {
      mfcc_of_clip(pcm.data() + i * fe::kClipSamples, features.data() + i * fe::kClipFeatures);
    }
  } else {
    std::vector<std::string> audio;
    for (const auto& [is_list, path] : o.sources) {
      if (!is_list) {
        audio.push_back(path);
        continue;
      }
      for (std::string& p : read_list(path)) audio.push_back(std::move(p));
    }
    clips = static_cast<int64_t>(audio.size());
    features.resize(audio.size() * fe::kClipFeatures);
    for (size_t i = 0; i < audio.size(); ++i) {
      const std::vector<int16_t> clip = fit_to_one_second(read_clip_16k(audio[i]));
      mfcc_of_clip(clip.data(), features.data() + i * fe::kClipFeatures);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  NpyArray out;
  out.shape = {clips, fe::kFramesPerClip, fe::kMfccCoefficients};
  if (input != nullptr) {
    out.type = NpyType::kInt8;
    out.data.resize(features.size());
    fe::quantize_features(features.data(), static_cast<int>(features.size()), input->scale,
                          input->zero_point, reinterpret_cast<int8_t*>(out.data.data()));
  } else {
    out.type = NpyType::kFloat32;
    out.data.resize(features.size() * sizeof(float));
    std::memcpy(out.data.data(), features.data(), out.data.size());
  }
  write_npy(o.output, out);
  std::fprintf(stderr, "features: %lld %s -> %s %s [%lld, %d, %d] in %.3f s (%.0f clips/s)\n",
               static_cast<long long>(clips), clips == 1 ? "clip" : "clips", o.output.c_str(),
               npy_type_name(out.type), static_cast<long long>(clips), fe::kFramesPerClip,
               fe::kMfccCoefficients, seconds,
               seconds > 0 ? static_cast<double>(clips) / seconds : 0.0);
  return kExitOk;
}

}  // namespace

int cmd_features(int argc, char** argv) {
  Options o;
  for (int i = 0; i < argc; ++i) {
    const std::string arg = argv[i];
    std::string value;
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (arg == "--wav") {
      const size_t before = o.sources.size();
      while (i + 1 < argc && argv[i + 1][0] != '-') o.sources.emplace_back(false, argv[++i]);
      if (o.sources.size() == before) return usage_error("features", "--wav needs files", kUsage);
    } else if (arg == "--list" || arg == "--pcm" || arg == "-o" || arg == "--quantize") {
      if (!option_value(argc, argv, i, &value)) {
        return usage_error("features", arg + " needs a value", kUsage);
      }
      if (arg == "--list") o.sources.emplace_back(true, value);
      if (arg == "--pcm") o.pcm = value;
      if (arg == "-o") o.output = value;
      if (arg == "--quantize") o.model = value;
    } else {
      return usage_error("features", "unexpected argument '" + arg + "'", kUsage);
    }
  }
  if (o.pcm.empty() && o.sources.empty()) {
    return usage_error("features", "missing --wav FILE..., --list FILE or --pcm IN.npy", kUsage);
  }
  if (!o.pcm.empty() && !o.sources.empty()) {
    return usage_error("features", "--pcm cannot be combined with --wav or --list", kUsage);
  }
  if (o.output.empty()) return usage_error("features", "missing -o OUT.npy", kUsage);
  try {
    return run(o);
  } catch (const compiler::ModelError& e) {
    return input_error("features", e.what());
  } catch (const std::runtime_error& e) {  // AudioError, NpyError, ListError
    return input_error("features", e.what());
  }
}

}  // namespace tt::tools
