#include "gui/tensor_lifetimes.h"

#include <algorithm>

#include "tools/tinytwin/plan_info.h"

namespace tt::gui {
namespace plan = kernels::plan;
namespace {

bool mergeable(const ArenaBlock& a, const ArenaBlock& b) {
  return a.kind != ArenaBlock::Kind::kScratch && b.kind != ArenaBlock::Kind::kScratch &&
         a.offset == b.offset && a.bytes == b.bytes && a.first_op <= b.last_op + 1 &&
         b.first_op <= a.last_op + 1;
}

// Inputs and outputs keep their role when an alias merges into them.
ArenaBlock::Kind merged_kind(ArenaBlock::Kind a, ArenaBlock::Kind b) {
  if (a == ArenaBlock::Kind::kInput || b == ArenaBlock::Kind::kInput) {
    return ArenaBlock::Kind::kInput;
  }
  if (a == ArenaBlock::Kind::kOutput || b == ArenaBlock::Kind::kOutput) {
    return ArenaBlock::Kind::kOutput;
  }
  return a;
}

}  // namespace

std::vector<ArenaBlock> arena_blocks(const plan::LoadedPlan& p) {
  const int32_t n = p.tensor_count();
  std::vector<int32_t> first(n, -1), last(n, -1);
  auto touch = [&](int32_t t, int32_t op) {
    if (t < 0 || t >= n || p.tensors[t].storage != plan::Storage::kArena) return;
    if (first[t] < 0 || op < first[t]) first[t] = op;
    if (op > last[t]) last[t] = op;
  };
  for (int32_t i = 0; i < p.op_count(); ++i) {
    const plan::PlanOp& op = p.ops[i];
    const int32_t* operands = p.operands(op);
    for (int32_t k = 0; k < op.input_count + op.output_count; ++k) touch(operands[k], i);
  }
  std::vector<ArenaBlock::Kind> kind(n, ArenaBlock::Kind::kActivation);
  const int32_t last_op = std::max(p.op_count() - 1, 0);
  for (int32_t i = 0; i < p.input_count(); ++i) {
    const int32_t t = p.input_tensor(i);
    touch(t, 0);
    if (t >= 0 && t < n) first[t] = 0, kind[t] = ArenaBlock::Kind::kInput;
  }
  for (int32_t i = 0; i < p.output_count(); ++i) {
    const int32_t t = p.output_tensor(i);
    touch(t, last_op);
    if (t >= 0 && t < n) kind[t] = ArenaBlock::Kind::kOutput;
  }

  std::vector<ArenaBlock> blocks;
  for (int32_t t = 0; t < n; ++t) {
    if (first[t] < 0) continue;  // a constant, or an arena tensor no op uses
    ArenaBlock b;
    b.kind = kind[t];
    b.tensor = t;
    b.first_op = first[t];
    b.last_op = last[t];
    b.offset = p.tensors[t].offset;
    b.bytes = p.tensors[t].bytes;
    b.what = "tensor " + std::to_string(t) + " " +
             tools::shape_string(tools::tensor_shape(p.tensors[t]));
    bool merged = false;
    for (ArenaBlock& other : blocks) {
      if (!mergeable(other, b)) continue;
      other.first_op = std::min(other.first_op, b.first_op);
      other.last_op = std::max(other.last_op, b.last_op);
      other.kind = merged_kind(other.kind, b.kind);
      merged = true;
      break;
    }
    if (!merged) blocks.push_back(std::move(b));
  }
  for (int32_t i = 0; i < p.op_count(); ++i) {
    const plan::PlanOp& op = p.ops[i];
    if (op.scratch_bytes == 0) continue;
    ArenaBlock b;
    b.kind = ArenaBlock::Kind::kScratch;
    b.first_op = b.last_op = i;
    b.offset = op.scratch_offset;
    b.bytes = op.scratch_bytes;
    b.what = "scratch of op " + std::to_string(i);
    blocks.push_back(std::move(b));
  }
  return blocks;
}

}  // namespace tt::gui
