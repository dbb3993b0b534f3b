// The executor adds nothing between ops but the optional hooks, so the per-op figures are
// the kernels' own cost.
#include "kernels/runtime/executor.h"

#include "kernels/core/crc32.h"
#include "kernels/runtime/op_dispatch.h"

namespace tt::kernels::plan {

RunResult run_plan(const LoadedPlan& plan, const RunOptions& o) {
  const DispatchMode mode =
      o.kernels == KernelSet::kRef ? DispatchMode::kRunRef : DispatchMode::kRunDsp;
  const bool timed = o.now != nullptr && o.op_ticks != nullptr;
  RunResult result;
  for (int32_t i = 0; i < plan.op_count(); ++i) {
    const PlanOp& op = plan.ops[i];
    if (o.on_op != nullptr) o.on_op(o.hook_ctx, i, true);
    const uint64_t start = timed ? o.now(o.clock_ctx) : 0;
    const Status s = dispatch_op(plan, op, mode);
    if (timed) o.op_ticks[i] = o.now(o.clock_ctx) - start;
    if (o.on_op != nullptr) o.on_op(o.hook_ctx, i, false);
    if (s != Status::kOk) {
      result.status = s;
      result.failed_op = i;
      return result;
    }
    if (o.op_crc32 != nullptr) {
      const int32_t out = plan.op_output(op);
      o.op_crc32[i] = crc32(0, plan.data(out), static_cast<int32_t>(plan.tensors[out].bytes));
    }
  }
  return result;
}

}  // namespace tt::kernels::plan
