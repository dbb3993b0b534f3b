// The loader's checks run in dependency order (header, CRC, sections, tensors, model I/O,
// ops), so each check may rely on the ones before it: e.g. operand indices are range-checked
// before the operand's tensor record is read. All size arithmetic is 64-bit.
#include "kernels/runtime/plan_loader.h"

#include <cstring>

#include "kernels/core/crc32.h"
#include "kernels/core/dims.h"
#include "kernels/runtime/op_dispatch.h"

namespace tt::kernels::plan {
namespace {

constexpr int32_t kMaxModelIo = 16;

bool aligned4(const void* p) { return (reinterpret_cast<uintptr_t>(p) & 3u) == 0; }

int32_t dtype_size(DType t) {
  switch (t) {
    case DType::kInt8:
      return 1;
    case DType::kInt32:
    case DType::kFloat32:
      return 4;
  }
  return 0;
}

// [offset, offset + count * size) inside [begin, end), 4-byte aligned.
bool section_fits(uint32_t offset, uint32_t count, uint32_t size, uint32_t begin, uint32_t end) {
  const uint64_t stop = uint64_t{offset} + uint64_t{count} * size;
  return offset >= begin && stop <= end && (offset & 3u) == 0;
}

LoadResult fail(LoadStatus s, int32_t index = -1, Status kernel = Status::kOk) {
  LoadResult r;
  r.status = s;
  r.index = index;
  r.kernel_status = kernel;
  return r;
}

bool tensor_valid(const PlanTensor& t, const PlanHeader& h) {
  const int32_t size = dtype_size(t.dtype);
  if (size == 0 || t.rank > 4) return false;
  int64_t count = 1;
  for (int32_t i = 0; i < 4; ++i) {
    const int32_t d = t.dims[i];
    if (i >= t.rank ? d != 1 : (d < 1 || d > kMaxDim)) return false;
    count *= d;
    if (count > (int64_t{1} << 30)) return false;
  }
  if (uint64_t{t.bytes} != static_cast<uint64_t>(count) * size) return false;
  if (size == 4 && (t.offset & 3u) != 0) return false;
  const uint64_t end = uint64_t{t.offset} + t.bytes;
  switch (t.storage) {
    case Storage::kArena:
      return end <= h.arena_bytes;
    case Storage::kConst:
      return end <= h.const_bytes;
  }
  return false;
}

LoadResult check_header(const uint8_t* bytes, uint32_t blob_bytes, const PlanHeader& h) {
  if (h.magic != kMagic) return fail(LoadStatus::kBadMagic);
  if (h.version_major != kVersionMajor) return fail(LoadStatus::kBadVersion);
  if (h.total_bytes < sizeof(PlanHeader) || h.total_bytes > blob_bytes) {
    return fail(LoadStatus::kTooSmall);
  }
  if (crc32(0, bytes + 16, static_cast<int32_t>(h.total_bytes - 16)) != h.crc32) {
    return fail(LoadStatus::kBadCrc);
  }
  if (h.header_bytes < sizeof(PlanHeader) || h.header_bytes > h.total_bytes) {
    return fail(LoadStatus::kBadSection);
  }
  return {};
}

LoadResult check_sections(const PlanHeader& h) {
  const uint32_t begin = h.header_bytes, end = h.total_bytes;
  const bool ok = h.tensor_count >= 1 && h.tensor_count <= (1u << 16) && h.op_count >= 1 &&
                  h.op_count <= (1u << 16) && h.io_count <= (1u << 20) &&
                  section_fits(h.tensor_offset, h.tensor_count, sizeof(PlanTensor), begin, end) &&
                  section_fits(h.op_offset, h.op_count, sizeof(PlanOp), begin, end) &&
                  section_fits(h.io_offset, h.io_count, sizeof(int32_t), begin, end) &&
                  section_fits(h.model_io_offset, h.input_count + h.output_count, sizeof(int32_t),
                               begin, end) &&
                  section_fits(h.const_offset, h.const_bytes, 1, begin, end);
  return ok ? LoadResult{} : fail(LoadStatus::kBadSection);
}

LoadResult check_model_io(const LoadedPlan& p) {
  const PlanHeader& h = *p.header;
  if (h.input_count < 1 || h.input_count > kMaxModelIo || h.output_count < 1 ||
      h.output_count > kMaxModelIo) {
    return fail(LoadStatus::kBadModelIo);
  }
  for (uint32_t i = 0; i < h.input_count + h.output_count; ++i) {
    const int32_t t = p.model_io[i];
    if (t < 0 || t >= p.tensor_count() || p.tensors[t].storage != Storage::kArena) {
      return fail(LoadStatus::kBadModelIo, static_cast<int32_t>(i));
    }
  }
  return {};
}

LoadResult check_op(const LoadedPlan& p, int32_t index) {
  const PlanOp& op = p.ops[index];
  if (static_cast<uint16_t>(op.kind) < 1 || static_cast<uint16_t>(op.kind) > kOpKindLast) {
    return fail(LoadStatus::kUnknownOpKind, index);
  }
  const uint64_t operands = uint64_t{op.input_count} + op.output_count;
  if (operands == 0 || uint64_t{op.io_index} + operands > p.header->io_count) {
    return fail(LoadStatus::kBadOp, index);
  }
  for (uint64_t i = 0; i < operands; ++i) {
    const int32_t t = p.io[op.io_index + i];
    if (t < -1 || t >= p.tensor_count()) return fail(LoadStatus::kBadOp, index);
  }
  if (op.output_count != 1 || p.op_output(op) < 0) return fail(LoadStatus::kBadOp, index);
  const uint64_t scratch_end = uint64_t{op.scratch_offset} + op.scratch_bytes;
  if (scratch_end > p.header->arena_bytes || (op.scratch_offset & 3u) != 0 ||
      op.scratch_bytes > (1u << 30)) {
    return fail(LoadStatus::kBadOp, index);
  }
  if (!op_operands_valid(p, op)) return fail(LoadStatus::kBadOp, index);
  const Status s = dispatch_op(p, op, DispatchMode::kValidate);
  if (s != Status::kOk) return fail(LoadStatus::kKernelRejects, index, s);
  return {};
}

}  // namespace

const char* load_status_name(LoadStatus s) {
  switch (s) {
    case LoadStatus::kOk:
      return "ok";
    case LoadStatus::kNullArgument:
      return "null blob or arena";
    case LoadStatus::kMisaligned:
      return "blob or arena not 4-byte aligned";
    case LoadStatus::kTooSmall:
      return "blob shorter than its header says";
    case LoadStatus::kBadMagic:
      return "not a TinyTwin plan (bad magic)";
    case LoadStatus::kBadVersion:
      return "unsupported plan version";
    case LoadStatus::kBadCrc:
      return "CRC32 mismatch (corrupt plan)";
    case LoadStatus::kBadSection:
      return "a section lies outside the plan";
    case LoadStatus::kBadTensor:
      return "bad tensor record";
    case LoadStatus::kBadModelIo:
      return "bad model input/output list";
    case LoadStatus::kBadOp:
      return "bad op operands";
    case LoadStatus::kUnknownOpKind:
      return "unknown op kind";
    case LoadStatus::kArenaTooSmall:
      return "arena smaller than the plan needs";
    case LoadStatus::kKernelRejects:
      return "kernel rejects the op's arguments";
  }
  return "?";
}

int32_t element_count(const PlanTensor& t) {
  int32_t n = 1;
  for (int32_t i = 0; i < t.rank; ++i) n *= t.dims[i];
  return n;
}

const void* LoadedPlan::data(int32_t tensor) const {
  const PlanTensor& t = tensors[tensor];
  return (t.storage == Storage::kArena ? arena : consts) + t.offset;
}

void* LoadedPlan::mutable_data(int32_t tensor) const {
  const PlanTensor& t = tensors[tensor];
  return t.storage == Storage::kArena ? arena + t.offset : nullptr;
}

LoadResult load_plan(const void* blob, uint32_t blob_bytes, void* arena, uint32_t arena_bytes,
                     LoadedPlan* out) {
  if (blob == nullptr || arena == nullptr || out == nullptr) {
    return fail(LoadStatus::kNullArgument);
  }
  if (!aligned4(blob) || !aligned4(arena)) return fail(LoadStatus::kMisaligned);
  if (blob_bytes < sizeof(PlanHeader)) return fail(LoadStatus::kTooSmall);
  const auto* bytes = static_cast<const uint8_t*>(blob);
  const auto* h = static_cast<const PlanHeader*>(blob);

  LoadResult r = check_header(bytes, blob_bytes, *h);
  if (!r.ok()) return r;
  r = check_sections(*h);
  if (!r.ok()) return r;
  if (h->arena_bytes > arena_bytes) return fail(LoadStatus::kArenaTooSmall);

  LoadedPlan p;
  p.header = h;
  p.tensors = reinterpret_cast<const PlanTensor*>(bytes + h->tensor_offset);
  p.ops = reinterpret_cast<const PlanOp*>(bytes + h->op_offset);
  p.io = reinterpret_cast<const int32_t*>(bytes + h->io_offset);
  p.model_io = reinterpret_cast<const int32_t*>(bytes + h->model_io_offset);
  p.consts = bytes + h->const_offset;
  p.arena = static_cast<uint8_t*>(arena);

  for (int32_t t = 0; t < p.tensor_count(); ++t) {
    if (!tensor_valid(p.tensors[t], *h)) return fail(LoadStatus::kBadTensor, t);
  }
  r = check_model_io(p);
  if (!r.ok()) return r;
  for (int32_t i = 0; i < p.op_count(); ++i) {
    r = check_op(p, i);
    if (!r.ok()) return r;
  }
  *out = p;
  return {};
}

}  // namespace tt::kernels::plan
