#include "tools/tinytwin/model_source.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "kernels/runtime/plan_format.h"

namespace tt::tools {
namespace {

namespace plan = kernels::plan;
using compiler::ModelError;

std::vector<uint8_t> read_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw ModelError(path + ": is a directory");
  if (!std::filesystem::exists(path, ec)) throw ModelError(path + ": no such file");
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw ModelError(path + ": cannot read (" + ec.message() + ")");
  if (size == 0) throw ModelError(path + ": empty file");
  if (size > compiler::kMaxModelBytes) {
    throw ModelError(path + ": " + std::to_string(size) + " bytes, larger than the " +
                     std::to_string(compiler::kMaxModelBytes) + "-byte limit");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ModelError(path + ": cannot open");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  if (bytes.size() != size) throw ModelError(path + ": short read");
  return bytes;
}

bool is_plan(const std::vector<uint8_t>& bytes) {
  uint32_t magic = 0;
  if (bytes.size() >= 4) std::memcpy(&magic, bytes.data(), 4);
  return magic == plan::kMagic;
}

}  // namespace

ModelSource load_model_source(const std::string& path) {
  ModelSource s;
  s.path = path;
  std::vector<uint8_t> bytes = read_file(path);
  if (!is_plan(bytes)) {
    s.from_tflite = true;
    s.model = compiler::read_tflite(std::move(bytes), path);
    compiler::Compiled c = compiler::compile(*s.model, path);
    s.memory = std::move(c.memory);
    bytes = std::move(c.plan);
  }
  s.plan_bytes = static_cast<uint32_t>(bytes.size());
  s.plan_words.assign((bytes.size() + 3) / 4, 0);
  std::memcpy(s.plan_words.data(), bytes.data(), bytes.size());
  uint32_t arena_bytes = 0;
  if (bytes.size() >= sizeof(plan::PlanHeader)) {
    std::memcpy(&arena_bytes, bytes.data() + offsetof(plan::PlanHeader, arena_bytes), 4);
  }
  // The header's arena size is not trusted for anything but the allocation, bounded here.
  if (arena_bytes > (1u << 28)) throw ModelError(path + ": plan asks for an arena over 256 MB");
  s.arena_words.assign(arena_bytes / 4 + 1, 0);
  const plan::LoadResult r =
      plan::load_plan(s.plan_words.data(), s.plan_bytes, s.arena_words.data(),
                      static_cast<uint32_t>(s.arena_words.size() * 4), &s.plan);
  if (!r.ok()) {
    std::string msg = path + ": invalid plan: " + plan::load_status_name(r.status);
    if (r.index >= 0) msg += " (index " + std::to_string(r.index) + ")";
    if (r.status == plan::LoadStatus::kKernelRejects) {
      msg += std::string(": ") + kernels::status_name(r.kernel_status);
    }
    throw ModelError(msg);
  }
  return s;
}

std::vector<uint8_t> plan_bytes(const ModelSource& s) {
  std::vector<uint8_t> bytes(s.plan_bytes);
  std::memcpy(bytes.data(), s.plan_words.data(), s.plan_bytes);
  return bytes;
}

namespace {

// assets/models under the working directory, then beside the executable and in each of its
// parent folders.
std::vector<std::filesystem::path> shipped_model_dirs() {
  namespace fs = std::filesystem;
  const fs::path rel = fs::path("assets") / "models";
  std::vector<fs::path> dirs;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  dirs.push_back(ec ? rel : cwd / rel);
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = exe.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      dirs.push_back(dir / rel);
      if (dir == dir.parent_path()) break;
    }
  }
  return dirs;
}

}  // namespace

std::string find_shipped_model(const std::string& name, std::string* looked) {
  std::error_code ec;
  for (const std::filesystem::path& dir : shipped_model_dirs()) {
    const std::filesystem::path p = dir / name;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
    if (looked != nullptr) *looked += "\n  " + p.string();
  }
  return "";
}

std::string shipped_models_dir() {
  std::error_code ec;
  for (const std::filesystem::path& dir : shipped_model_dirs()) {
    if (std::filesystem::is_directory(dir, ec)) return dir.string();
  }
  return "";
}

}  // namespace tt::tools
