// Differential checks of every CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED variant
// against its reference on random configurations: channel counts 1..17 and beyond, odd
// widths, 1x1 and 3x3 (the fast paths) and other windows, strides, dilations, asymmetric
// padding, extreme zero points, multipliers and shifts, null and huge biases.
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Dims4;
using kernels::Status;

// Output extent for an input extent, window, stride, dilation and paddings (>= 1).
int32_t out_extent(int32_t in, int32_t k, int32_t stride, int32_t dil, int32_t pad_total) {
  const int32_t eff = (k - 1) * dil + 1;
  const int32_t span = in + pad_total - eff;
  return span < 0 ? 1 : span / stride + 1;
}

void random_quant(Rng& rng, kernels::ConvQuant& q, int32_t channels, int32_t k) {
  int32_t* mult = arena().alloc<int32_t>(channels);
  int32_t* shift = arena().alloc<int32_t>(channels);
  // Accumulators grow with k; a typical shift maps them back into int8 range.
  int32_t typical = -8;
  for (int32_t v = k; v > 1; v >>= 1) --typical;
  for (int32_t c = 0; c < channels; ++c) {
    mult[c] = random_multiplier(rng);
    shift[c] = random_shift(rng, typical - 4, typical + 2 > 0 ? 0 : typical + 2);
  }
  q.out_multiplier = mult;
  q.out_shift = shift;
  q.input_offset = random_input_offset(rng);
  q.output_offset = random_zero_point(rng);
  random_activation(rng, &q.act_min, &q.act_max);
}

int32_t* random_bias(Rng& rng, int32_t n) {
  if (rng.chance(10)) return nullptr;
  int32_t* bias = arena().alloc<int32_t>(n);
  if (rng.chance(10)) {
    rng.fill_s32(bias, n, INT32_MIN, INT32_MAX);  // wrap-around must agree too
  } else {
    rng.fill_s32(bias, n, -(1 << 16), 1 << 16);
  }
  return bias;
}

// Runs every variant of `ops` on `args` and compares with variant 0 (the reference).
template <typename Ops, typename Args>
void compare_variants(CheckReport& r, const Ops& ops, Args args, int32_t out_bytes, int32_t config,
                      bool give_scratch) {
  int8_t* expected = arena().alloc<int8_t>(out_bytes);
  Status expected_status = Status::kOk;
  for (int32_t v = 0; v < Ops::count; ++v) {
    const auto& variant = ops.variants[v];
    Args run = args;
    run.output = v == 0 ? expected : arena().alloc<int8_t>(out_bytes);
    std::memset(run.output, 0x5A, out_bytes);
    const int32_t scratch = variant.scratch_size != nullptr ? variant.scratch_size(args) : 0;
    run.scratch = give_scratch && scratch > 0 ? arena().alloc_bytes(scratch) : nullptr;
    run.scratch_bytes = run.scratch != nullptr ? scratch : 0;
    const Status s = variant.run(run);
    if (v == 0) {
      expected_status = s;
      continue;
    }
    if (s != expected_status) {
      r.fail("%s/%s config %ld: status %s, reference %s", ops.op, variant.name,
             static_cast<long>(config), kernels::status_name(s),
             kernels::status_name(expected_status));
      continue;
    }
    int32_t first_diff = -1;
    if (s == Status::kOk) {
      for (int32_t i = 0; i < out_bytes && first_diff < 0; ++i) {
        if (run.output[i] != expected[i]) first_diff = i;
      }
    }
    if (first_diff >= 0) {
      r.fail("%s/%s config %ld: output[%ld] = %d, reference %d", ops.op, variant.name,
             static_cast<long>(config), static_cast<long>(first_diff), run.output[first_diff],
             expected[first_diff]);
    } else if (!arena().redzones_intact()) {
      r.fail("%s/%s config %ld: wrote outside its buffers", ops.op, variant.name,
             static_cast<long>(config));
    } else {
      r.pass();
    }
  }
}

int32_t random_channels(Rng& rng) {
  return rng.chance(80) ? rng.uniform(1, 17) : (rng.chance(50) ? 32 : rng.uniform(18, 40));
}

int32_t random_window(Rng& rng) {
  const int32_t pick = rng.uniform(0, 9);
  if (pick < 3) return 1;
  if (pick < 6) return 3;
  return rng.uniform(1, 5);
}

}  // namespace

void diff_conv2d(CheckReport& r) {
  Rng rng(0xC0417D01);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::Conv2dArgs a;
    const int32_t cin = random_channels(rng), cout = random_channels(rng);
    const int32_t kh = random_window(rng), kw = rng.chance(70) ? kh : random_window(rng);
    a.stride_h = rng.uniform(1, 3);
    a.stride_w = rng.chance(70) ? a.stride_h : rng.uniform(1, 3);
    a.dilation_h = rng.chance(85) ? 1 : 2;
    a.dilation_w = rng.chance(85) ? 1 : 2;
    a.input_dims = Dims4{rng.chance(90) ? 1 : 2, rng.uniform(1, 12), rng.uniform(1, 13), cin};
    const bool padded = rng.chance(60);
    a.pad_top = padded ? rng.uniform(0, kh - 1) : 0;
    a.pad_left = padded ? rng.uniform(0, kw - 1) : 0;
    const int32_t pad_bottom = padded ? rng.uniform(0, kh - 1) : 0;
    const int32_t pad_right = padded ? rng.uniform(0, kw - 1) : 0;
    a.filter_dims = Dims4{cout, kh, kw, cin};
    a.output_dims = Dims4{
        a.input_dims.n,
        out_extent(a.input_dims.h, kh, a.stride_h, a.dilation_h, a.pad_top + pad_bottom),
        out_extent(a.input_dims.w, kw, a.stride_w, a.dilation_w, a.pad_left + pad_right), cout};
    int8_t* input = arena().alloc<int8_t>(a.input_dims.count());
    int8_t* filter = arena().alloc<int8_t>(a.filter_dims.count());
    rng.fill_s8(input, a.input_dims.count());
    rng.fill_s8(filter, a.filter_dims.count());
    a.input = input;
    a.filter = filter;
    a.bias = random_bias(rng, cout);
    random_quant(rng, a.quant, cout, kh * kw * cin);
    compare_variants(r, kernels::kConv2d, a, a.output_dims.count(), config, true);
  }
}

void diff_depthwise_conv2d(CheckReport& r) {
  Rng rng(0xD3E7F502);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::DepthwiseConv2dArgs a;
    const int32_t cin = random_channels(rng);
    a.depth_multiplier = rng.chance(80) ? 1 : rng.uniform(2, 3);
    const int32_t cout = cin * a.depth_multiplier;
    const int32_t kh = random_window(rng), kw = rng.chance(80) ? kh : random_window(rng);
    a.stride_h = rng.uniform(1, 2);
    a.stride_w = rng.chance(80) ? a.stride_h : rng.uniform(1, 3);
    a.dilation_h = rng.chance(85) ? 1 : 2;
    a.dilation_w = rng.chance(85) ? a.dilation_h : 2;
    a.input_dims = Dims4{rng.chance(90) ? 1 : 2, rng.uniform(1, 14), rng.uniform(1, 13), cin};
    const bool padded = rng.chance(70);
    a.pad_top = padded ? rng.uniform(0, kh - 1) : 0;
    a.pad_left = padded ? rng.uniform(0, kw - 1) : 0;
    const int32_t pad_bottom = padded ? rng.uniform(0, kh - 1) : 0;
    const int32_t pad_right = padded ? rng.uniform(0, kw - 1) : 0;
    a.filter_dims = Dims4{1, kh, kw, cout};
    a.output_dims = Dims4{
        a.input_dims.n,
        out_extent(a.input_dims.h, kh, a.stride_h, a.dilation_h, a.pad_top + pad_bottom),
        out_extent(a.input_dims.w, kw, a.stride_w, a.dilation_w, a.pad_left + pad_right), cout};
    int8_t* input = arena().alloc<int8_t>(a.input_dims.count());
    int8_t* filter = arena().alloc<int8_t>(a.filter_dims.count());
    rng.fill_s8(input, a.input_dims.count());
    rng.fill_s8(filter, a.filter_dims.count());
    a.input = input;
    a.filter = filter;
    a.bias = random_bias(rng, cout);
    random_quant(rng, a.quant, cout, kh * kw);
    // Without scratch the 3x3 fast path must fall back to the generic path, same result.
    compare_variants(r, kernels::kDepthwiseConv2d, a, a.output_dims.count(), config,
                     rng.chance(80));
  }
}

void diff_fully_connected(CheckReport& r) {
  Rng rng(0xFC000003);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    kernels::FullyConnectedArgs a;
    a.batches = rng.chance(80) ? 1 : rng.uniform(2, 4);
    a.depth = rng.chance(70) ? rng.uniform(1, 70) : rng.uniform(71, 1100);
    a.units = rng.chance(80) ? rng.uniform(1, 17) : rng.uniform(18, 40);
    a.quant_count = rng.chance(70) ? 1 : a.units;
    int8_t* input = arena().alloc<int8_t>(a.batches * a.depth);
    int8_t* filter = arena().alloc<int8_t>(a.units * a.depth);
    rng.fill_s8(input, a.batches * a.depth);
    rng.fill_s8(filter, a.units * a.depth);
    a.input = input;
    a.filter = filter;
    a.bias = random_bias(rng, a.units);
    random_quant(rng, a.quant, a.quant_count, a.depth);
    compare_variants(r, kernels::kFullyConnected, a, a.batches * a.units, config, true);
  }
}

}  // namespace tt::tests
