// A CIFAR-10-shaped int8 network with synthetic (random) weights for the headless demo:
// the CMSIS-NN example CNN (conv5x5 3->32, max pool 3x3/2, conv5x5 32->32, pool,
// conv5x5 32->64, pool, fully connected 1024->10, softmax). It exercises the kernels on
// real layer shapes; the prediction means nothing until trained models are loaded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "kernels/core/status.h"

namespace tt::tools {

struct DemoLayer {
  std::string name, op, output_shape;
  int64_t macs = 0;
  int32_t output_bytes = 0;
  // Runs registry variant `variant` (0 = ref) from `in` to `out` with `scratch`.
  std::function<int32_t(int variant)> scratch_size;
  std::function<kernels::Status(int variant, const int8_t* in, int8_t* out, void* scratch,
                                int32_t scratch_bytes)>
      run;
};

struct DemoNetwork {
  std::vector<DemoLayer> layers;
  std::vector<int8_t> input;  // a random 32x32x3 image
  int32_t variants = 0;       // kernel variants per op (the registry's count)
  // Weights, biases and quantization parameters the layers point into.
  std::vector<std::vector<int8_t>> weights;
  std::vector<std::vector<int32_t>> params;
};

DemoNetwork make_cifar10_demo(uint64_t seed);

}  // namespace tt::tools
