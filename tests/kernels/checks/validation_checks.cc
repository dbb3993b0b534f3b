// Argument validation: every variant of every op must reject out-of-range parameters with
// the documented Status (and never touch memory doing so), and accept the valid baseline.
// Each case mutates one field of a valid configuration.
#include <cmath>
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"

namespace tt::tests {
namespace {

using kernels::Dims4;
using kernels::Status;

int8_t g_in[256], g_in2[256], g_filter[256], g_out[256];
int32_t g_bias[16], g_mult[16], g_shift[16];
float g_fin[64], g_fout[64];
int16_t g_scratch[1024];

template <typename Args, int32_t N>
void expect_status(CheckReport& r, const kernels::OpVariants<Args, N>& ops, const char* what,
                   Args a, Status expected) {
  for (int32_t v = 0; v < N; ++v) {
    const Status s = ops.variants[v].run(a);
    r.expect(s == expected, "%s/%s %s: status '%s', expected '%s'", ops.op, ops.variants[v].name,
             what, kernels::status_name(s), kernels::status_name(expected));
  }
}

void reset_buffers() {
  for (int i = 0; i < 16; ++i) {
    g_mult[i] = 1 << 30;
    g_shift[i] = -4;
    g_bias[i] = 0;
  }
}

kernels::ConvQuant valid_quant() {
  kernels::ConvQuant q;
  q.out_multiplier = g_mult;
  q.out_shift = g_shift;
  return q;
}

void conv_cases(CheckReport& r) {
  kernels::Conv2dArgs base;
  base.input_dims = Dims4{1, 4, 4, 2};
  base.filter_dims = Dims4{3, 3, 3, 2};
  base.output_dims = Dims4{1, 2, 2, 3};
  base.quant = valid_quant();
  base.input = g_in;
  base.filter = g_filter;
  base.bias = g_bias;
  base.output = g_out;
  base.scratch = g_scratch;
  base.scratch_bytes = sizeof g_scratch;
  const auto& ops = kernels::kConv2d;
  expect_status(r, ops, "valid baseline", base, Status::kOk);
  auto a = base;
  a.input = nullptr;
  expect_status(r, ops, "null input", a, Status::kNullPointer);
  a = base;
  a.quant.out_shift = nullptr;
  expect_status(r, ops, "null shifts", a, Status::kNullPointer);
  a = base;
  a.filter_dims.c = 3;
  expect_status(r, ops, "filter depth != input depth", a, Status::kBadShape);
  a = base;
  a.output_dims.c = 4;
  expect_status(r, ops, "output channels != filters", a, Status::kBadShape);
  a = base;
  a.input_dims.h = 0;
  expect_status(r, ops, "zero height", a, Status::kBadShape);
  a = base;
  a.stride_w = 0;
  expect_status(r, ops, "stride 0", a, Status::kBadParameter);
  a = base;
  a.dilation_h = -1;
  expect_status(r, ops, "negative dilation", a, Status::kBadParameter);
  a = base;
  a.pad_top = -1;
  expect_status(r, ops, "negative padding", a, Status::kBadParameter);
  a = base;
  a.quant.input_offset = 129;
  expect_status(r, ops, "input offset 129", a, Status::kBadQuantization);
  a = base;
  a.quant.act_min = 10;
  a.quant.act_max = 5;
  expect_status(r, ops, "act_min > act_max", a, Status::kBadQuantization);
  g_mult[2] = (1 << 30) - 1;
  expect_status(r, ops, "multiplier below 2^30", base, Status::kBadQuantization);
  reset_buffers();
  g_shift[1] = 31;
  expect_status(r, ops, "shift 31", base, Status::kBadQuantization);
  reset_buffers();
  // The SIMD variant needs its scratch; the reference needs none.
  a = base;
  a.scratch = nullptr;
  a.scratch_bytes = 0;
  const Status ref = ops.variants[0].run(a), dsp = ops.variants[1].run(a);
  r.expect(ref == Status::kOk && dsp == Status::kScratchTooSmall,
           "CONV_2D without scratch: ref '%s' (want ok), dsp '%s' (want scratch too small)",
           kernels::status_name(ref), kernels::status_name(dsp));
}

void depthwise_and_fc_cases(CheckReport& r) {
  kernels::DepthwiseConv2dArgs d;
  d.input_dims = Dims4{1, 4, 4, 2};
  d.filter_dims = Dims4{1, 3, 3, 4};
  d.output_dims = Dims4{1, 2, 2, 4};
  d.depth_multiplier = 2;
  d.quant = valid_quant();
  d.input = g_in;
  d.filter = g_filter;
  d.output = g_out;
  expect_status(r, kernels::kDepthwiseConv2d, "valid baseline", d, Status::kOk);
  auto a = d;
  a.depth_multiplier = 3;
  expect_status(r, kernels::kDepthwiseConv2d, "channels != in * multiplier", a, Status::kBadShape);
  a = d;
  a.filter_dims.n = 2;
  expect_status(r, kernels::kDepthwiseConv2d, "filter batch 2", a, Status::kBadShape);

  kernels::FullyConnectedArgs f;
  f.depth = 8;
  f.units = 4;
  f.quant = valid_quant();
  f.input = g_in;
  f.filter = g_filter;
  f.output = g_out;
  f.scratch = g_scratch;
  f.scratch_bytes = sizeof g_scratch;
  expect_status(r, kernels::kFullyConnected, "valid baseline", f, Status::kOk);
  auto b = f;
  b.quant_count = 3;
  expect_status(r, kernels::kFullyConnected, "quant count 3 of 4 units", b,
                Status::kBadQuantization);
  b = f;
  b.units = 0;
  expect_status(r, kernels::kFullyConnected, "zero units", b, Status::kBadShape);
}

void pool_and_elementwise_cases(CheckReport& r) {
  kernels::Pool2dArgs p;
  p.input_dims = Dims4{1, 4, 4, 3};
  p.output_dims = Dims4{1, 2, 2, 3};
  p.filter_h = p.filter_w = 2;
  p.stride_h = p.stride_w = 2;
  p.input = g_in;
  p.output = g_out;
  const kernels::OpVariants<kernels::Pool2dArgs, 2>* pools[] = {&kernels::kMaxPool2d,
                                                                &kernels::kAvgPool2d};
  for (const auto* ops : pools) {
    expect_status(r, *ops, "valid baseline", p, Status::kOk);
    auto a = p;
    a.output_dims.c = 4;
    expect_status(r, *ops, "channel change", a, Status::kBadShape);
    a = p;
    a.filter_h = 0;
    expect_status(r, *ops, "filter height 0", a, Status::kBadParameter);
    a = p;
    a.output = nullptr;
    expect_status(r, *ops, "null output", a, Status::kNullPointer);
  }

  kernels::AddArgs add;
  add.input1_dims = add.output_dims = Dims4{1, 2, 2, 4};
  add.input2_dims = Dims4{1, 1, 1, 4};
  add.input1_multiplier = add.input2_multiplier = add.output_multiplier = 1 << 30;
  add.input1 = g_in;
  add.input2 = g_in2;
  add.output = g_out;
  expect_status(r, kernels::kAdd, "valid broadcast", add, Status::kOk);
  auto a = add;
  a.input2_dims = Dims4{1, 1, 1, 3};
  expect_status(r, kernels::kAdd, "incompatible broadcast", a, Status::kBadShape);
  a = add;
  a.left_shift = 23;
  expect_status(r, kernels::kAdd, "left shift 23", a, Status::kBadQuantization);

  kernels::MulArgs mul;
  mul.input1_dims = mul.input2_dims = mul.output_dims = Dims4{1, 2, 2, 4};
  mul.output_multiplier = 1 << 30;
  mul.input1 = g_in;
  mul.input2 = g_in2;
  mul.output = g_out;
  expect_status(r, kernels::kMul, "valid baseline", mul, Status::kOk);
  auto m = mul;
  m.output_offset = 128;
  expect_status(r, kernels::kMul, "output offset 128", m, Status::kBadQuantization);
}

void other_cases(CheckReport& r) {
  kernels::SoftmaxArgs s;
  s.rows = 2;
  s.depth = 10;
  s.input_multiplier = 1 << 30;
  s.input_left_shift = 20;
  s.diff_min = -100;
  s.input = g_in;
  s.output = g_out;
  expect_status(r, kernels::kSoftmax, "valid baseline", s, Status::kOk);
  auto sa = s;
  sa.diff_min = 1;
  expect_status(r, kernels::kSoftmax, "positive diff_min", sa, Status::kBadQuantization);

  kernels::LogisticArgs l;
  l.size = 16;
  l.input_range_radius = 100;
  l.input_multiplier = 1 << 30;
  l.input = g_in;
  l.output = g_out;
  expect_status(r, kernels::kLogistic, "valid baseline", l, Status::kOk);
  auto la = l;
  la.input_zero_point = 200;
  expect_status(r, kernels::kLogistic, "zero point 200", la, Status::kBadQuantization);

  kernels::PadArgs pad;
  pad.input_dims = Dims4{1, 2, 2, 2};
  pad.output_dims = Dims4{1, 4, 3, 2};
  pad.pad_before[1] = 1;
  pad.input = g_in;
  pad.output = g_out;
  expect_status(r, kernels::kPad, "valid baseline", pad, Status::kOk);
  auto pa = pad;
  pa.pad_before[2] = 2;  // 2 + 2 > 3
  expect_status(r, kernels::kPad, "output smaller than input + padding", pa, Status::kBadShape);

  const Dims4 dims[2] = {Dims4{1, 2, 2, 1}, Dims4{1, 2, 2, 3}};
  const int8_t* inputs[2] = {g_in, g_in2};
  kernels::ConcatenationArgs c;
  c.num_inputs = 2;
  c.input_dims = dims;
  c.inputs = inputs;
  c.output_dims = Dims4{1, 2, 2, 4};
  c.output = g_out;
  expect_status(r, kernels::kConcatenation, "valid baseline", c, Status::kOk);
  auto ca = c;
  ca.axis = 2;
  expect_status(r, kernels::kConcatenation, "sizes do not add up on axis 2", ca, Status::kBadShape);
  ca = c;
  ca.axis = 4;
  expect_status(r, kernels::kConcatenation, "axis 4", ca, Status::kBadParameter);

  kernels::MeanArgs mean;
  mean.input_dims = Dims4{1, 3, 3, 4};
  mean.output_dims = Dims4{1, 1, 1, 4};
  mean.multiplier = 1 << 30;
  mean.input = g_in;
  mean.output = g_out;
  expect_status(r, kernels::kMean, "valid baseline", mean, Status::kOk);
  auto ma = mean;
  ma.axes_mask = 0;
  expect_status(r, kernels::kMean, "no axis", ma, Status::kBadParameter);
  // multiplier/shift are the Prepare() values (normalised); the kernel folds 1/count itself.
  ma = mean;
  ma.multiplier = (1 << 30) - 1;
  expect_status(r, kernels::kMean, "multiplier below 2^30", ma, Status::kBadQuantization);
  ma = mean;
  ma.shift = -32;
  expect_status(r, kernels::kMean, "shift -32", ma, Status::kBadQuantization);
  ma = mean;
  ma.shift = 31;
  expect_status(r, kernels::kMean, "shift 31", ma, Status::kBadQuantization);
  // The extremes of the range stay valid: at shift -31 the fold's shift is clamped to 0.
  ma = mean;
  ma.shift = -31;
  ma.multiplier = INT32_MAX;
  expect_status(r, kernels::kMean, "shift -31 (fold clamped)", ma, Status::kOk);
  ma.shift = 30;
  expect_status(r, kernels::kMean, "shift 30", ma, Status::kOk);
  ma = mean;
  ma.input_dims = Dims4{1, 1, 1, 256};
  ma.output_dims = Dims4{1, 1, 1, 1};
  ma.axes_mask = 0x8;
  expect_status(r, kernels::kMean, "all 256 channels", ma, Status::kOk);
  ma.input_dims = Dims4{1, 2049, 4096, 1};  // 2^23 + 4096 elements into one output
  ma.axes_mask = 0x6;
  expect_status(r, kernels::kMean, "more than 2^23 elements", ma, Status::kBadShape);

  kernels::QuantizeArgs q;
  q.size = 8;
  q.scale = 0.5f;
  q.input = g_fin;
  q.output = g_out;
  expect_status(r, kernels::kQuantize, "valid baseline", q, Status::kOk);
  auto qa = q;
  qa.scale = 0.0f;
  expect_status(r, kernels::kQuantize, "zero scale", qa, Status::kBadQuantization);
  qa.scale = std::nanf("");
  expect_status(r, kernels::kQuantize, "NaN scale", qa, Status::kBadQuantization);

  kernels::DequantizeArgs dq;
  dq.size = 8;
  dq.scale = 0.25f;
  dq.input = g_in;
  dq.output = g_fout;
  expect_status(r, kernels::kDequantize, "valid baseline", dq, Status::kOk);
  auto da = dq;
  da.size = -1;
  expect_status(r, kernels::kDequantize, "negative size", da, Status::kBadShape);

  kernels::RequantizeArgs rq;
  rq.size = 8;
  rq.multiplier = 1 << 30;
  rq.input = g_in;
  rq.output = g_out;
  expect_status(r, kernels::kRequantize, "valid baseline", rq, Status::kOk);
  auto ra = rq;
  ra.shift = -32;
  expect_status(r, kernels::kRequantize, "shift -32", ra, Status::kBadQuantization);
}

}  // namespace

void check_validation(CheckReport& r) {
  reset_buffers();
  conv_cases(r);
  depthwise_and_fc_cases(r);
  pool_and_elementwise_cases(r);
  other_cases(r);
}

}  // namespace tt::tests
