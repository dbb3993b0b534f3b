// The application interface: what the firmware's main(), the GUI's worker thread, the
// `tinytwin demo` command and the tests drive, all in the same way:
//
//   app.start(board, models, listener);      // load the networks, draw the first screen
//   while (running) app.step(timeout_ms);    // poll inputs, infer when there is input, draw
//   app.stop();
//
// One source for the host and the firmware: no heap, no exceptions, no RTTI, no Qt. Every
// buffer an app needs is a member of the app object (the composition root decides where
// that object lives: a static in the firmware, a member of a worker on the host); models
// arrive as plans in ModelSlots whose memory the composition root owns.
//
// Expected failures are return values: a missing camera or microphone is AppStatus::kNoInput
// and the LCD says so (the app keeps serving the button and the other inputs); a model
// that does not fit the app is kModelError with a message naming what was wrong.
#pragma once

#include <cstdint>

#include "tt/hal/board.h"

namespace tt::apps {

enum class AppStatus : uint8_t {
  kOk = 0,      // step(): something happened (an inference, a redraw)
  kIdle,        // step(): no new input within the timeout
  kNoInput,     // the input device the app needs is missing (board pointer null / kNoDevice)
  kEndOfInput,  // a file-backed source ended (the app stays usable)
  kInputLost,   // the input device was lost (unplugged webcam, stalled link)
  kModelError,  // a plan failed to load, or its shapes do not fit the app
  kNotStarted,  // step() before a successful start()
};
const char* app_status_name(AppStatus s);

// A compiled model (.ttm plan) and the memory it runs in; both 4-byte aligned, both owned by
// the composition root and alive while the app runs. Two slots may share one arena (the
// networks of an app then run one after the other in the same memory).
struct ModelSlot {
  const void* plan = nullptr;
  uint32_t plan_bytes = 0;
  void* arena = nullptr;
  uint32_t arena_bytes = 0;
  const char* name = "";  // shown on the LCD and in reports, e.g. "mnist_cnn"
  // Optional: called before (begin) and after each layer. The firmware marks layer
  // boundaries there for the emulator's exact instruction counter (sim/plugin).
  void (*on_layer)(void* ctx, int32_t op, bool begin) = nullptr;
  void* on_layer_ctx = nullptr;
};

inline constexpr int32_t kMaxReportClasses = 16;
inline constexpr int32_t kMaxReportOps = 128;

// One inference, as an app reports it. Times are the board clock's ticks (see
// hal::Clock::tick_meaning(): nanoseconds on the host, instructions on the emulated board).
struct InferenceReport {
  const char* app = "";         // the reporting app's name()
  const char* model = "";       // ModelSlot::name
  int32_t network = 0;          // which of the app's networks (multinet: 0 kws, 1 image)
  uint32_t sequence = 0;        // counts this network's inferences since start()
  uint64_t started_ticks = 0;   // clock ticks when the input was complete
  uint64_t frontend_ticks = 0;  // MFCC / resize / quantize
  uint64_t inference_ticks = 0;
  int32_t class_count = 0;
  const char* const* labels = nullptr;  // class_count names
  int8_t scores[kMaxReportClasses] = {};
  float output_scale = 0.0f;  // the output tensor's quantization: p = scale * (q - zp)
  int32_t output_zero_point = 0;
  int32_t top = -1;      // best class
  int32_t op_count = 0;  // ops timed (the plan's ops, at most kMaxReportOps)
  uint64_t op_ticks[kMaxReportOps] = {};
  uint32_t op_crc32[kMaxReportOps] = {};  // CRC32 of each op's output, to compare machines
  uint32_t output_crc32 = 0;

  float probability(int32_t c) const {
    return output_scale * static_cast<float>(scores[c] - output_zero_point);
  }
};

// A keyword reported by the KWS detector (once per spoken word).
struct KeywordReport {
  int32_t keyword = -1;
  const char* label = "";
  int32_t score = 0;  // averaged posterior, 0..255
  uint64_t ticks = 0;
};

// Where an app's results go besides its LCD: the GUI, the demo's printer, the link to the
// host, a test. Called on the thread that runs step(), from inside step().
class AppListener {
 public:
  virtual void on_inference(const InferenceReport& report) = 0;
  virtual void on_keyword(const KeywordReport& keyword) = 0;
  // Status lines: "no camera: choose an image or video file", "classifier started", ...
  virtual void on_message(const char* text) = 0;

 protected:
  ~AppListener() = default;  // not virtual: see tt/hal/camera.h
};

class App {
 public:
  virtual const char* name() const = 0;
  // Loads the app's networks into the given slots (models[0..model_count-1], in the order
  // the app documents) and draws the first screen. Returns kModelError for a plan that does
  // not load or fit (the message says why); kNoInput when the needed device is missing
  // (the app is started anyway and says so on the LCD); kOk otherwise. listener may be null.
  virtual AppStatus start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                          AppListener* listener) = 0;
  // One turn of the main loop: waits at most timeout_ms for input and handles what came.
  virtual AppStatus step(uint32_t timeout_ms) = 0;
  // Stops the devices it started. start() may be called again afterwards.
  virtual void stop() = 0;
  // The last error or status message ("" when none); valid until the next call.
  virtual const char* message() const = 0;

 protected:
  ~App() = default;
};

}  // namespace tt::apps
