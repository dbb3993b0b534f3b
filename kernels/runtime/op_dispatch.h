// Binds one plan op to its kernel: builds the kernel's argument struct from the op's
// operands and parameter words and then either validates it (what the loader does, once,
// for every op) or runs the reference or DSP variant (what the executor does). Keeping both
// in one place means the loader checks exactly the arguments the executor will pass.
#pragma once

#include "kernels/core/status.h"
#include "kernels/runtime/plan_loader.h"

namespace tt::kernels::plan {

enum class DispatchMode {
  kValidate,  // kernel argument checks, plus scratch >= every variant's need; no writes
  kRunRef,    // the *_ref oracles
  kRunDsp,    // the *_dsp variants (portable C off-target, SIMD32 on Cortex-M)
  kScratch,   // only report the scratch need (see op_scratch_bytes)
};

// The operand checks that come before any kernel: counts, absent operands, dtypes, and that
// the output lives in the arena. Returns false on the first violation.
bool op_operands_valid(const LoadedPlan& plan, const PlanOp& op);

Status dispatch_op(const LoadedPlan& plan, const PlanOp& op, DispatchMode mode);

// The scratch an op needs so that every variant can run it (the largest need), from its
// operand shapes and parameters alone: the compiler asks this before placing anything, so
// `plan` may have all offsets at 0. Returns -1 when the op's arguments are malformed.
int32_t op_scratch_bytes(const LoadedPlan& plan, const PlanOp& op);

}  // namespace tt::kernels::plan
