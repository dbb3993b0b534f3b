// The one app running on the board, started and stopped by the host (StartApp/StopApp).
// Only one app object exists at a time, constructed in a static buffer: each app carries a
// full camera frame buffer, and four of them would not fit an OpenMV-class board's SRAM.
#pragma once

#include "apps/common/app.h"
#include "firmware/app/link_reporter.h"
#include "firmware/app/model_store.h"
#include "tt/hal/board.h"

namespace tt::firmware {

class AppSession {
 public:
  AppSession(const hal::Board& board, ModelStore& store, LinkReporter& reporter)
      : board_(board), store_(store), reporter_(reporter) {}

  // Stops any running app and starts the requested one. The result's text is the app's
  // message when start() failed.
  StoreResult start(const link::StartApp& request);
  void stop();
  bool running() const { return app_ != nullptr; }
  // One turn of the running app (no-op when none); reports status changes to the host.
  void step(uint32_t timeout_ms);

 private:
  void destroy();

  const hal::Board& board_;
  ModelStore& store_;
  LinkReporter& reporter_;
  apps::App* app_ = nullptr;
  link::AppId id_ = link::AppId::kMnistDraw;
  apps::AppStatus last_status_ = apps::AppStatus::kOk;
  apps::ModelSlot slots_[link::kMaxModelSlots];
};

}  // namespace tt::firmware
