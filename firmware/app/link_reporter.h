// Sends what the apps and plan runs report to the host: each inference as an Inference
// message followed by its per-layer ticks and output CRC32s (Layers), keywords and app
// messages. The marker hook counts layers so a host reading the emulator's exact counter
// (sim/plugin) can pair its marks with the report.
#pragma once

#include "apps/common/app.h"
#include "hal/board/board_link.h"

namespace tt::firmware {

class LinkReporter final : public apps::AppListener {
 public:
  explicit LinkReporter(hal::board::BoardLink& link) : link_(link) {}

  void on_inference(const apps::InferenceReport& report) override;
  void on_keyword(const apps::KeywordReport& keyword) override;
  void on_message(const char* text) override;

  // An Inference message, then the per-layer ticks and CRCs of its m.op_count layers
  // (several Layers messages when needed).
  void send_inference(const link::Inference& m, const uint64_t* ticks, const uint32_t* crc);
  void send_text(link::MsgType type, const char* text);
  hal::board::BoardLink& link() { return link_; }

  // ModelSlot::on_layer for every model: marks each layer's start and end.
  static void mark_layer(void* ctx, int32_t op, bool begin);
  static uint32_t marks();

 private:
  hal::board::BoardLink& link_;
};

}  // namespace tt::firmware
