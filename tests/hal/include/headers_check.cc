// Every HAL header compiles on its own and every interface can be implemented without a heap,
// exceptions or RTTI. Built in every preset, the firmware ones included (-fno-exceptions
// -fno-rtti for arm-none-eabi), so a header that drifts out of the freestanding subset fails
// the firmware build.
#include <type_traits>

#include "tt/hal/board.h"
#include "tt/hal/button.h"
#include "tt/hal/camera.h"
#include "tt/hal/clock.h"
#include "tt/hal/display.h"
#include "tt/hal/hal_status.h"
#include "tt/hal/led.h"
#include "tt/hal/log.h"
#include "tt/hal/microphone.h"
#include "tt/hal/surface.h"

namespace tt::tests::hal {
namespace {

using namespace tt::hal;

// Interfaces are deleted by nobody: no virtual destructor, so no operator delete in images.
static_assert(!std::has_virtual_destructor<Camera>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Microphone>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Display>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Button>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Led>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Clock>::value, "see camera.h");
static_assert(!std::has_virtual_destructor<Log>::value, "see camera.h");

static_assert(frame_bytes(FrameFormat{PixelFormat::kRgb565, 320, 240, 640}) == 153600, "");
static_assert(frame_bytes(FrameFormat{PixelFormat::kRgb888, 2, 2, 8}) == 14, "last row unpadded");
static_assert(intersect(Rect{-5, -5, 10, 10}, Rect{0, 0, 320, 240}) == Rect{0, 0, 5, 5}, "");
static_assert(intersect(Rect{0, 0, 1, 1}, Rect{5, 5, 1, 1}).empty(), "");
static_assert(bounding_union(Rect{1, 1, 2, 2}, Rect{5, 0, 1, 1}) == Rect{1, 0, 5, 3}, "");
static_assert(bounding_union(Rect{}, Rect{2, 3, 4, 5}) == Rect{2, 3, 4, 5}, "");
static_assert(hal_status_name(HalStatus::kEndOfStream)[0] == 'e', "");

// A do-nothing implementation of each interface, as small as a board backend's skeleton.
class NullClock final : public Clock {
 public:
  uint64_t ticks() const override { return 0; }
  uint64_t ticks_per_second() const override { return 1; }
  const char* tick_meaning() const override { return "nothing"; }
};

class NullLog final : public Log {
 public:
  void write_line(LogLevel, const char*) override {}
  LogLevel min_level() const override { return LogLevel::kError; }
};

}  // namespace

// Referenced so the compiler instantiates the vtables and the inline print().
int hal_headers_check() {
  static NullClock clock;
  static NullLog log;
  Board board;
  board.clock = &clock;
  board.log = &log;
  board.log->print(LogLevel::kInfo, "%s %d", board.clock->tick_meaning(), 1);
  return static_cast<int>(board.clock->ticks());
}

}  // namespace tt::tests::hal
