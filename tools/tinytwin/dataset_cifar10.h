// The CIFAR-10 test set in its binary distribution format
// (https://www.cs.toronto.edu/~kriz/cifar.html): DIR/test_batch.bin, 10,000 records of one
// label byte and 3072 pixel bytes, the red, green and blue 32x32 planes in turn. Returned
// as interleaved RGB (HWC), the layout of the image front-end and of the models' input.
#pragma once

#include <cstdint>
#include <string>

#include "tools/tinytwin/image_dataset.h"

namespace tt::tools {

inline constexpr const char* kCifar10TestFile = "test_batch.bin";
inline constexpr int32_t kCifar10Side = 32;
inline constexpr int32_t kCifar10RecordBytes = 1 + 3 * kCifar10Side * kCifar10Side;

// The first `limit` records (all when limit < 0). The file must be a whole, non-zero number
// of records (10,000 in the official one) with labels 0..9. Throws DatasetError.
ImageSet read_cifar10(const std::string& dir, int64_t limit = -1);

}  // namespace tt::tools
