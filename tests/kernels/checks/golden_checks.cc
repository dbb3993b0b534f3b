// Golden-vector checks: every registered variant of every op against outputs computed by the
// independent NumPy reference of the TFLite int8 semantics (tools/golden/int8_reference.py;
// vectors generated into tests/kernels/golden). Comparisons are bit-exact, floats by bit
// pattern. Each (case, variant) runs twice over differently poisoned output and scratch
// buffers, so an output element the kernel never writes, or a read of uninitialised scratch,
// cannot match by luck. Inputs live in the test arena between red zones and must be unchanged.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <utility>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/test_arena.h"
#include "tests/kernels/golden/golden_activation_data.h"
#include "tests/kernels/golden/golden_conv_data.h"
#include "tests/kernels/golden/golden_elementwise_data.h"
#include "tests/kernels/golden/golden_format.h"
#include "tests/kernels/golden/golden_pool_data.h"
#include "tests/kernels/golden/golden_quant_data.h"
#include "tests/kernels/golden/golden_reduce_data.h"
#include "tests/kernels/golden/golden_shape_data.h"

namespace tt::tests {
namespace {

namespace kn = ::tt::kernels;
namespace gd = ::tt::tests::golden;

template <typename T, std::size_t N>
constexpr int32_t count_of(const T (&)[N]) {
  return static_cast<int32_t>(N);
}

kn::Dims4 to_dims(const int32_t d[4]) { return kn::Dims4{d[0], d[1], d[2], d[3]}; }

int32_t elements(const int32_t d[4]) { return d[0] * d[1] * d[2] * d[3]; }

// The buffers of one run, all in the test arena: copies of the inputs (remembered, to check
// that the kernel left them alone) and the output with the expected contents.
class RunBuffers {
 public:
  // Copies n elements of src (nullptr stays nullptr).
  template <typename T>
  const T* input(const T* src, int32_t n) {
    return input_as<T>(src, n);
  }

  // As input(), for golden data stored as another type of the same size (e.g. uint32_t bit
  // patterns of floats).
  template <typename T, typename S>
  const T* input_as(const S* src, int32_t n) {
    static_assert(sizeof(T) == sizeof(S), "input storage and element type differ in size");
    if (src == nullptr) {
      return nullptr;
    }
    const int32_t bytes = static_cast<int32_t>(sizeof(T)) * n;
    T* copy = arena().alloc<T>(n);
    std::memcpy(copy, src, static_cast<std::size_t>(bytes));
    if (num_inputs_ < kMaxInputs) {
      inputs_[num_inputs_++] = Span{src, copy, bytes};
    }
    return copy;
  }

  template <typename T, typename S>
  T* output(const S* expected, int32_t n) {
    static_assert(sizeof(T) == sizeof(S), "output storage and element type differ in size");
    T* out = arena().alloc<T>(n);
    output_ = out;
    expected_ = expected;
    count_ = n;
    element_bytes_ = static_cast<int32_t>(sizeof(T));
    return out;
  }

  void poison_output(uint8_t pattern) {
    std::memset(output_, pattern,
                static_cast<std::size_t>(count_) * static_cast<std::size_t>(element_bytes_));
  }

  bool inputs_intact() const {
    for (int32_t i = 0; i < num_inputs_; ++i) {
      if (std::memcmp(inputs_[i].source, inputs_[i].copy,
                      static_cast<std::size_t>(inputs_[i].bytes)) != 0) {
        return false;
      }
    }
    return true;
  }

  // Index of the first output element whose bytes differ from the expected ones, or -1.
  int32_t first_difference() const {
    const auto* got = static_cast<const uint8_t*>(output_);
    const auto* want = static_cast<const uint8_t*>(expected_);
    for (int32_t i = 0; i < count_; ++i) {
      if (std::memcmp(got + i * element_bytes_, want + i * element_bytes_,
                      static_cast<std::size_t>(element_bytes_)) != 0) {
        return i;
      }
    }
    return -1;
  }

  // Element i as its int8 value, or as the bit pattern of a 32-bit float.
  unsigned long got_bits(int32_t i) const { return bits(output_, i); }
  unsigned long expected_bits(int32_t i) const { return bits(expected_, i); }
  long got_int8(int32_t i) const { return static_cast<const int8_t*>(output_)[i]; }
  long expected_int8(int32_t i) const { return static_cast<const int8_t*>(expected_)[i]; }
  bool is_float() const { return element_bytes_ == 4; }
  int32_t count() const { return count_; }

 private:
  static constexpr int32_t kMaxInputs = kn::kMaxConcatInputs + 8;
  struct Span {
    const void* source;
    const void* copy;
    int32_t bytes;
  };

  static unsigned long bits(const void* p, int32_t i) {
    uint32_t b;
    std::memcpy(&b, static_cast<const uint8_t*>(p) + 4 * i, 4);
    return b;
  }

  Span inputs_[kMaxInputs] = {};
  int32_t num_inputs_ = 0;
  void* output_ = nullptr;
  const void* expected_ = nullptr;
  int32_t count_ = 0;
  int32_t element_bytes_ = 1;
};

template <typename A, typename = void>
struct HasScratch : std::false_type {};
template <typename A>
struct HasScratch<A, std::void_t<decltype(std::declval<A&>().scratch)>> : std::true_type {};

// Gives the variant the scratch it asks for, filled with `pattern`. False when the size query
// itself is unusable.
template <typename Args>
bool provide_scratch(const kn::KernelVariant<Args>& variant, Args& args, uint8_t pattern) {
  if constexpr (HasScratch<Args>::value) {
    if (variant.scratch_size == nullptr) {
      return true;
    }
    const int32_t bytes = variant.scratch_size(args);
    if (bytes < 0 || bytes > TestArena::kBytes / 2) {
      return false;
    }
    if (args.scratch == nullptr && bytes > 0) {
      args.scratch = arena().alloc_bytes(bytes);
      args.scratch_bytes = bytes;
    }
    if (bytes > 0) {
      std::memset(args.scratch, pattern, static_cast<std::size_t>(bytes));
    }
  }
  return true;
}

constexpr uint8_t kOutputPoison[2] = {0xA5, 0x5A};
constexpr uint8_t kScratchPoison[2] = {0xCD, 0x32};

// Runs every case on every variant of `op`. `build(case, buffers, args)` fills the Args with
// arena copies of the case's inputs and an arena output buffer.
template <typename Args, int32_t N, typename Case, typename Build>
void run_golden(CheckReport& r, const kn::OpVariants<Args, N>& op, const Case* cases,
                int32_t num_cases, Build build) {
  for (int32_t c = 0; c < num_cases; ++c) {
    const Case& golden = cases[c];
    for (int32_t v = 0; v < N; ++v) {
      const kn::KernelVariant<Args>& variant = op.variants[v];
      arena().reset();
      RunBuffers buffers;
      Args args;
      build(golden, buffers, args);
      bool ok = true;
      for (int32_t pass = 0; pass < 2 && ok; ++pass) {
        if (!provide_scratch(variant, args, kScratchPoison[pass])) {
          r.fail("golden %s[%s] %s: unusable scratch size", op.op, variant.name, golden.name);
          ok = false;
          break;
        }
        buffers.poison_output(kOutputPoison[pass]);
        const kn::Status s = variant.run(args);
        if (s != kn::Status::kOk) {
          r.fail("golden %s[%s] %s: status %s", op.op, variant.name, golden.name,
                 kn::status_name(s));
          ok = false;
        } else if (!arena().redzones_intact()) {
          r.fail("golden %s[%s] %s: wrote past a buffer", op.op, variant.name, golden.name);
          ok = false;
        } else if (!buffers.inputs_intact()) {
          r.fail("golden %s[%s] %s: modified an input", op.op, variant.name, golden.name);
          ok = false;
        } else if (const int32_t i = buffers.first_difference(); i >= 0) {
          if (buffers.is_float()) {
            r.fail("golden %s[%s] %s: output %ld of %ld: got bits 0x%08lx, expected 0x%08lx", op.op,
                   variant.name, golden.name, static_cast<long>(i),
                   static_cast<long>(buffers.count()), buffers.got_bits(i),
                   buffers.expected_bits(i));
          } else {
            r.fail("golden %s[%s] %s: output %ld of %ld: got %ld, expected %ld", op.op,
                   variant.name, golden.name, static_cast<long>(i),
                   static_cast<long>(buffers.count()), buffers.got_int8(i),
                   buffers.expected_int8(i));
          }
          ok = false;
        }
      }
      if (ok) {
        r.pass();
      }
    }
  }
}

// ---- Args builders, one per case format -----------------------------------------------------

template <typename Args>
void build_conv_common(const gd::ConvCase& t, RunBuffers& b, Args& a) {
  a.input_dims = to_dims(t.input_dims);
  a.filter_dims = to_dims(t.filter_dims);
  a.output_dims = to_dims(t.output_dims);
  a.stride_h = t.stride_h;
  a.stride_w = t.stride_w;
  a.dilation_h = t.dilation_h;
  a.dilation_w = t.dilation_w;
  a.pad_top = t.pad_top;
  a.pad_left = t.pad_left;
  a.quant.input_offset = t.input_offset;
  a.quant.output_offset = t.output_offset;
  a.quant.act_min = t.act_min;
  a.quant.act_max = t.act_max;
  const int32_t channels = t.output_dims[3];
  a.quant.out_multiplier = b.input(t.out_multiplier, channels);
  a.quant.out_shift = b.input(t.out_shift, channels);
  a.input = b.input(t.input, elements(t.input_dims));
  a.filter = b.input(t.filter, elements(t.filter_dims));
  a.bias = b.input(t.bias, channels);
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_conv2d(const gd::ConvCase& t, RunBuffers& b, kn::Conv2dArgs& a) {
  build_conv_common(t, b, a);
}

void build_depthwise_conv2d(const gd::ConvCase& t, RunBuffers& b, kn::DepthwiseConv2dArgs& a) {
  build_conv_common(t, b, a);
  a.depth_multiplier = t.depth_multiplier;
}

void build_fully_connected(const gd::FullyConnectedCase& t, RunBuffers& b,
                           kn::FullyConnectedArgs& a) {
  a.batches = t.batches;
  a.depth = t.depth;
  a.units = t.units;
  a.quant.input_offset = t.input_offset;
  a.quant.output_offset = t.output_offset;
  a.quant.act_min = t.act_min;
  a.quant.act_max = t.act_max;
  a.quant_count = t.quant_count;
  a.quant.out_multiplier = b.input(t.out_multiplier, t.quant_count);
  a.quant.out_shift = b.input(t.out_shift, t.quant_count);
  a.input = b.input(t.input, t.batches * t.depth);
  a.filter = b.input(t.filter, t.units * t.depth);
  a.bias = b.input(t.bias, t.units);
  a.output = b.output<int8_t>(t.expected, t.batches * t.units);
}

void build_pool2d(const gd::Pool2dCase& t, RunBuffers& b, kn::Pool2dArgs& a) {
  a.input_dims = to_dims(t.input_dims);
  a.output_dims = to_dims(t.output_dims);
  a.filter_h = t.filter_h;
  a.filter_w = t.filter_w;
  a.stride_h = t.stride_h;
  a.stride_w = t.stride_w;
  a.pad_top = t.pad_top;
  a.pad_left = t.pad_left;
  a.act_min = t.act_min;
  a.act_max = t.act_max;
  a.input = b.input(t.input, elements(t.input_dims));
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_add(const gd::AddCase& t, RunBuffers& b, kn::AddArgs& a) {
  a.input1_dims = to_dims(t.input1_dims);
  a.input2_dims = to_dims(t.input2_dims);
  a.output_dims = to_dims(t.output_dims);
  a.input1_offset = t.input1_offset;
  a.input2_offset = t.input2_offset;
  a.output_offset = t.output_offset;
  a.left_shift = t.left_shift;
  a.input1_multiplier = t.input1_multiplier;
  a.input1_shift = t.input1_shift;
  a.input2_multiplier = t.input2_multiplier;
  a.input2_shift = t.input2_shift;
  a.output_multiplier = t.output_multiplier;
  a.output_shift = t.output_shift;
  a.act_min = t.act_min;
  a.act_max = t.act_max;
  a.input1 = b.input(t.input1, elements(t.input1_dims));
  a.input2 = b.input(t.input2, elements(t.input2_dims));
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_mul(const gd::MulCase& t, RunBuffers& b, kn::MulArgs& a) {
  a.input1_dims = to_dims(t.input1_dims);
  a.input2_dims = to_dims(t.input2_dims);
  a.output_dims = to_dims(t.output_dims);
  a.input1_offset = t.input1_offset;
  a.input2_offset = t.input2_offset;
  a.output_offset = t.output_offset;
  a.output_multiplier = t.output_multiplier;
  a.output_shift = t.output_shift;
  a.act_min = t.act_min;
  a.act_max = t.act_max;
  a.input1 = b.input(t.input1, elements(t.input1_dims));
  a.input2 = b.input(t.input2, elements(t.input2_dims));
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_softmax(const gd::SoftmaxCase& t, RunBuffers& b, kn::SoftmaxArgs& a) {
  a.rows = t.rows;
  a.depth = t.depth;
  a.input_multiplier = t.input_multiplier;
  a.input_left_shift = t.input_left_shift;
  a.diff_min = t.diff_min;
  a.input = b.input(t.input, t.rows * t.depth);
  a.output = b.output<int8_t>(t.expected, t.rows * t.depth);
}

void build_logistic(const gd::LogisticCase& t, RunBuffers& b, kn::LogisticArgs& a) {
  a.size = t.size;
  a.input_zero_point = t.input_zero_point;
  a.input_range_radius = t.input_range_radius;
  a.input_multiplier = t.input_multiplier;
  a.input_left_shift = t.input_left_shift;
  a.input = b.input(t.input, t.size);
  a.output = b.output<int8_t>(t.expected, t.size);
}

void build_pad(const gd::PadCase& t, RunBuffers& b, kn::PadArgs& a) {
  a.input_dims = to_dims(t.input_dims);
  a.output_dims = to_dims(t.output_dims);
  for (int i = 0; i < 4; ++i) {
    a.pad_before[i] = t.pad_before[i];
  }
  a.pad_value = t.pad_value;
  a.input = b.input(t.input, elements(t.input_dims));
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

// CONCATENATION takes arrays of dims and input pointers; they live here for the whole run.
struct ConcatTables {
  kn::Dims4 dims[kn::kMaxConcatInputs];
  const int8_t* inputs[kn::kMaxConcatInputs];
};

void build_concatenation(const gd::ConcatenationCase& t, RunBuffers& b, ConcatTables& tables,
                         kn::ConcatenationArgs& a) {
  const int32_t n = t.num_inputs <= kn::kMaxConcatInputs ? t.num_inputs : kn::kMaxConcatInputs;
  for (int32_t i = 0; i < n; ++i) {
    tables.dims[i] = to_dims(t.input_dims + 4 * i);
    tables.inputs[i] = b.input(t.inputs[i], elements(t.input_dims + 4 * i));
  }
  a.num_inputs = t.num_inputs;
  a.input_dims = tables.dims;
  a.inputs = tables.inputs;
  a.axis = t.axis;
  a.output_dims = to_dims(t.output_dims);
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_mean(const gd::MeanCase& t, RunBuffers& b, kn::MeanArgs& a) {
  a.input_dims = to_dims(t.input_dims);
  a.output_dims = to_dims(t.output_dims);
  a.axes_mask = t.axes_mask;
  a.input_zero_point = t.input_zero_point;
  a.output_zero_point = t.output_zero_point;
  a.multiplier = t.multiplier;
  a.shift = t.shift;
  a.input = b.input(t.input, elements(t.input_dims));
  a.output = b.output<int8_t>(t.expected, elements(t.output_dims));
}

void build_quantize(const gd::QuantizeCase& t, RunBuffers& b, kn::QuantizeArgs& a) {
  a.size = t.size;
  a.scale = t.scale;
  a.zero_point = t.zero_point;
  a.input = b.input_as<float>(t.input_bits, t.size);
  a.output = b.output<int8_t>(t.expected, t.size);
}

void build_requantize(const gd::RequantizeCase& t, RunBuffers& b, kn::RequantizeArgs& a) {
  a.size = t.size;
  a.input_zero_point = t.input_zero_point;
  a.output_zero_point = t.output_zero_point;
  a.multiplier = t.multiplier;
  a.shift = t.shift;
  a.input = b.input(t.input, t.size);
  a.output = b.output<int8_t>(t.expected, t.size);
}

void build_dequantize(const gd::DequantizeCase& t, RunBuffers& b, kn::DequantizeArgs& a) {
  a.size = t.size;
  a.scale = t.scale;
  a.zero_point = t.zero_point;
  a.input = b.input(t.input, t.size);
  a.output = b.output<float>(t.expected_bits, t.size);
}

}  // namespace

void golden_all_ops(CheckReport& r) {
  run_golden(r, kn::kConv2d, gd::kConv2dCases, count_of(gd::kConv2dCases), build_conv2d);
  run_golden(r, kn::kDepthwiseConv2d, gd::kDepthwiseConv2dCases,
             count_of(gd::kDepthwiseConv2dCases), build_depthwise_conv2d);
  run_golden(r, kn::kFullyConnected, gd::kFullyConnectedCases, count_of(gd::kFullyConnectedCases),
             build_fully_connected);
  run_golden(r, kn::kMaxPool2d, gd::kMaxPool2dCases, count_of(gd::kMaxPool2dCases), build_pool2d);
  run_golden(r, kn::kAvgPool2d, gd::kAvgPool2dCases, count_of(gd::kAvgPool2dCases), build_pool2d);
  run_golden(r, kn::kAdd, gd::kAddCases, count_of(gd::kAddCases), build_add);
  run_golden(r, kn::kMul, gd::kMulCases, count_of(gd::kMulCases), build_mul);
  run_golden(r, kn::kSoftmax, gd::kSoftmaxCases, count_of(gd::kSoftmaxCases), build_softmax);
  run_golden(r, kn::kLogistic, gd::kLogisticCases, count_of(gd::kLogisticCases), build_logistic);
  run_golden(r, kn::kPad, gd::kPadCases, count_of(gd::kPadCases), build_pad);
  ConcatTables concat_tables;
  run_golden(
      r, kn::kConcatenation, gd::kConcatenationCases, count_of(gd::kConcatenationCases),
      [&concat_tables](const gd::ConcatenationCase& t, RunBuffers& b, kn::ConcatenationArgs& a) {
        build_concatenation(t, b, concat_tables, a);
      });
  run_golden(r, kn::kMean, gd::kMeanCases, count_of(gd::kMeanCases), build_mean);
  run_golden(r, kn::kQuantize, gd::kQuantizeCases, count_of(gd::kQuantizeCases), build_quantize);
  run_golden(r, kn::kRequantize, gd::kRequantizeCases, count_of(gd::kRequantizeCases),
             build_requantize);
  run_golden(r, kn::kDequantize, gd::kDequantizeCases, count_of(gd::kDequantizeCases),
             build_dequantize);
}

}  // namespace tt::tests
