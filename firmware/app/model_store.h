// The models the board can run: plans uploaded by the host into slots (PlanBegin, PlanData,
// PlanEnd; checked against the announced CRC32 and by the plan loader before they are
// accepted) and the plans linked into the image. Each slot has an arena of its own; a
// shared-arena app (multinet) runs both networks in slot 0's.
#pragma once

#include "apps/common/app.h"
#include "firmware/app/memory_config.h"
#include "hal/link/frame_codec.h"
#include "hal/link/messages.h"

namespace tt::firmware {

struct StoreResult {
  link::LinkStatus status = link::LinkStatus::kOk;
  int32_t detail = 0;
  char text[96] = "";
};

class ModelStore {
 public:
  StoreResult plan_begin(link::Reader& r);
  StoreResult plan_data(link::Reader& r);
  StoreResult plan_end(link::Reader& r);

  // Fills *slot for model source/index (an uploaded slot or a linked model); arena is the
  // memory the model runs in. kNoPlan / kBadSlot when there is nothing there.
  StoreResult model(link::ModelSource source, uint8_t index, void* arena, uint32_t arena_bytes,
                    apps::ModelSlot* slot) const;

  uint8_t* arena(int slot);
  // Comma-separated names of the linked models, for the Hello reply.
  void linked_names(char* out, size_t capacity) const;

 private:
  struct Upload {
    uint32_t total = 0;
    uint32_t crc = 0;
    uint32_t received = 0;
    bool begun = false;
    bool ready = false;
  };
  Upload uploads_[link::kMaxModelSlots];
};

}  // namespace tt::firmware
