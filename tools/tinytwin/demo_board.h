// `tinytwin demo --backend qemu`: the apps on the emulated Cortex-M7 board, fed over the link
// with the same inputs as the host demo (OpenCV's digits and photos, espeak-ng keywords),
// each input also run through the same app on the host to show that both agree.
#pragma once

#include <cstdint>
#include <string>

#include "tools/tinytwin/board_session.h"

namespace tt::tools {

// app: mnist_draw, cifar10_camera, kws or all; limit: inputs per app (<= 0: the default).
int demo_on_board(const std::string& app, int64_t limit, const BoardOptions& board);

}  // namespace tt::tools
