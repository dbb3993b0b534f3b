// ModelStore: see model_store.h.
#include "firmware/app/model_store.h"

#include <cstdio>
#include <cstring>

#include "firmware/app/linked_models.h"
#include "kernels/runtime/plan_loader.h"

namespace tt::firmware {
namespace {

namespace kp = tt::kernels::plan;

TT_BIG_BUFFER uint8_t g_plans[link::kMaxModelSlots][kPlanSlotBytes];
TT_BIG_BUFFER uint8_t g_arenas[link::kMaxModelSlots][kArenaBytes];

StoreResult result(link::LinkStatus s, const char* text, int32_t detail = 0) {
  StoreResult r;
  r.status = s;
  r.detail = detail;
  std::snprintf(r.text, sizeof r.text, "%s", text);
  return r;
}

}  // namespace

uint8_t* ModelStore::arena(int slot) { return g_arenas[slot]; }

StoreResult ModelStore::plan_begin(link::Reader& r) {
  link::PlanBegin m;
  if (!m.read(r)) return result(link::LinkStatus::kBadPayload, "short plan_begin");
  if (m.slot >= link::kMaxModelSlots) return result(link::LinkStatus::kBadSlot, "no such slot");
  if (m.total_bytes > kPlanSlotBytes || m.total_bytes == 0) {
    StoreResult e = result(link::LinkStatus::kTooLarge, "", static_cast<int32_t>(kPlanSlotBytes));
    std::snprintf(e.text, sizeof e.text, "plan of %lu bytes; a slot holds %lu",
                  static_cast<unsigned long>(m.total_bytes),
                  static_cast<unsigned long>(kPlanSlotBytes));
    return e;
  }
  Upload& u = uploads_[m.slot];
  u = Upload{};
  u.total = m.total_bytes;
  u.crc = m.crc32;
  u.begun = true;
  return result(link::LinkStatus::kOk, "");
}

StoreResult ModelStore::plan_data(link::Reader& r) {
  link::ChunkHeader h;
  if (!h.read(r)) return result(link::LinkStatus::kBadPayload, "short plan_data");
  if (h.slot >= link::kMaxModelSlots) return result(link::LinkStatus::kBadSlot, "no such slot");
  Upload& u = uploads_[h.slot];
  const size_t n = r.remaining();
  if (!u.begun || h.offset != u.received || n > u.total - u.received) {
    u.begun = false;
    return result(link::LinkStatus::kBadState, "plan data out of order; upload cancelled");
  }
  std::memcpy(g_plans[h.slot] + h.offset, r.bytes(n), n);
  u.received += static_cast<uint32_t>(n);
  return result(link::LinkStatus::kOk, "");
}

StoreResult ModelStore::plan_end(link::Reader& r) {
  const uint8_t slot = r.u8();
  if (!r.ok() || slot >= link::kMaxModelSlots)
    return result(link::LinkStatus::kBadSlot, "no such slot");
  Upload& u = uploads_[slot];
  if (!u.begun || u.received != u.total) {
    u.begun = false;
    return result(link::LinkStatus::kBadState, "plan incomplete");
  }
  u.begun = false;
  if (link::crc32(0, g_plans[slot], u.total) != u.crc) {
    return result(link::LinkStatus::kBadCrc, "plan CRC32 mismatch after transfer");
  }
  // Validate now with the board's own loader, so a bad plan is refused here and not when an
  // app starts.
  kp::LoadedPlan p;
  const kp::LoadResult lr = kp::load_plan(g_plans[slot], u.total, g_arenas[slot], kArenaBytes, &p);
  if (!lr.ok()) {
    StoreResult e = result(link::LinkStatus::kPlanRejected, "", static_cast<int32_t>(lr.status));
    std::snprintf(e.text, sizeof e.text, "plan rejected by the board: %s (index %ld)",
                  kp::load_status_name(lr.status), static_cast<long>(lr.index));
    return e;
  }
  u.ready = true;
  return result(link::LinkStatus::kOk, "");
}

StoreResult ModelStore::model(link::ModelSource source, uint8_t index, void* arena,
                              uint32_t arena_bytes, apps::ModelSlot* slot) const {
  *slot = apps::ModelSlot{};
  if (source == link::ModelSource::kLinked) {
    if (index >= tt_linked_model_count) {
      return result(link::LinkStatus::kBadSlot, "no such linked model");
    }
    slot->plan = tt_linked_models[index].plan;
    slot->plan_bytes = reinterpret_cast<const kp::PlanHeader*>(slot->plan)->total_bytes;
    slot->name = tt_linked_models[index].name;
  } else {
    if (index >= link::kMaxModelSlots) return result(link::LinkStatus::kBadSlot, "no such slot");
    if (!uploads_[index].ready) return result(link::LinkStatus::kNoPlan, "slot has no plan");
    slot->plan = g_plans[index];
    slot->plan_bytes = uploads_[index].total;
    slot->name = index == 0 ? "uploaded model 0" : "uploaded model 1";
  }
  slot->arena = arena;
  slot->arena_bytes = arena_bytes;
  return result(link::LinkStatus::kOk, "");
}

void ModelStore::linked_names(char* out, size_t capacity) const {
  size_t n = 0;
  out[0] = '\0';
  for (int i = 0; i < tt_linked_model_count; ++i) {
    const int w =
        std::snprintf(out + n, capacity - n, "%s%s", i ? "," : "", tt_linked_models[i].name);
    if (w < 0 || static_cast<size_t>(w) >= capacity - n) break;
    n += static_cast<size_t>(w);
  }
}

}  // namespace tt::firmware
