// The comparison shared by the differential checks of ops without scratch: every
// registered variant runs into its own output and is compared with variant 0 (*_ref).
#pragma once

#include <cstring>

#include "kernels/registry.h"
#include "tests/kernels/checks/check_report.h"
#include "tests/kernels/checks/test_arena.h"

namespace tt::tests {

// Runs every variant into its own output (pre-filled with a pattern of its own, so an element
// a variant forgets to write differs from the oracle's) and records one pass or one failure.
// `valid`: whether the configuration is within the documented ranges (the oracle must accept
// exactly those).
template <typename Args, int32_t N>
void compare_variants(CheckReport& r, const kernels::OpVariants<Args, N>& ops, Args args,
                      int32_t count, int32_t config, bool valid) {
  int8_t* outs[N];
  kernels::Status status[N];
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
  if ((status[0] == kernels::Status::kOk) != valid) {
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
    if (status[0] != kernels::Status::kOk) continue;
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

}  // namespace tt::tests
