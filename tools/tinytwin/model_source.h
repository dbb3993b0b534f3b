// What every model-taking command starts with: a path to a .tflite (compiled here) or a
// .ttm plan (read as is), recognised by content, not by extension, and loaded with the same
// validating loader the firmware uses, bound to a freshly allocated arena.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kernels/runtime/plan_loader.h"
#include "tools/compiler/compile.h"

namespace tt::tools {

struct ModelSource {
  std::string path;
  bool from_tflite = false;
  std::vector<uint32_t> plan_words;  // the plan, 4-byte aligned as the loader requires
  uint32_t plan_bytes = 0;
  std::vector<uint32_t> arena_words;
  kernels::plan::LoadedPlan plan;
  std::optional<compiler::MemoryReport> memory;  // only when compiled from a .tflite
  std::optional<compiler::Model> model;          // the imported TFLite model, if any
};

// Throws compiler::ModelError naming the file and the problem.
ModelSource load_model_source(const std::string& path);

// assets/models/NAME under the working directory, then beside the executable and in each of
// its parent folders (build/host/tools/tinytwin/tinytwin finds the source tree's). "" when
// absent; *looked (optional) gets the candidates, one per line, for an error message.
std::string find_shipped_model(const std::string& name, std::string* looked = nullptr);
// The first of those assets/models folders that exists, or "".
std::string shipped_models_dir();

// The plan as bytes (for writing a .ttm or a C array).
std::vector<uint8_t> plan_bytes(const ModelSource& source);

}  // namespace tt::tools
