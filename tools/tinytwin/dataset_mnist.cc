#include "tools/tinytwin/dataset_mnist.h"

#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace tt::tools {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kImagesMagic = 0x00000803;  // unsigned bytes, 3 dimensions
constexpr uint32_t kLabelsMagic = 0x00000801;  // unsigned bytes, 1 dimension
constexpr uint32_t kMaxSide = 1024;
constexpr uint32_t kMaxRecords = 10'000'000;

// NAME or NAME.gz in dir; gzread reads both (an uncompressed file passes through).
std::string locate(const std::string& dir, const std::string& name) {
  std::error_code ec;
  for (const std::string& candidate : {name, name + ".gz"}) {
    const fs::path p = fs::path(dir) / candidate;
    if (!fs::exists(p, ec)) continue;
    if (!fs::is_regular_file(p, ec)) throw DatasetError(p.string() + ": not a regular file");
    return p.string();
  }
  throw DatasetError(dir + ": holds neither " + name + " nor " + name + ".gz");
}

class IdxFile {
 public:
  explicit IdxFile(std::string path) : path_(std::move(path)), gz_(gzopen(path_.c_str(), "rb")) {
    if (gz_ == nullptr) throw DatasetError(path_ + ": cannot open");
    gzbuffer(gz_, 1 << 16);
  }
  ~IdxFile() { gzclose(gz_); }
  IdxFile(const IdxFile&) = delete;
  IdxFile& operator=(const IdxFile&) = delete;

  // Reads exactly n bytes into out (resized), growing it as the data arrives, so a header
  // that promises more than the file holds is reported as truncated instead of allocating
  // what it claims. `what` names the bytes in the error when the file ends early.
  void read(std::vector<uint8_t>* out, size_t n, const std::string& what) {
    out->clear();
    while (out->size() < n) {
      const size_t done = out->size();
      const size_t chunk = std::min<size_t>(n - done, size_t{16} << 20);
      out->resize(done + chunk);
      const int got = gzread(gz_, out->data() + done, static_cast<unsigned>(chunk));
      if (got < 0) {
        int code = 0;
        const char* msg = gzerror(gz_, &code);
        throw DatasetError(path_ + ": corrupt or truncated gzip data in " + what + " (" +
                           (msg ? msg : "unknown error") + ")");
      }
      out->resize(done + static_cast<size_t>(got));
      if (got == 0) {
        throw DatasetError(path_ + ": truncated: " + what + " need " + std::to_string(n) +
                           " bytes, only " + std::to_string(done) + " are there");
      }
    }
  }
  uint32_t be32(const std::string& field) {
    std::vector<uint8_t> b;
    read(&b, 4, "the header field '" + field + "'");
    return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
  }
  void expect_magic(uint32_t want, const char* meaning) {
    const uint32_t magic = be32("magic");
    if (magic != want) {
      char buf[160];
      std::snprintf(buf, sizeof buf, ": magic number 0x%08x, expected 0x%08x (%s)", magic, want,
                    meaning);
      throw DatasetError(path_ + buf);
    }
  }
  uint32_t bounded(const std::string& field, uint32_t max) {
    const uint32_t v = be32(field);
    if (v < 1 || v > max) {
      throw DatasetError(path_ + ": " + field + " = " + std::to_string(v) + " is outside 1.." +
                         std::to_string(max));
    }
    return v;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  gzFile gz_;
};

}  // namespace

ImageSet read_mnist(const std::string& dir, int64_t limit) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw DatasetError(dir + (fs::exists(dir, ec) ? ": not a directory" : ": no such directory"));
  }
  IdxFile images(locate(dir, kMnistImagesFile));
  IdxFile labels(locate(dir, kMnistLabelsFile));
  images.expect_magic(kImagesMagic, "IDX images of unsigned bytes");
  const uint32_t n_images = images.bounded("image count", kMaxRecords);
  ImageSet set;
  set.height = static_cast<int32_t>(images.bounded("rows", kMaxSide));
  set.width = static_cast<int32_t>(images.bounded("columns", kMaxSide));
  set.channels = 1;
  labels.expect_magic(kLabelsMagic, "IDX labels of unsigned bytes");
  const uint32_t n_labels = labels.bounded("label count", kMaxRecords);
  if (n_images != n_labels) {
    throw DatasetError("count mismatch: " + images.path() + " holds " + std::to_string(n_images) +
                       " images, " + labels.path() + " " + std::to_string(n_labels) + " labels");
  }
  set.count = static_cast<int32_t>(limit >= 0 && limit < n_images ? limit : n_images);
  images.read(&set.pixels, set.image_bytes() * set.count,
              std::to_string(set.count) + " images of " + std::to_string(set.height) + "x" +
                  std::to_string(set.width));
  labels.read(&set.labels, static_cast<size_t>(set.count), std::to_string(set.count) + " labels");
  for (int32_t i = 0; i < set.count; ++i) {
    if (set.labels[i] > 9) {
      throw DatasetError(labels.path() + ": label " + std::to_string(i) + " is " +
                         std::to_string(set.labels[i]) + ", not a digit 0..9");
    }
  }
  return set;
}

}  // namespace tt::tools
