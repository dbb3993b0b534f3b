// What the fuzz targets share: resource caps and a run of a loaded plan through both kernel
// sets. A fuzzer must tell a crash from an input that is merely expensive (a valid plan may
// legitimately ask for a gigabyte of arena or a trillion MACs), so inputs over these caps are
// skipped rather than run; everything under them must load, run and never crash.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "kernels/runtime/executor.h"
#include "kernels/runtime/plan_format.h"
#include "kernels/runtime/plan_loader.h"

namespace tt::fuzz {

namespace plan = kernels::plan;

// Largest arena a fuzz input may have allocated for it.
inline constexpr uint32_t kArenaCap = 8u << 20;
// Largest estimated work (multiply-accumulates or element visits) of one run.
inline constexpr double kWorkCap = 4e6;

// An exactly sized, zero-filled buffer, so AddressSanitizer sees any access past its end.
inline std::unique_ptr<uint8_t[]> exact_buffer(size_t bytes) {
  return std::unique_ptr<uint8_t[]>(new uint8_t[bytes == 0 ? 1 : bytes]());
}

inline double elements(const plan::LoadedPlan& p, int32_t tensor) {
  return tensor < 0 ? 0.0 : static_cast<double>(plan::element_count(p.tensors[tensor]));
}

// An upper bound of the kernels' work, from the validated tensor records only (the plan's
// own `macs` field is not trusted).
inline double estimated_work(const plan::LoadedPlan& p) {
  double total = 0;
  for (int32_t i = 0; i < p.op_count(); ++i) {
    const plan::PlanOp& op = p.ops[i];
    const int32_t* in = p.operands(op);
    const double out = elements(p, p.op_output(op));
    double inputs = 0;
    for (int32_t k = 0; k < op.input_count; ++k) inputs += elements(p, in[k]);
    double per_output = 1;
    if (op.kind == plan::OpKind::kConv2d || op.kind == plan::OpKind::kFullyConnected ||
        op.kind == plan::OpKind::kDepthwiseConv2d) {
      const plan::PlanTensor& f = p.tensors[in[1]];
      const int32_t split = op.kind == plan::OpKind::kDepthwiseConv2d
                                ? (f.rank == 0 ? 1 : f.dims[f.rank - 1])
                                : (f.rank == 0 ? 1 : f.dims[0]);
      per_output = elements(p, in[1]) / split;
    } else if (op.kind == plan::OpKind::kMaxPool2d || op.kind == plan::OpKind::kAvgPool2d) {
      per_output = std::max(1.0, static_cast<double>(op.params[plan::p::kFilterH])) *
                   std::max(1.0, static_cast<double>(op.params[plan::p::kFilterW]));
    }
    total += out * per_output + inputs + op.scratch_bytes;
  }
  return total;
}

struct RunOutcome {
  plan::RunResult result;
  std::vector<uint32_t> op_crc;
};

// Runs on an all-zero input. The inputs are set before every run: once an input has been
// read, the planner may give its memory to later tensors, as any TFLite runtime does.
inline RunOutcome run_once(const plan::LoadedPlan& p, plan::KernelSet kernels) {
  for (int32_t i = 0; i < p.input_count(); ++i) {
    const int32_t t = p.input_tensor(i);
    std::memset(p.mutable_data(t), 0, p.tensors[t].bytes);
  }
  RunOutcome o;
  o.op_crc.assign(static_cast<size_t>(p.op_count()), 0);
  plan::RunOptions options;
  options.kernels = kernels;
  options.op_crc32 = o.op_crc.data();
  o.result = plan::run_plan(p, options);
  return o;
}

}  // namespace tt::fuzz
