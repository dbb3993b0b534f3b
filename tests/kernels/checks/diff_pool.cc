// Differential checks for MAX_POOL_2D and AVERAGE_POOL_2D: every registered variant against
// the *_ref oracle on kDiffConfigs random configurations each (channel counts 1..17 and
// larger, odd sizes, padding, strides, windows beyond 256 positions, saturated inputs).
#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/random_quant.h"
#include "tests/kernels/checks/rng.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {
namespace {

using kernels::Dims4;
using kernels::Pool2dArgs;
using kernels::Status;

// Runs every variant into its own output (pre-filled with a pattern of its own, so an element
// a variant forgets to write differs from the oracle's) and records one pass or one failure.
// `valid`: whether the configuration is within the documented ranges (the oracle must accept
// exactly those).
template <int32_t N>
void compare_variants(CheckReport& r, const kernels::OpVariants<Pool2dArgs, N>& ops,
                      Pool2dArgs args, int32_t count, int32_t config, bool valid) {
  int8_t* outs[N];
  Status status[N];
  for (int32_t v = 0; v < N; ++v) {
    outs[v] = arena().alloc<int8_t>(count);
    std::memset(outs[v], 0x5A + 0x21 * v, count);
    args.output = outs[v];
    status[v] = ops.variants[v].run(args);
    if (!arena().redzones_intact()) {
      r.fail("%s %s config %d: wrote outside its buffers", ops.op, ops.variants[v].name,
             static_cast<int>(config));
      return;
    }
  }
  if ((status[0] == Status::kOk) != valid) {
    r.fail("%s ref config %d: status %s for a%s configuration", ops.op, static_cast<int>(config),
           kernels::status_name(status[0]), valid ? " valid" : "n invalid");
    return;
  }
  for (int32_t v = 1; v < N; ++v) {
    if (status[v] != status[0]) {
      r.fail("%s %s config %d: status %s, ref %s", ops.op, ops.variants[v].name,
             static_cast<int>(config), kernels::status_name(status[v]),
             kernels::status_name(status[0]));
      return;
    }
    if (status[0] != Status::kOk) continue;
    for (int32_t i = 0; i < count; ++i) {
      if (outs[v][i] != outs[0][i]) {
        r.fail("%s %s config %d: element %d is %d, ref %d", ops.op, ops.variants[v].name,
               static_cast<int>(config), static_cast<int>(i), outs[v][i], outs[0][i]);
        return;
      }
    }
  }
  r.pass();
}

// A random valid configuration (inputs allocated and filled); output_dims.count() elements
// of output are needed.
Pool2dArgs random_pool(Rng& rng) {
  Pool2dArgs a;
  // Windows of more than 256 in-bounds positions exercise the lane flushes of avg pool.
  const int32_t mode = rng.uniform(0, 99);
  Dims4& in = a.input_dims;
  in.n = rng.uniform(1, 2);
  in.c = rng.chance(80) ? rng.uniform(1, 17) : rng.uniform(18, 40);
  if (mode < 5) {  // window rows of up to 256 positions
    in.c = rng.uniform(1, 3);
    in.h = rng.uniform(1, 8);
    in.w = rng.uniform(200, 300);
    a.filter_h = rng.uniform(1, 8);
    a.filter_w = rng.chance(50) ? 256 : rng.uniform(100, 256);
  } else if (mode < 25) {  // large windows, mostly inside the input
    in.c = rng.uniform(1, 6);
    in.h = rng.uniform(12, 32);
    in.w = rng.uniform(12, 40);
    a.filter_h = rng.uniform(8, in.h);
    a.filter_w = rng.uniform(8, in.w);
  } else {
    in.h = rng.uniform(1, 11);
    in.w = rng.uniform(1, 11);
    a.filter_h = rng.uniform(1, 5);
    a.filter_w = rng.uniform(1, 5);
  }
  a.stride_h = rng.chance(10) ? rng.uniform(1, 64) : rng.uniform(1, 3);
  a.stride_w = rng.chance(10) ? rng.uniform(1, 64) : rng.uniform(1, 3);
  a.pad_top = rng.uniform(0, (a.filter_h - 1 < 64 ? a.filter_h - 1 : 64));
  a.pad_left = rng.uniform(0, (a.filter_w - 1 < 64 ? a.filter_w - 1 : 64));
  // The largest output whose last window still overlaps the input.
  const int32_t max_oh = (in.h - 1 + a.pad_top) / a.stride_h + 1;
  const int32_t max_ow = (in.w - 1 + a.pad_left) / a.stride_w + 1;
  a.output_dims = Dims4{in.n, rng.chance(70) ? max_oh : rng.uniform(1, max_oh),
                        rng.chance(70) ? max_ow : rng.uniform(1, max_ow), in.c};
  random_activation(rng, &a.act_min, &a.act_max);

  int8_t* input = arena().alloc<int8_t>(in.count());
  // Saturated inputs stress the 16-bit lanes, most of all in large windows.
  const int32_t fill = rng.uniform(0, mode < 25 ? 3 : 9);
  if (fill == 0) {
    std::memset(input, 0x80, in.count());
  } else if (fill == 1) {
    std::memset(input, 0x7F, in.count());
  } else {
    rng.fill_s8(input, in.count());
  }
  a.input = input;
  return a;
}

// Occasionally breaks one parameter (returns whether it did): both variants must then report
// the same error.
bool maybe_invalidate(Rng& rng, Pool2dArgs* a) {
  if (!rng.chance(3)) return false;
  switch (rng.uniform(0, 6)) {
    case 0:
      a->stride_w = 0;
      break;
    case 1:
      a->pad_top = a->filter_h;
      break;
    case 2:
      a->act_min = a->act_max + 1;
      break;
    case 3:
      a->output_dims.c += 1;
      break;
    case 4:
      a->input = nullptr;
      break;
    case 5:
      a->output_dims.h += (a->input_dims.h + a->pad_top) / a->stride_h + 1;
      break;
    default:
      a->filter_w = 257;
      break;
  }
  return true;
}

template <int32_t N>
void diff_pool(CheckReport& r, const kernels::OpVariants<Pool2dArgs, N>& ops, uint64_t seed) {
  Rng rng(seed);
  for (int32_t config = 0; config < kDiffConfigs; ++config) {
    arena().reset();
    Pool2dArgs a = random_pool(rng);
    const int32_t count = a.output_dims.count();
    const bool valid = !maybe_invalidate(rng, &a);
    compare_variants(r, ops, a, count, config, valid);
  }
}

}  // namespace

void diff_max_pool2d(CheckReport& r) { diff_pool(r, kernels::kMaxPool2d, 0x4D4158504F4F4Cull); }
void diff_avg_pool2d(CheckReport& r) { diff_pool(r, kernels::kAvgPool2d, 0x41564750304F4Cull); }

}  // namespace tt::tests
