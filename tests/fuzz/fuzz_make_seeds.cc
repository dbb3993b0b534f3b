// Writes the fuzzers' seed corpora: `fuzz_make_seeds OUT_DIR [MODEL.tflite ...]` copies each
// model to OUT_DIR/tflite, compiles it into OUT_DIR/plan (models that do not compile are
// still tflite seeds), and writes a few small arrays of every dtype and format version to
// OUT_DIR/npy and a few link streams (frames, garbage, damaged frames) to OUT_DIR/link. Exit 1
// when a model file is missing or empty.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <string>
#include <vector>

#include "hal/link/frame_codec.h"
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

// Streams in the layout of fuzz_link_decoder: a byte saying how many chunk sizes end the
// input, the stream, the chunk sizes.
void write_link_seeds(const fs::path& dir) {
  namespace link = tt::link;
  const auto frame = [](uint8_t type, uint16_t sequence, size_t bytes) {
    std::vector<uint8_t> payload(bytes), out(bytes + link::kHeaderBytes + link::kTrailerBytes);
    for (size_t i = 0; i < bytes; ++i) payload[i] = static_cast<uint8_t>(i * 7 + type);
    link::encode_frame(type, sequence, payload.data(), bytes, out.data(), out.size());
    return out;
  };
  const auto join = [](std::initializer_list<std::vector<uint8_t>> parts) {
    std::vector<uint8_t> all;
    for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
    return all;
  };
  std::vector<uint8_t> flipped = frame(4, 3, 20), cut = frame(5, 9, 40);
  flipped[15] ^= 0x10;
  cut.resize(23);
  const std::vector<uint8_t> garbage = {'o', 'k', '\n', 0xA5, 0x5A, 0xC3, 0xA5, 0x00};
  write_bytes(dir / "frames.bin", join({{0}, frame(1, 0, 0), frame(2, 1, 10), frame(3, 2, 100)}));
  const std::vector<uint8_t> damaged =
      join({{2}, garbage, frame(1, 0, 8), flipped, frame(1, 4, 0)});
  write_bytes(dir / "damaged.bin",
              join({damaged, cut, frame(2, 10, 30), frame(2, 11, 3), {3, 17}}));
  write_bytes(dir / "lengths.bin",
              join({{1}, frame(9, 0, 64), frame(9, 1, 65), frame(9, 2, 1000), {0x05}}));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds OUT_DIR [MODEL.tflite ...]\n");
    return 2;
  }
  const fs::path out = argv[1];
  for (const char* sub : {"tflite", "plan", "npy", "link"}) fs::create_directories(out / sub);
  write_npy_seeds(out / "npy");
  write_link_seeds(out / "link");
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
