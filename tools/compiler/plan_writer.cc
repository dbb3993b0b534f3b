// Plan serialisation. Sections are written in the order plan_format.h documents, each
// 16-byte aligned, and the CRC is computed last over everything after the crc field.
#include "tools/compiler/plan_writer.h"

#include <cstdio>
#include <cstring>

#include "kernels/core/crc32.h"

namespace tt::compiler {
namespace {

int32_t root_of(const LoweredModel& m, int32_t t) {
  while (m.tensors[t].alias_of >= 0) t = m.tensors[t].alias_of;
  return t;
}

size_t align16(size_t v) { return (v + 15) & ~size_t{15}; }

template <typename T>
void append(std::vector<uint8_t>& blob, size_t offset, const std::vector<T>& items) {
  if (!items.empty()) std::memcpy(blob.data() + offset, items.data(), items.size() * sizeof(T));
}

PlanTables tables_with(const LoweredModel& m, const Placements* placed) {
  PlanTables t;
  t.plan_index.assign(m.tensors.size(), -1);
  std::vector<int64_t> const_offset(m.tensors.size(), -1);
  auto map = [&](int32_t lowered) -> int32_t {
    if (lowered < 0) return -1;
    int32_t& index = t.plan_index[lowered];
    if (index >= 0) return index;
    const LoweredTensor& lt = m.tensors[lowered];
    const int32_t root = root_of(m, lowered);
    const LoweredTensor& rt = m.tensors[root];
    plan::PlanTensor rec{};
    rec.dtype = lt.dtype;
    rec.storage = rt.is_const ? plan::Storage::kConst : plan::Storage::kArena;
    rec.rank = static_cast<uint8_t>(lt.shape.size());
    for (int i = 0; i < 4; ++i) rec.dims[i] = i < rec.rank ? lt.shape[i] : 1;
    rec.bytes = static_cast<uint32_t>(lt.bytes());
    rec.scale = lt.scale;
    rec.zero_point = lt.zero_point;
    if (rt.is_const) {
      if (const_offset[root] < 0) {
        const_offset[root] = static_cast<int64_t>(t.consts.size());
        t.consts.insert(t.consts.end(), rt.data.begin(), rt.data.end());
        t.consts.resize(align16(t.consts.size()), 0);
      }
      rec.offset = static_cast<uint32_t>(const_offset[root]);
    } else if (placed != nullptr) {
      rec.offset = static_cast<uint32_t>(placed->tensor_offset[lowered]);
    }
    t.tensors.push_back(rec);
    index = static_cast<int32_t>(t.tensors.size()) - 1;
    return index;
  };
  for (int32_t x : m.inputs) t.model_io.push_back(map(x));
  for (int32_t x : m.outputs) t.model_io.push_back(map(x));
  for (size_t i = 0; i < m.ops.size(); ++i) {
    const LoweredOp& op = m.ops[i];
    plan::PlanOp rec{};
    rec.kind = op.kind;
    rec.input_count = static_cast<uint8_t>(op.inputs.size());
    rec.output_count = 1;
    rec.io_index = static_cast<uint32_t>(t.io.size());
    for (int32_t x : op.inputs) t.io.push_back(map(x));
    t.io.push_back(map(op.output));
    if (placed != nullptr) {
      rec.scratch_offset = static_cast<uint32_t>(placed->scratch_offset[i]);
      rec.scratch_bytes = static_cast<uint32_t>(placed->scratch_bytes[i]);
    }
    rec.source_index = op.source_index;
    rec.source_builtin = op.source_builtin;
    rec.macs = static_cast<uint32_t>(std::min<int64_t>(op.macs, UINT32_MAX));
    for (int k = 0; k < plan::kOpParams; ++k) rec.params[k] = op.params[k];
    t.ops.push_back(rec);
  }
  return t;
}

}  // namespace

PlanTables build_tables(const LoweredModel& m) { return tables_with(m, nullptr); }

std::vector<uint8_t> write_plan(const LoweredModel& m, const Placements& placements) {
  const PlanTables t = tables_with(m, &placements);
  plan::PlanHeader h{};
  h.magic = plan::kMagic;
  h.version_major = plan::kVersionMajor;
  h.version_minor = plan::kVersionMinor;
  h.header_bytes = sizeof(plan::PlanHeader);
  h.arena_bytes = static_cast<uint32_t>(placements.arena_bytes);
  size_t at = align16(sizeof(plan::PlanHeader));
  auto section = [&](size_t bytes) {
    const size_t offset = at;
    at = align16(at + bytes);
    return static_cast<uint32_t>(offset);
  };
  h.tensor_count = static_cast<uint32_t>(t.tensors.size());
  h.tensor_offset = section(t.tensors.size() * sizeof(plan::PlanTensor));
  h.op_count = static_cast<uint32_t>(t.ops.size());
  h.op_offset = section(t.ops.size() * sizeof(plan::PlanOp));
  h.io_count = static_cast<uint32_t>(t.io.size());
  h.io_offset = section(t.io.size() * sizeof(int32_t));
  h.input_count = static_cast<uint32_t>(m.inputs.size());
  h.output_count = static_cast<uint32_t>(m.outputs.size());
  h.model_io_offset = section(t.model_io.size() * sizeof(int32_t));
  h.const_offset = section(t.consts.size());
  h.const_bytes = static_cast<uint32_t>(t.consts.size());
  h.total_bytes = static_cast<uint32_t>(at);

  std::vector<uint8_t> blob(at, 0);
  append(blob, h.tensor_offset, t.tensors);
  append(blob, h.op_offset, t.ops);
  append(blob, h.io_offset, t.io);
  append(blob, h.model_io_offset, t.model_io);
  append(blob, h.const_offset, t.consts);
  std::memcpy(blob.data(), &h, sizeof h);
  h.crc32 = kernels::crc32(0, blob.data() + 16, static_cast<int32_t>(blob.size() - 16));
  std::memcpy(blob.data(), &h, sizeof h);
  return blob;
}

std::string plan_as_c_source(const std::vector<uint8_t>& plan, const std::string& symbol) {
  std::string s =
      "// Generated by `tinytwin compile --emit-c`: a TinyTwin plan (.ttm) to link into "
      "firmware.\n#include <stdint.h>\n\n";
  s += "const uint8_t " + symbol + "[] __attribute__((aligned(16))) = {";
  char hex[8];
  for (size_t i = 0; i < plan.size(); ++i) {
    if (i % 16 == 0) s += "\n   ";
    std::snprintf(hex, sizeof hex, " 0x%02x,", plan[i]);
    s += hex;
  }
  s += "\n};\nconst uint32_t " + symbol + "_size = " + std::to_string(plan.size()) + "u;\n";
  return s;
}

}  // namespace tt::compiler
