// The dataset readers of `tinytwin eval` on small files written here: MNIST IDX files plain
// and gzip-compressed, CIFAR-10 binary records, and every kind of damage a download can
// have (truncation, wrong magic, count mismatch, bad labels, corrupt gzip, a header that
// promises more than the file holds). Every error must name the file and the problem.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tools/tinytwin/dataset_cifar10.h"
#include "tools/tinytwin/dataset_mnist.h"

namespace tt::tests {
namespace {

namespace fs = std::filesystem;
using ::testing::AllOf;
using ::testing::HasSubstr;
using tools::DatasetError;
using tools::ImageSet;

using Bytes = std::vector<uint8_t>;

class DatasetReaders : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("tt_dataset_readers_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const Bytes& data, bool gz = false) {
    const std::string path = (dir_ / name).string();
    if (gz) {
      gzFile f = gzopen(path.c_str(), "wb");
      gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
      gzclose(f);
    } else {
      std::ofstream(path, std::ios::binary)
          .write(reinterpret_cast<const char*>(data.data()),
                 static_cast<std::streamsize>(data.size()));
    }
    return path;
  }
  // The error message of read(), or "" when it did not throw.
  template <typename F>
  static std::string error_of(F read) {
    try {
      read();
    } catch (const DatasetError& e) {
      return e.what();
    }
    return "";
  }
  std::string dir() const { return dir_.string(); }

  fs::path dir_;
};

void be32(Bytes* b, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) b->push_back(static_cast<uint8_t>(v >> s));
}

// n images of rows x cols with pixel (i, k) = (i * 7 + k) % 256 and label i % 10.
Bytes idx_images(uint32_t n, uint32_t rows = 28, uint32_t cols = 28, uint32_t magic = 0x803) {
  Bytes b;
  be32(&b, magic);
  be32(&b, n);
  be32(&b, rows);
  be32(&b, cols);
  for (uint32_t i = 0; i < n; ++i) {
    for (uint32_t k = 0; k < rows * cols; ++k) b.push_back(static_cast<uint8_t>((i * 7 + k) % 256));
  }
  return b;
}

Bytes idx_labels(uint32_t n, uint32_t magic = 0x801) {
  Bytes b;
  be32(&b, magic);
  be32(&b, n);
  for (uint32_t i = 0; i < n; ++i) b.push_back(static_cast<uint8_t>(i % 10));
  return b;
}

void expect_mnist(const ImageSet& s, int32_t n) {
  ASSERT_EQ(s.count, n);
  EXPECT_EQ(s.height, 28);
  EXPECT_EQ(s.width, 28);
  EXPECT_EQ(s.channels, 1);
  for (int32_t i = 0; i < n; ++i) {
    EXPECT_EQ(s.labels[i], i % 10);
    EXPECT_EQ(s.image(i)[5], (i * 7 + 5) % 256);
  }
}

TEST_F(DatasetReaders, MnistPlainAndGzip) {
  write("t10k-images-idx3-ubyte", idx_images(12));
  write("t10k-labels-idx1-ubyte", idx_labels(12));
  expect_mnist(tools::read_mnist(dir()), 12);
  expect_mnist(tools::read_mnist(dir(), 5), 5);
  fs::remove(dir_ / "t10k-images-idx3-ubyte");
  fs::remove(dir_ / "t10k-labels-idx1-ubyte");
  write("t10k-images-idx3-ubyte.gz", idx_images(12), true);
  write("t10k-labels-idx1-ubyte.gz", idx_labels(12), true);
  expect_mnist(tools::read_mnist(dir()), 12);
}

TEST_F(DatasetReaders, MnistDamage) {
  const std::string images = "t10k-images-idx3-ubyte", labels = "t10k-labels-idx1-ubyte";
  write(labels, idx_labels(12));
  auto read = [&] { tools::read_mnist(dir()); };

  EXPECT_THAT(error_of(read), AllOf(HasSubstr(dir()), HasSubstr("neither " + images)));
  Bytes data = idx_images(12);
  data.resize(data.size() - 100);
  write(images, data);
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(images), HasSubstr("truncated")));
  write(images, Bytes(data.begin(), data.begin() + 10));
  EXPECT_THAT(error_of(read),
              AllOf(HasSubstr(images), HasSubstr("truncated"), HasSubstr("'rows'")));
  write(images, Bytes());
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(images), HasSubstr("'magic'")));
  write(images, idx_images(12, 28, 28, 0x801));
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(images), HasSubstr("magic number 0x00000801")));
  write(images, idx_images(12, 0, 28));
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(images), HasSubstr("rows = 0")));
  write(images, idx_images(13));
  EXPECT_THAT(error_of(read),
              AllOf(HasSubstr("count mismatch"), HasSubstr("13 images"), HasSubstr("12 labels")));
  write(images, idx_images(12));
  write(labels, idx_labels(12, 0x803));
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(labels), HasSubstr("magic number 0x00000803")));
  Bytes bad_label = idx_labels(12);
  bad_label[8 + 4] = 10;
  write(labels, bad_label);
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(labels), HasSubstr("label 4 is 10")));
  const Bytes short_labels = idx_labels(12);
  write(labels, Bytes(short_labels.begin(), short_labels.end() - 1));
  EXPECT_THAT(error_of(read), AllOf(HasSubstr(labels), HasSubstr("truncated")));
}

TEST_F(DatasetReaders, MnistHeaderPromisingTooMuchIsTruncatedNotAllocated) {
  // 10 million images of 1024x1024 claimed (10 TB), 3 images' worth of bytes present.
  Bytes data = idx_images(3, 1024, 1024);
  data[4] = 0x00, data[5] = 0x98, data[6] = 0x96, data[7] = 0x80;  // 10,000,000
  write("t10k-images-idx3-ubyte", data);
  Bytes labels = idx_labels(3);
  labels[4] = 0x00, labels[5] = 0x98, labels[6] = 0x96, labels[7] = 0x80;
  write("t10k-labels-idx1-ubyte", labels);
  EXPECT_THAT(error_of([&] { tools::read_mnist(dir()); }), HasSubstr("truncated"));
}

TEST_F(DatasetReaders, MnistCorruptGzipAndMissingDirectory) {
  Bytes gz;
  {
    write("tmp.gz", idx_images(12), true);
    std::ifstream in(dir_ / "tmp.gz", std::ios::binary);
    gz.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    fs::remove(dir_ / "tmp.gz");
  }
  for (size_t i = 20; i < gz.size() - 8; i += 7) gz[i] ^= 0x5A;
  write("t10k-images-idx3-ubyte.gz", gz);
  write("t10k-labels-idx1-ubyte.gz", idx_labels(12), true);
  EXPECT_THAT(error_of([&] { tools::read_mnist(dir()); }),
              AllOf(HasSubstr("t10k-images-idx3-ubyte.gz"), HasSubstr("gzip")));
  EXPECT_THAT(error_of([&] { tools::read_mnist(dir() + "/nope"); }),
              HasSubstr("no such directory"));
  EXPECT_THAT(error_of([&] { tools::read_mnist((dir_ / "t10k-images-idx3-ubyte.gz").string()); }),
              HasSubstr("not a directory"));
}

// n CIFAR records; image i: label i % 10, R plane 10 + i, G plane 100 + p % 50, B plane 200.
Bytes cifar_records(int n) {
  Bytes b;
  for (int i = 0; i < n; ++i) {
    b.push_back(static_cast<uint8_t>(i % 10));
    for (int p = 0; p < 1024; ++p) b.push_back(static_cast<uint8_t>(10 + i));
    for (int p = 0; p < 1024; ++p) b.push_back(static_cast<uint8_t>(100 + p % 50));
    for (int p = 0; p < 1024; ++p) b.push_back(200);
  }
  return b;
}

TEST_F(DatasetReaders, Cifar10PlanesBecomeInterleavedRgb) {
  write("test_batch.bin", cifar_records(7));
  const ImageSet s = tools::read_cifar10(dir());
  ASSERT_EQ(s.count, 7);
  EXPECT_EQ(s.channels, 3);
  EXPECT_EQ(s.height, 32);
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(s.labels[i], i % 10);
    for (int p : {0, 33, 1023}) {
      EXPECT_EQ(s.image(i)[3 * p], 10 + i);
      EXPECT_EQ(s.image(i)[3 * p + 1], 100 + p % 50);
      EXPECT_EQ(s.image(i)[3 * p + 2], 200);
    }
  }
  EXPECT_EQ(tools::read_cifar10(dir(), 3).count, 3);
}

TEST_F(DatasetReaders, Cifar10Damage) {
  auto read = [&] { tools::read_cifar10(dir()); };
  EXPECT_THAT(error_of(read), HasSubstr("holds no test_batch.bin"));
  Bytes data = cifar_records(3);
  data.pop_back();
  write("test_batch.bin", data);
  EXPECT_THAT(error_of(read), AllOf(HasSubstr("test_batch.bin"), HasSubstr("9218 bytes"),
                                    HasSubstr("whole number of records")));
  write("test_batch.bin", Bytes());
  EXPECT_THAT(error_of(read), HasSubstr("0 bytes"));
  data = cifar_records(3);
  data[2 * 3073] = 10;
  write("test_batch.bin", data);
  EXPECT_THAT(error_of(read),
              AllOf(HasSubstr("test_batch.bin"), HasSubstr("record 2"), HasSubstr("label 10")));
  EXPECT_THAT(error_of([&] { tools::read_cifar10(dir() + "/nope"); }),
              HasSubstr("no such directory"));
}

}  // namespace
}  // namespace tt::tests
