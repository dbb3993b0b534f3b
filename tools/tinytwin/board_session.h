// Opening the emulated board for a CLI command: where the firmware image and the
// instruction-counter plugin are (options, environment, or beside this executable in the
// usual build layout), then a started SimBoard, or an error that says what is missing and
// how to build it.
#pragma once

#include <memory>
#include <string>

#include "sim/sim_board.h"

namespace tt::tools {

struct BoardOptions {
  std::string firmware;  // --firmware; else $TT_FIRMWARE; else the fw-mps2-an500 build's
  std::string plugin;    // --plugin; else $TT_QEMU_PLUGIN; else the host build's; "none": off
  double timeout_s = 1800;
  double idle_timeout_s = 60;
};

// Parses --firmware/--plugin/--timeout VALUE at argv[i] (advancing i); returns false when
// argv[i] is none of them. *error is set when the value is missing or bad.
bool parse_board_option(int argc, char** argv, int& i, BoardOptions* o, std::string* error);
inline constexpr const char* kBoardOptionsUsage =
    "  --firmware ELF     the board firmware (default: $TT_FIRMWARE, else\n"
    "                     build/fw-mps2-an500/firmware/app/tinytwin_fw)\n"
    "  --plugin SO|none   QEMU instruction-counter plugin for exact per-layer counts\n"
    "                     (default: $TT_QEMU_PLUGIN, else build/host/sim/libtt_icount_marker.so)\n"
    "  --timeout S        give up on the emulated board after S seconds (default 1800)\n";

// A started board (handshake done), or nullptr with *error set.
std::unique_ptr<sim::SimBoard> open_board(const BoardOptions& o, std::string* error);

}  // namespace tt::tools
