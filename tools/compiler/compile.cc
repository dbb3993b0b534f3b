// Compilation = lower, size each op's scratch with the runtime's own binding code, group
// tensors that share memory (aliases and in-place ops), plan the arena, write the plan, and
// finally load it with the runtime loader: whatever the firmware would reject, the compiler
// rejects first, with a message naming the operator.
#include "tools/compiler/compile.h"

#include <algorithm>
#include <numeric>

#include "kernels/runtime/op_dispatch.h"
#include "tools/compiler/lowered_model.h"
#include "tools/compiler/plan_writer.h"

namespace tt::compiler {
namespace {

// Sizes every op's scratch from provisional records (all offsets 0).
std::vector<int32_t> scratch_needs(const LoweredModel& m, const std::string& what) {
  PlanTables tables = build_tables(m);
  std::vector<uint8_t> dummy(16, 0);
  plan::PlanHeader header{};
  header.tensor_count = static_cast<uint32_t>(tables.tensors.size());
  header.op_count = static_cast<uint32_t>(tables.ops.size());
  plan::LoadedPlan lp;
  lp.header = &header;
  lp.tensors = tables.tensors.data();
  lp.ops = tables.ops.data();
  lp.io = tables.io.data();
  lp.consts = tables.consts.empty() ? dummy.data() : tables.consts.data();
  lp.arena = dummy.data();
  std::vector<int32_t> needs;
  for (size_t i = 0; i < tables.ops.size(); ++i) {
    const int32_t need = plan::op_scratch_bytes(lp, tables.ops[i]);
    if (need < 0) {
      throw ModelError(what + ": operator " + std::to_string(m.ops[i].source_index) +
                       ": operand shapes do not fit its kernel");
    }
    needs.push_back(need);
  }
  return needs;
}

}  // namespace

Compiled compile(const Model& model, const std::string& what) {
  LoweredModel m = lower(model, what);
  Compiled c;
  const std::vector<int32_t> scratch = scratch_needs(m, what);
  const int32_t n_ops = static_cast<int32_t>(m.ops.size());

  // Memory groups: union of tensors that share bytes. Start with alias roots.
  std::vector<int32_t> group(m.tensors.size());
  for (size_t t = 0; t < m.tensors.size(); ++t) group[t] = alias_root(m, static_cast<int32_t>(t));
  for (const LoweredTensor& t : m.tensors) c.memory.aliases += t.alias_of >= 0 ? 1 : 0;
  auto find = [&](int32_t t) {
    while (group[t] != t) t = group[t];
    return t;
  };

  // Lifetimes per group root, in op indices; model inputs from the start, outputs to the end.
  std::vector<int32_t> first(m.tensors.size(), INT32_MAX), last(m.tensors.size(), -1);
  auto touch = [&](int32_t t, int32_t op) {
    const int32_t g = find(t);
    first[g] = std::min(first[g], op);
    last[g] = std::max(last[g], op);
  };
  for (int32_t t : m.inputs) touch(t, 0);
  for (int32_t i = 0; i < n_ops; ++i) {
    for (int32_t t : m.ops[i].inputs) {
      if (t >= 0) touch(t, i);
    }
    touch(m.ops[i].output, i);
  }
  for (int32_t t : m.outputs) touch(t, n_ops - 1);

  // In place: the output joins a same-sized input group that dies at this op.
  auto is_io = [&](int32_t g) {
    for (int32_t t : m.inputs) {
      if (find(t) == g) return true;
    }
    return false;
  };
  for (int32_t i = 0; i < n_ops; ++i) {
    const LoweredOp& op = m.ops[i];
    if (op.in_place_input < 0) continue;
    const int32_t gi = find(op.inputs[op.in_place_input]), go = find(op.output);
    const LoweredTensor &ti = m.tensors[gi], &to = m.tensors[go];
    if (gi == go || ti.is_const || last[gi] != i || first[go] != i || is_io(gi) ||
        ti.bytes() != to.bytes()) {
      continue;
    }
    group[go] = gi;
    last[gi] = last[go];
    ++c.memory.in_place_ops;
  }

  // Buffers: arena groups, then one scratch buffer per op that needs one.
  std::vector<Buffer> buffers;
  std::vector<int32_t> buffer_of_group(m.tensors.size(), -1);
  for (size_t t = 0; t < m.tensors.size(); ++t) {
    const int32_t g = find(static_cast<int32_t>(t));
    if (g != static_cast<int32_t>(t) || m.tensors[t].is_const || last[g] < 0) continue;
    buffer_of_group[g] = static_cast<int32_t>(buffers.size());
    buffers.push_back({m.tensors[t].bytes(), first[g], last[g]});
    c.memory.buffers.push_back(
        {m.tensors[t].name, false, 0, m.tensors[t].bytes(), first[g], last[g]});
  }
  std::vector<int32_t> scratch_buffer(n_ops, -1);
  for (int32_t i = 0; i < n_ops; ++i) {
    if (scratch[i] == 0) continue;
    scratch_buffer[i] = static_cast<int32_t>(buffers.size());
    buffers.push_back({scratch[i], i, i});
    c.memory.buffers.push_back({"scratch of op " + std::to_string(i), true, 0, scratch[i], i, i});
    c.memory.scratch_peak = std::max<int64_t>(c.memory.scratch_peak, scratch[i]);
  }
  if (buffers.empty()) throw ModelError(what + ": the model has no activation tensors");

  PlannerReport planned = plan_memory(buffers);
  std::vector<Buffer> activations;
  for (size_t b = 0; b < buffers.size(); ++b) {
    if (!c.memory.buffers[b].scratch) activations.push_back(buffers[b]);
  }
  c.memory.activation_bound = peak_live_bytes(activations);
  c.memory.peak_live_bound = planned.peak_live_bound;
  c.memory.arena_bytes = planned.best.arena_bytes;
  c.memory.strategies = planned.tried;
  for (size_t b = 0; b < buffers.size(); ++b) c.memory.buffers[b].offset = planned.best.offsets[b];

  Placements placements;
  placements.arena_bytes = planned.best.arena_bytes;
  placements.tensor_offset.assign(m.tensors.size(), 0);
  for (size_t t = 0; t < m.tensors.size(); ++t) {
    const int32_t b = buffer_of_group[find(static_cast<int32_t>(t))];
    if (b >= 0) placements.tensor_offset[t] = planned.best.offsets[b];
  }
  placements.scratch_offset.assign(n_ops, 0);
  placements.scratch_bytes = scratch;
  for (int32_t i = 0; i < n_ops; ++i) {
    if (scratch_buffer[i] >= 0)
      placements.scratch_offset[i] = planned.best.offsets[scratch_buffer[i]];
  }
  c.plan = write_plan(m, placements);

  // The runtime loader is the final judge.
  std::vector<uint32_t> arena(static_cast<size_t>(placements.arena_bytes + 3) / 4 + 1);
  plan::LoadedPlan loaded;
  const plan::LoadResult r =
      plan::load_plan(c.plan.data(), static_cast<uint32_t>(c.plan.size()), arena.data(),
                      static_cast<uint32_t>(arena.size() * 4), &loaded);
  if (!r.ok()) {
    std::string where;
    if (r.status == plan::LoadStatus::kKernelRejects || r.status == plan::LoadStatus::kBadOp) {
      const LoweredOp& op = m.ops[r.index];
      where = ": operator " + std::to_string(op.source_index) + " (" +
              builtin_op_name(op.source_builtin) + ")";
    }
    throw ModelError(what + where + ": " + plan::load_status_name(r.status) +
                     (r.status == plan::LoadStatus::kKernelRejects
                          ? std::string(" (") + kernels::status_name(r.kernel_status) + ")"
                          : std::string()));
  }
  return c;
}

}  // namespace tt::compiler
