// NumPy .npy files (format versions 1-3), the array format `tinytwin run` reads and writes:
// little-endian int8, uint8 and float32 arrays in C order (and int16 audio for the readers
// that ask for it, e.g. `tinytwin features --pcm`). Parsing is defensive (every header field
// checked, sizes bounded), and errors name the file and what was wrong.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tt::tools {

struct NpyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class NpyType { kInt8, kUInt8, kFloat32, kInt16 };
const char* npy_type_name(NpyType t);

struct NpyArray {
  NpyType type = NpyType::kInt8;
  std::vector<int64_t> shape;
  std::vector<uint8_t> data;  // raw little-endian elements
  int64_t count() const;
};

// `what` names the source in messages. Throws NpyError. int16 ('<i2') is rejected as an
// unsupported dtype unless allow_int16 is set, so readers that do not handle it never see it.
NpyArray parse_npy(const std::vector<uint8_t>& bytes, const std::string& what,
                   bool allow_int16 = false);
NpyArray read_npy(const std::string& path, bool allow_int16 = false);
void write_npy(const std::string& path, const NpyArray& array);

}  // namespace tt::tools
