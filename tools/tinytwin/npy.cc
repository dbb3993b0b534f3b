// The header is a Python dict literal; we accept exactly the keys NumPy writes ('descr',
// 'fortran_order', 'shape') and nothing looser, since a wrong guess would feed a model
// garbage instead of failing.
#include "tools/tinytwin/npy.h"

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>

namespace tt::tools {
namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr int64_t kMaxElements = int64_t{1} << 28;
constexpr size_t kMaxHeaderBytes = 10000;

size_t type_size(NpyType t) { return t == NpyType::kFloat32 ? 4 : t == NpyType::kInt16 ? 2 : 1; }

std::string descr_of(NpyType t) {
  switch (t) {
    case NpyType::kInt8:
      return "|i1";
    case NpyType::kUInt8:
      return "|u1";
    case NpyType::kFloat32:
      return "<f4";
    case NpyType::kInt16:
      return "<i2";
  }
  return "?";
}

NpyType parse_descr(const std::string& d, const std::string& what, bool allow_int16) {
  if (d == "|i1" || d == "i1" || d == "<i1") return NpyType::kInt8;
  if (d == "|u1" || d == "u1" || d == "<u1") return NpyType::kUInt8;
  if (d == "<f4") return NpyType::kFloat32;
  if (allow_int16 && d == "<i2") return NpyType::kInt16;
  throw NpyError(what + ": unsupported dtype '" + d +
                 (allow_int16 ? "' (expected little-endian int16 '<i2')"
                              : "' (expected int8 '|i1', uint8 '|u1' or little-endian float32 "
                                "'<f4')"));
}

}  // namespace

const char* npy_type_name(NpyType t) {
  switch (t) {
    case NpyType::kInt8:
      return "int8";
    case NpyType::kUInt8:
      return "uint8";
    case NpyType::kFloat32:
      return "float32";
    case NpyType::kInt16:
      return "int16";
  }
  return "?";
}

int64_t NpyArray::count() const {
  int64_t n = 1;
  for (int64_t d : shape) n *= d;
  return n;
}

NpyArray parse_npy(const std::vector<uint8_t>& bytes, const std::string& what, bool allow_int16) {
  if (bytes.size() < 10 || std::memcmp(bytes.data(), kMagic, 6) != 0) {
    throw NpyError(what + ": not a .npy file (no \\x93NUMPY magic)");
  }
  const int major = bytes[6];
  size_t header_len = 0, header_at = 0;
  if (major == 1) {
    header_len = bytes[8] | (bytes[9] << 8);
    header_at = 10;
  } else if (major == 2 || major == 3) {
    if (bytes.size() < 12) throw NpyError(what + ": truncated .npy header");
    header_len = bytes[8] | (bytes[9] << 8) | (bytes[10] << 16) | (size_t{bytes[11]} << 24);
    header_at = 12;
  } else {
    throw NpyError(what + ": unsupported .npy format version " + std::to_string(major));
  }
  // NumPy's own np.load refuses headers over 10,000 bytes; so do we, which also bounds the
  // recursion of std::regex below (a 60 KB header overflows the stack).
  if (header_len > kMaxHeaderBytes) {
    throw NpyError(what + ": .npy header of " + std::to_string(header_len) +
                   " bytes, more than the limit of " + std::to_string(kMaxHeaderBytes));
  }
  if (header_at + header_len > bytes.size()) {
    throw NpyError(what + ": truncated .npy header (" + std::to_string(header_len) + " bytes)");
  }
  const std::string header(bytes.begin() + header_at, bytes.begin() + header_at + header_len);
  static const std::regex kDescr(R"('descr'\s*:\s*'([^']*)')");
  static const std::regex kFortran(R"('fortran_order'\s*:\s*(True|False))");
  static const std::regex kShape(R"('shape'\s*:\s*\(([^)]*)\))");
  std::smatch m;
  NpyArray a;
  if (!std::regex_search(header, m, kDescr)) throw NpyError(what + ": .npy header has no descr");
  a.type = parse_descr(m[1], what, allow_int16);
  if (!std::regex_search(header, m, kFortran)) {
    throw NpyError(what + ": .npy header has no fortran_order");
  }
  if (m[1] == "True") throw NpyError(what + ": Fortran-order arrays are not supported");
  if (!std::regex_search(header, m, kShape)) throw NpyError(what + ": .npy header has no shape");
  const std::string dims = m[1];
  static const std::regex kDim(R"(\s*(\d{1,9})\s*(,|$))");
  int64_t count = 1;
  for (auto it = std::sregex_iterator(dims.begin(), dims.end(), kDim); it != std::sregex_iterator();
       ++it) {
    const int64_t d = std::stoll((*it)[1]);
    a.shape.push_back(d);
    count *= d;
    if (count > kMaxElements) throw NpyError(what + ": array too large");
  }
  const size_t data_at = header_at + header_len;
  const size_t need = static_cast<size_t>(count) * type_size(a.type);
  if (bytes.size() - data_at != need) {
    throw NpyError(what + ": data holds " + std::to_string(bytes.size() - data_at) +
                   " bytes, shape and dtype need " + std::to_string(need));
  }
  a.data.assign(bytes.begin() + data_at, bytes.end());
  return a;
}

NpyArray read_npy(const std::string& path, bool allow_int16) {
  // Only regular files of a bounded size: reading a directory throws from inside the stream
  // buffer, and a device such as /dev/zero never ends.
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw NpyError(path + ": cannot open (no such file)");
  if (fs::is_directory(st)) throw NpyError(path + ": is a directory, not a .npy file");
  if (!fs::is_regular_file(st)) throw NpyError(path + ": not a regular file");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) throw NpyError(path + ": cannot read its size (" + ec.message() + ")");
  if (size > static_cast<uintmax_t>(kMaxElements) * 4 + kMaxHeaderBytes + 12) {
    throw NpyError(path + ": " + std::to_string(size) + " bytes, too large for a .npy input");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw NpyError(path + ": cannot open");
  std::vector<uint8_t> bytes(static_cast<size_t>(size));
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (in.gcount() != static_cast<std::streamsize>(bytes.size())) {
    throw NpyError(path + ": read " + std::to_string(in.gcount()) + " of " + std::to_string(size) +
                   " bytes");
  }
  return parse_npy(bytes, path, allow_int16);
}

void write_npy(const std::string& path, const NpyArray& a) {
  std::string header = "{'descr': '" + descr_of(a.type) + "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < a.shape.size(); ++i) header += std::to_string(a.shape[i]) + ", ";
  if (a.shape.size() > 1) header.resize(header.size() - 1);
  if (a.shape.size() > 1)
    header.back() = ')';
  else
    header += ")";
  header += ", }";
  // Pad so the data starts 64-byte aligned, newline-terminated, as NumPy does.
  const size_t total = 10 + header.size() + 1;
  header.append((64 - total % 64) % 64, ' ');
  header += '\n';
  std::ofstream out(path, std::ios::binary);
  if (!out) throw NpyError(path + ": cannot create");
  out.write(kMagic, 6);
  const char version[2] = {1, 0};
  out.write(version, 2);
  const uint16_t len = static_cast<uint16_t>(header.size());
  const char len_le[2] = {static_cast<char>(len & 0xff), static_cast<char>(len >> 8)};
  out.write(len_le, 2);
  out.write(header.data(), static_cast<std::streamsize>(header.size()));
  out.write(reinterpret_cast<const char*>(a.data.data()),
            static_cast<std::streamsize>(a.data.size()));
  if (!out) throw NpyError(path + ": write failed");
}

}  // namespace tt::tools
