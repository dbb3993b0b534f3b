// PlanService: see plan_service.h.
#include "firmware/app/plan_service.h"

#include <cstdio>
#include <cstring>

#include "firmware/boards/board_support.h"
#include "kernels/core/crc32.h"
#include "kernels/runtime/executor.h"

namespace tt::firmware {
namespace {

namespace kp = tt::kernels::plan;

constexpr int32_t kMaxOps = link::kMaxLayersPerReport;

TT_BIG_BUFFER uint8_t g_input[kInputBytes];
uint64_t g_ticks[kMaxOps];
uint32_t g_crc[kMaxOps];

uint64_t board_ticks(void*) { return tt_board_ticks(); }

StoreResult fail(link::LinkStatus s, int32_t detail, const char* text) {
  StoreResult r;
  r.status = s;
  r.detail = detail;
  std::snprintf(r.text, sizeof r.text, "%s", text);
  return r;
}

}  // namespace

StoreResult PlanService::tensor_data(link::Reader& r) {
  link::ChunkHeader h;
  if (!h.read(r)) return fail(link::LinkStatus::kBadPayload, 0, "short tensor_data");
  const size_t n = r.remaining();
  if (h.offset > kInputBytes || n > kInputBytes - h.offset) {
    return fail(link::LinkStatus::kTooLarge, static_cast<int32_t>(kInputBytes),
                "input tensor larger than the board's input buffer");
  }
  std::memcpy(g_input + h.offset, r.bytes(n), n);
  if (h.offset + n > received_) received_ = static_cast<uint32_t>(h.offset + n);
  return StoreResult{};
}

StoreResult PlanService::run(link::Reader& r) {
  link::RunPlan m;
  if (!m.read(r)) return fail(link::LinkStatus::kBadPayload, 0, "short run_plan");
  apps::ModelSlot slot;
  StoreResult s =
      store_.model(link::ModelSource::kUploaded, m.slot, store_.arena(m.slot), kArenaBytes, &slot);
  if (s.status != link::LinkStatus::kOk) return s;
  kp::LoadedPlan p;
  const kp::LoadResult lr =
      kp::load_plan(slot.plan, slot.plan_bytes, slot.arena, slot.arena_bytes, &p);
  if (!lr.ok())
    return fail(link::LinkStatus::kPlanRejected, static_cast<int32_t>(lr.status),
                kp::load_status_name(lr.status));
  if (p.op_count() > kMaxOps) return fail(link::LinkStatus::kTooLarge, kMaxOps, "too many ops");
  const int32_t in = p.input_tensor(0);
  if (m.input_bytes != p.tensors[in].bytes || received_ < m.input_bytes) {
    char text[96];
    std::snprintf(text, sizeof text, "input is %lu bytes, the plan's input tensor %lu",
                  static_cast<unsigned long>(m.input_bytes),
                  static_cast<unsigned long>(p.tensors[in].bytes));
    return fail(link::LinkStatus::kBadPayload, 0, text);
  }
  std::memcpy(p.mutable_data(in), g_input, m.input_bytes);
  received_ = 0;

  kp::RunOptions o;
  o.now = board_ticks;
  o.op_ticks = g_ticks;
  o.op_crc32 = g_crc;
  o.on_op = &LinkReporter::mark_layer;
  const uint64_t t0 = tt_board_ticks();
  const kp::RunResult run = kp::run_plan(p, o);
  const uint64_t elapsed = tt_board_ticks() - t0;
  if (!run.ok()) {
    char text[96];
    std::snprintf(text, sizeof text, "layer %ld failed: %s", static_cast<long>(run.failed_op),
                  tt::kernels::status_name(run.status));
    return fail(link::LinkStatus::kRunFailed, run.failed_op, text);
  }

  // The outputs first, then the report: the host completes a run when the layers arrive.
  const int32_t outputs = p.output_count();
  uint32_t out_crc = 0;
  for (int32_t k = 0; k < outputs; ++k) {
    const int32_t t = p.output_tensor(k);
    const auto* bytes = static_cast<const uint8_t*>(p.data(t));
    const uint32_t total = p.tensors[t].bytes;
    out_crc = tt::kernels::crc32(out_crc, bytes, static_cast<int32_t>(total));
    constexpr uint32_t kChunk = link::kMaxPayload - link::OutputHeader::kBytes;
    uint32_t off = 0;
    do {
      const uint32_t n = total - off < kChunk ? total - off : kChunk;
      uint8_t header[link::OutputHeader::kBytes];
      link::Writer w(header, sizeof header);
      link::OutputHeader{static_cast<uint8_t>(k), off, total}.write(w);
      const link::Span pieces[2] = {{header, sizeof header}, {bytes + off, n}};
      reporter_.link().send(link::MsgType::kOutput, pieces, 2);
      off += n;
    } while (off < total);
  }
  link::Inference report;
  report.sequence = ++runs_;
  report.inference_ticks = elapsed;
  report.output_crc32 = out_crc;
  report.op_count = static_cast<uint16_t>(p.op_count());
  std::snprintf(report.model, sizeof report.model, "%s", slot.name);
  reporter_.send_inference(report, g_ticks, g_crc);
  return StoreResult{};
}

}  // namespace tt::firmware
