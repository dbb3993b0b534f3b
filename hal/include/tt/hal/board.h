// Board: the peripherals an app runs against, bundled so one pointer hands an app its whole
// world. The composition roots (firmware main(), the GUI, the CLI, tests) fill it in; apps
// depend on this header and never on a backend.
//
// A board may lack a device (a desktop without a webcam, the MPS2 without a microphone):
// that pointer is null and the app says so. clock and log are never null.
#pragma once

#include "tt/hal/button.h"
#include "tt/hal/camera.h"
#include "tt/hal/clock.h"
#include "tt/hal/display.h"
#include "tt/hal/led.h"
#include "tt/hal/log.h"
#include "tt/hal/microphone.h"

namespace tt::hal {

struct Board {
  const char* name = "";
  Camera* camera = nullptr;
  Microphone* microphone = nullptr;
  Display* display = nullptr;
  Button* button = nullptr;
  Led* led = nullptr;
  Clock* clock = nullptr;
  Log* log = nullptr;
};

}  // namespace tt::hal
