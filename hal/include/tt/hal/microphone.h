// Microphone: 16 kHz mono signed 16-bit audio in chunks (a desktop microphone, a WAV/FLAC
// file, a board's microphone bridged over the link, a scripted fake). Backends whose device
// refuses 16 kHz resample inside, so every app sees the rate the keyword models expect.
//
// Spec, per method:
//   name()              Defined: any time; a non-empty, static string.
//   sample_rate_hz()    Defined: any time; kSampleRateHz.
//   start()             Defined: on a stopped microphone: kOk (capture runs, the overrun
//                       count restarts at 0) or kNoDevice (it stays stopped). On a started
//                       one: kOk, nothing changes.
//   read()              Defined: while started, out != nullptr, max_samples >= 1,
//                       got != nullptr. Waits at most timeout_ms for at least one sample and
//                       returns kOk with 1..max_samples samples in out and their count in
//                       *got, in capture order with nothing repeated; or kTimeout,
//                       kDeviceLost or kEndOfStream with *got = 0. Samples captured before a
//                       loss or the end are delivered first; kDeviceLost and kEndOfStream are
//                       sticky until stop(). Never writes beyond out[max_samples - 1].
//                       Undefined: when stopped; null pointers; max_samples < 1.
//   overrun_samples()   Defined: any time; samples dropped since start() because they were
//                       not read in time (capture keeps running; the gap is not filled).
//   stop()              Defined: any time; stopping a stopped microphone does nothing. A file
//                       source starts again from its beginning on the next start().
#pragma once

#include <cstdint>

#include "tt/hal/hal_status.h"

namespace tt::hal {

class Microphone {
 public:
  static constexpr int kSampleRateHz = 16000;

  virtual const char* name() const = 0;
  virtual int sample_rate_hz() const = 0;
  virtual HalStatus start() = 0;
  virtual HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) = 0;
  virtual uint32_t overrun_samples() const = 0;
  virtual void stop() = 0;

 protected:
  ~Microphone() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
