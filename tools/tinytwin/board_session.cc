// open_board and its file lookup: see board_session.h.
#include "tools/tinytwin/board_session.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace tt::tools {
namespace {

namespace fs = std::filesystem;

// The usual build layout is build/<preset>/...: the firmware is build/fw-mps2-an500/...,
// the plugin build/host/sim/.... Any executable of a host build (the CLI, the GUI, a test)
// finds them by walking up from itself to the folder that holds fw-mps2-an500.
fs::path build_root() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  for (fs::path p = exe.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
    if (fs::is_directory(p / "fw-mps2-an500", ec)) return p;
  }
  return {};
}

std::string first_existing(const char* env, const fs::path& fallback) {
  const char* e = std::getenv(env);
  if (e != nullptr && *e != '\0') return e;
  std::error_code ec;
  return !fallback.empty() && fs::is_regular_file(fallback, ec) ? fallback.string() : "";
}

}  // namespace

bool parse_board_option(int argc, char** argv, int& i, BoardOptions* o, std::string* error) {
  const std::string arg = argv[i];
  if (arg != "--firmware" && arg != "--plugin" && arg != "--timeout") return false;
  if (i + 1 >= argc) {
    *error = arg + " needs a value";
    return true;
  }
  const std::string value = argv[++i];
  if (arg == "--firmware") o->firmware = value;
  if (arg == "--plugin") o->plugin = value;
  if (arg == "--timeout") {
    char* end = nullptr;
    o->timeout_s = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || o->timeout_s <= 0) {
      *error = "--timeout takes seconds > 0, got '" + value + "'";
    }
  }
  return true;
}

std::unique_ptr<sim::SimBoard> open_board(const BoardOptions& o, std::string* error) {
  const fs::path root = build_root();
  const auto under_root = [&root](const fs::path& rel) { return root.empty() ? root : root / rel; };
  sim::SimOptions s;
  s.firmware =
      o.firmware.empty()
          ? first_existing("TT_FIRMWARE", under_root("fw-mps2-an500/firmware/app/tinytwin_fw"))
          : o.firmware;
  if (s.firmware.empty()) {
    *error =
        "no board firmware found: build it with `cmake --preset fw-mps2-an500 && cmake --build "
        "--preset fw-mps2-an500` (./run.sh does), or give --firmware ELF";
    return nullptr;
  }
  if (o.plugin != "none") {
    s.plugin = o.plugin.empty()
                   ? first_existing("TT_QEMU_PLUGIN", under_root("host/sim/libtt_icount_marker.so"))
                   : o.plugin;
  }
  s.wall_timeout_s = o.timeout_s;
  s.idle_timeout_s = o.idle_timeout_s;
  auto board = std::make_unique<sim::SimBoard>(s);
  if (!board->start()) {
    *error = "emulated board: " + board->error();
    return nullptr;
  }
  return board;
}

}  // namespace tt::tools
