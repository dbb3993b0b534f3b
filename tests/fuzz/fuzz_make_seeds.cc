// Writes the fuzzers' seed corpora: `fuzz_make_seeds OUT_DIR [MODEL.tflite ...]` copies each
// model to OUT_DIR/tflite, compiles it into OUT_DIR/plan (models that do not compile are
// still tflite seeds), and writes a few small arrays of every dtype and format version to
// OUT_DIR/npy. Exit 1 when a model file is missing or empty.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tools/compiler/compile.h"
#include "tools/compiler/tflite_model.h"
#include "tools/tinytwin/npy.h"

namespace {

namespace fs = std::filesystem;

bool write_bytes(const fs::path& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

std::vector<uint8_t> read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
}

void write_npy_seeds(const fs::path& dir) {
  using tt::tools::NpyArray;
  using tt::tools::NpyType;
  const struct {
    NpyType type;
    std::vector<int64_t> shape;
  } arrays[] = {{NpyType::kInt8, {1, 4, 4, 2}},
                {NpyType::kUInt8, {3}},
                {NpyType::kFloat32, {2, 3}},
                {NpyType::kInt8, {}}};
  int n = 0;
  for (const auto& spec : arrays) {
    NpyArray a;
    a.type = spec.type;
    a.shape = spec.shape;
    a.data.assign(static_cast<size_t>(a.count()) * (spec.type == NpyType::kFloat32 ? 4 : 1), 7);
    const fs::path path = dir / ("array" + std::to_string(n++) + ".npy");
    tt::tools::write_npy(path.string(), a);
    // The same array as format version 2 (a 4-byte header length).
    std::vector<uint8_t> v1 = read_bytes(path), v2(v1.begin(), v1.begin() + 8);
    v2[6] = 2;
    const uint32_t len = static_cast<uint32_t>(v1[8] | (v1[9] << 8));
    for (int i = 0; i < 4; ++i) v2.push_back(static_cast<uint8_t>(len >> (8 * i)));
    v2.insert(v2.end(), v1.begin() + 10, v1.end());
    write_bytes(dir / ("array" + std::to_string(n++) + "_v2.npy"), v2);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUT_DIR [MODEL.tflite ...]\n");
    return 2;
  }
  const fs::path out = argv[1];
  for (const char* sub : {"tflite", "plan", "npy"}) fs::create_directories(out / sub);
  write_npy_seeds(out / "npy");
  int status = 0, plans = 0;
  for (int i = 2; i < argc; ++i) {
    const fs::path model = argv[i];
    const std::string name = model.stem().string();
    const std::vector<uint8_t> bytes = read_bytes(model);
    if (bytes.empty()) {
      std::fprintf(stderr, "fuzz_make_seeds: %s: missing or empty\n", argv[i]);
      status = 1;
      continue;
    }
    write_bytes(out / "tflite" / (name + ".tflite"), bytes);
    try {
      const tt::compiler::Model m = tt::compiler::read_tflite(bytes, model.string());
      const tt::compiler::Compiled c = tt::compiler::compile(m, model.string());
      write_bytes(out / "plan" / (name + ".ttm"), c.plan);
      ++plans;
    } catch (const tt::compiler::ModelError& e) {
      std::fprintf(stderr, "fuzz_make_seeds: no plan seed: %s\n", e.what());
    }
  }
  std::printf("fuzz_make_seeds: %d model(s), %d plan(s) in %s\n", argc - 2, plans,
              out.string().c_str());
  return status;
}
