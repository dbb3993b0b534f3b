// A labelled image test set held in memory, as the dataset readers of `tinytwin eval`
// return it (dataset_mnist.h, dataset_cifar10.h): images interleaved (HWC, one byte per
// channel) one after the other, so the image front-end takes each one as it is.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace tt::tools {

// A missing, truncated or malformed dataset file; the message names the file and the field.
struct DatasetError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ImageSet {
  int32_t count = 0;
  int32_t height = 0, width = 0, channels = 0;
  std::vector<uint8_t> pixels;  // count * height * width * channels
  std::vector<uint8_t> labels;  // count, each below the app's class count

  size_t image_bytes() const {
    return static_cast<size_t>(height) * static_cast<size_t>(width) * static_cast<size_t>(channels);
  }
  const uint8_t* image(int32_t i) const { return pixels.data() + image_bytes() * i; }
};

}  // namespace tt::tools
