// The LinkPort of hal/board over the board-support functions every board implements, so the
// link-bridged devices run unchanged on QEMU's mps2-an500 and on the OpenMV Cam H7.
#pragma once

#include "firmware/boards/board_support.h"
#include "hal/board/link_port.h"

namespace tt::firmware {

class FirmwarePort final : public hal::board::LinkPort {
 public:
  size_t read(uint8_t* out, size_t max) override { return tt_board_link_read(out, max); }
  void write(const uint8_t* data, size_t bytes) override { tt_board_link_write(data, bytes); }
  uint64_t ticks() const override { return tt_board_ticks(); }
  uint64_t ticks_per_second() const override { return tt_board_ticks_per_second(); }
  const char* tick_meaning() const override { return tt_board_tick_meaning(); }
  void idle() override { tt_board_watchdog_kick(); }
};

}  // namespace tt::firmware
