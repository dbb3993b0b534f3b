#include "tools/tinytwin/dataset_cifar10.h"

#include <filesystem>
#include <fstream>
#include <vector>

namespace tt::tools {
namespace {

namespace fs = std::filesystem;

constexpr int32_t kPlane = kCifar10Side * kCifar10Side;

}  // namespace

ImageSet read_cifar10(const std::string& dir, int64_t limit) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw DatasetError(dir + (fs::exists(dir, ec) ? ": not a directory" : ": no such directory"));
  }
  const std::string path = (fs::path(dir) / kCifar10TestFile).string();
  if (!fs::exists(path, ec)) throw DatasetError(dir + ": holds no " + kCifar10TestFile);
  if (!fs::is_regular_file(path, ec)) throw DatasetError(path + ": not a regular file");
  const uintmax_t size = fs::file_size(path, ec);
  if (ec) throw DatasetError(path + ": cannot read (" + ec.message() + ")");
  if (size == 0 || size % kCifar10RecordBytes != 0) {
    throw DatasetError(path + ": " + std::to_string(size) +
                       " bytes is not a whole number of records of " +
                       std::to_string(kCifar10RecordBytes) +
                       " bytes (1 label + 3x32x32 pixels); truncated or not CIFAR-10");
  }
  const int64_t records = static_cast<int64_t>(size / kCifar10RecordBytes);
  if (records > 10'000'000) throw DatasetError(path + ": more than 10,000,000 records");
  ImageSet set;
  set.count = static_cast<int32_t>(limit >= 0 && limit < records ? limit : records);
  set.height = set.width = kCifar10Side;
  set.channels = 3;
  set.pixels.resize(set.image_bytes() * set.count);
  set.labels.resize(set.count);

  std::ifstream in(path, std::ios::binary);
  if (!in) throw DatasetError(path + ": cannot open");
  std::vector<uint8_t> record(kCifar10RecordBytes);
  for (int32_t i = 0; i < set.count; ++i) {
    if (!in.read(reinterpret_cast<char*>(record.data()), kCifar10RecordBytes)) {
      throw DatasetError(path + ": short read in record " + std::to_string(i));
    }
    if (record[0] > 9) {
      throw DatasetError(path + ": record " + std::to_string(i) + " has label " +
                         std::to_string(record[0]) + ", outside 0..9");
    }
    set.labels[i] = record[0];
    // Planes R, G, B to interleaved RGB.
    uint8_t* dst = set.pixels.data() + set.image_bytes() * i;
    for (int32_t p = 0; p < kPlane; ++p) {
      dst[3 * p] = record[1 + p];
      dst[3 * p + 1] = record[1 + kPlane + p];
      dst[3 * p + 2] = record[1 + 2 * kPlane + p];
    }
  }
  return set;
}

}  // namespace tt::tools
