// The MNIST test set in its distribution format (IDX files, http://yann.lecun.com/exdb/mnist/):
// DIR/t10k-images-idx3-ubyte and DIR/t10k-labels-idx1-ubyte, each plain or gzip-compressed
// (NAME.gz, read through zlib). Everything is checked before use: magic numbers, image
// dimensions, that both files hold the same number of records, that the data is all there
// and every label is a digit; errors name the file and the field.
#pragma once

#include <cstdint>
#include <string>

#include "tools/tinytwin/image_dataset.h"

namespace tt::tools {

inline constexpr const char* kMnistImagesFile = "t10k-images-idx3-ubyte";
inline constexpr const char* kMnistLabelsFile = "t10k-labels-idx1-ubyte";

// The first `limit` records (all when limit < 0) as grey images (channels = 1).
// Throws DatasetError.
ImageSet read_mnist(const std::string& dir, int64_t limit = -1);

}  // namespace tt::tools
