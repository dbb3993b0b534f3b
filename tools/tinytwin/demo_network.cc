#include "tools/tinytwin/demo_network.h"

#include <random>

#include "kernels/core/quantize_multiplier.h"
#include "kernels/registry.h"

namespace tt::tools {
namespace {

using kernels::Dims4;

std::string shape_text(const Dims4& d) {
  return std::to_string(d.h) + "x" + std::to_string(d.w) + "x" + std::to_string(d.c);
}

struct Builder {
  DemoNetwork& net;
  std::mt19937 rng;

  const int8_t* random_weights(int32_t n) {
    std::uniform_int_distribution<int> dist(-127, 127);
    net.weights.emplace_back(n);
    for (auto& w : net.weights.back()) w = static_cast<int8_t>(dist(rng));
    return net.weights.back().data();
  }
  const int32_t* ints(std::vector<int32_t> v) {
    net.params.push_back(std::move(v));
    return net.params.back().data();
  }
  // Per-channel scales that keep activations in range for a k-element dot product.
  void quant(kernels::ConvQuant& q, int32_t channels, int32_t k) {
    std::vector<int32_t> mult(channels), shift(channels);
    std::uniform_real_distribution<double> jitter(0.7, 1.3);
    for (int32_t c = 0; c < channels; ++c) {
      const auto qm = kernels::quantize_multiplier(jitter(rng) / (64.0 * k));
      mult[c] = qm.multiplier;
      shift[c] = qm.shift;
    }
    q.out_multiplier = ints(mult);
    q.out_shift = ints(shift);
    q.input_offset = 128;  // input zero point -128, as after a ReLU
    q.output_offset = -128;
    q.act_min = -128;  // fused ReLU
    q.act_max = 127;
  }

  void conv(const std::string& name, Dims4 in, int32_t cout) {
    kernels::Conv2dArgs a;
    a.input_dims = in;
    a.filter_dims = Dims4{cout, 5, 5, in.c};
    a.output_dims = Dims4{1, in.h, in.w, cout};
    a.pad_top = a.pad_left = 2;
    a.filter = random_weights(a.filter_dims.count());
    a.bias = ints(std::vector<int32_t>(cout, 0));
    quant(a.quant, cout, 25 * in.c);
    DemoLayer l;
    l.name = name;
    l.op = kernels::kConv2d.op;
    l.output_shape = shape_text(a.output_dims);
    l.macs = int64_t{a.output_dims.count()} * 25 * in.c;
    l.output_bytes = a.output_dims.count();
    l.scratch_size = [a](int v) {
      auto f = kernels::kConv2d.variants[v].scratch_size;
      return f != nullptr ? f(a) : 0;
    };
    l.run = [a](int v, const int8_t* x, int8_t* y, void* s, int32_t sb) {
      kernels::Conv2dArgs r = a;
      r.input = x;
      r.output = y;
      r.scratch = s;
      r.scratch_bytes = sb;
      return kernels::kConv2d.variants[v].run(r);
    };
    net.layers.push_back(l);
  }

  void max_pool(const std::string& name, Dims4 in) {
    kernels::Pool2dArgs a;
    a.input_dims = in;
    a.output_dims = Dims4{1, in.h / 2, in.w / 2, in.c};
    a.filter_h = a.filter_w = 3;
    a.stride_h = a.stride_w = 2;
    a.pad_top = a.pad_left = 0;  // SAME for 3x3/2 on an even size pads bottom/right only
    DemoLayer l;
    l.name = name;
    l.op = kernels::kMaxPool2d.op;
    l.output_shape = shape_text(a.output_dims);
    l.output_bytes = a.output_dims.count();
    l.scratch_size = [](int) { return 0; };
    l.run = [a](int v, const int8_t* x, int8_t* y, void*, int32_t) {
      kernels::Pool2dArgs r = a;
      r.input = x;
      r.output = y;
      return kernels::kMaxPool2d.variants[v].run(r);
    };
    net.layers.push_back(l);
  }

  void fully_connected(const std::string& name, int32_t depth, int32_t units) {
    kernels::FullyConnectedArgs a;
    a.depth = depth;
    a.units = units;
    a.filter = random_weights(depth * units);
    a.bias = ints(std::vector<int32_t>(units, 0));
    quant(a.quant, 1, depth);
    a.quant.act_min = -128;
    a.quant.output_offset = 0;
    DemoLayer l;
    l.name = name;
    l.op = kernels::kFullyConnected.op;
    l.output_shape = std::to_string(units);
    l.macs = int64_t{depth} * units;
    l.output_bytes = units;
    l.scratch_size = [a](int v) {
      auto f = kernels::kFullyConnected.variants[v].scratch_size;
      return f != nullptr ? f(a) : 0;
    };
    l.run = [a](int v, const int8_t* x, int8_t* y, void* s, int32_t sb) {
      kernels::FullyConnectedArgs r = a;
      r.input = x;
      r.output = y;
      r.scratch = s;
      r.scratch_bytes = sb;
      return kernels::kFullyConnected.variants[v].run(r);
    };
    net.layers.push_back(l);
  }

  void softmax(const std::string& name, int32_t depth) {
    kernels::SoftmaxArgs a;
    a.depth = depth;
    // beta = 1, input scale 1/16: TFLite's scaling of the differences into Q5.
    const auto qm = kernels::quantize_multiplier_greater_than_one(1.0 / 16 * (1 << 26));
    a.input_multiplier = qm.multiplier;
    a.input_left_shift = qm.shift;
    a.diff_min = -kernels::calculate_input_radius(5, qm.shift, 31);
    DemoLayer l;
    l.name = name;
    l.op = kernels::kSoftmax.op;
    l.output_shape = std::to_string(depth);
    l.output_bytes = depth;
    l.scratch_size = [](int) { return 0; };
    l.run = [a](int v, const int8_t* x, int8_t* y, void*, int32_t) {
      kernels::SoftmaxArgs r = a;
      r.input = x;
      r.output = y;
      return kernels::kSoftmax.variants[v].run(r);
    };
    net.layers.push_back(l);
  }
};

}  // namespace

DemoNetwork make_cifar10_demo(uint64_t seed) {
  DemoNetwork net;
  net.weights.reserve(16);
  net.params.reserve(32);
  Builder b{net, std::mt19937(static_cast<uint32_t>(seed))};
  b.conv("conv1", Dims4{1, 32, 32, 3}, 32);
  b.max_pool("pool1", Dims4{1, 32, 32, 32});
  b.conv("conv2", Dims4{1, 16, 16, 32}, 32);
  b.max_pool("pool2", Dims4{1, 16, 16, 32});
  b.conv("conv3", Dims4{1, 8, 8, 32}, 64);
  b.max_pool("pool3", Dims4{1, 8, 8, 64});
  b.fully_connected("fc", 1024, 10);
  b.softmax("softmax", 10);
  net.variants = kernels::kConv2d.count;
  std::uniform_int_distribution<int> pixel(-128, 127);
  net.input.resize(32 * 32 * 3);
  for (auto& p : net.input) p = static_cast<int8_t>(pixel(b.rng));
  return net;
}

}  // namespace tt::tools
