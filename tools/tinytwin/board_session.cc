// open_board and its file lookup: see board_session.h.
#include "tools/tinytwin/board_session.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace tt::tools {
namespace {

namespace fs = std::filesystem;

// build/host/tools/tinytwin/tinytwin -> build/
fs::path build_root() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path().parent_path().parent_path().parent_path();
}

std::string first_existing(const char* env, const fs::path& fallback) {
  const char* e = std::getenv(env);
  if (e != nullptr && *e != '\0') return e;
  std::error_code ec;
  return fs::is_regular_file(fallback, ec) ? fallback.string() : "";
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
  sim::SimOptions s;
  s.firmware = o.firmware.empty()
                   ? first_existing("TT_FIRMWARE",
                                    root / "fw-mps2-an500" / "firmware" / "app" / "tinytwin_fw")
                   : o.firmware;
  if (s.firmware.empty()) {
    *error =
        "no board firmware found: build it with `cmake --preset fw-mps2-an500 && cmake --build "
        "--preset fw-mps2-an500` (./run.sh does), or give --firmware ELF";
    return nullptr;
  }
  if (o.plugin != "none") {
    s.plugin = o.plugin.empty() ? first_existing("TT_QEMU_PLUGIN",
                                                 root / "host" / "sim" / "libtt_icount_marker.so")
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
