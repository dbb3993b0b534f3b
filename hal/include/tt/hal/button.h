// Button: one push button (the board's user button, a GUI button, a key), read by polling so
// an app's main loop needs no interrupts or callbacks.
//
// Spec, per method:
//   name()          Defined: any time; a non-empty, static string.
//   is_pressed()    Defined: any time; the current state (debounced by the backend).
//   poll_event()    Defined: any time. The oldest edge not yet returned (kPressed, kReleased)
//                   or kNone. Edges come in the order they happened and alternate; at least
//                   kMinQueuedEvents are kept between polls; when more happen, the newest are
//                   dropped (and counted in dropped_events()) so the alternation holds. After
//                   the queue drains, the last edge returned agrees with is_pressed() unless
//                   edges were dropped or the state changed since; is_pressed() is the truth.
//   dropped_events()  Defined: any time; edges lost to a full queue since construction.
#pragma once

#include <cstdint>

namespace tt::hal {

enum class ButtonEvent : uint8_t {
  kNone = 0,
  kPressed,
  kReleased,
};

class Button {
 public:
  static constexpr int kMinQueuedEvents = 8;

  virtual const char* name() const = 0;
  virtual bool is_pressed() const = 0;
  virtual ButtonEvent poll_event() = 0;
  virtual uint32_t dropped_events() const = 0;

 protected:
  ~Button() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
