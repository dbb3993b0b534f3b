// The host's end of the emulated board: starts the firmware under QEMU (QemuProcess), speaks
// hal/link to it and supervises it. A reader thread decodes everything the board sends:
// replies wake the request waiting for them; LCD regions update a host copy of the LCD;
// inference reports (with their per-layer ticks, CRC32s and, with the TCG plugin, exact
// instruction counts), keywords, app messages and logs queue up for the caller; bytes
// outside frames are the firmware's plain UART text (a fault report) and are kept as lines.
//
// Supervision: every wait has a deadline; the whole session has a wall-clock limit and each
// wait an idle limit (no byte from the board for that long). On a timeout, a crash or an
// unexpected exit the board is dead: QEMU is killed and reaped, and error() says what
// happened with the exit status and the last UART lines.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hal/link/frame_codec.h"
#include "hal/link/messages.h"
#include "sim/qemu_process.h"

namespace tt::sim {

struct SimOptions {
  std::string firmware;  // tinytwin_fw ELF
  std::string qemu = "qemu-system-arm";
  std::string plugin;                   // libtt_icount_marker.so; empty: no exact counts
  double wall_timeout_s = 1800;         // the whole session
  double idle_timeout_s = 60;           // a wait with no byte from the board
  std::vector<std::string> extra_args;  // more QEMU arguments
};

// One inference as the board reported it.
struct SimReport {
  link::Inference info;
  std::vector<uint64_t> op_ticks;  // board ticks per layer (see tick_meaning)
  std::vector<uint32_t> op_crc32;
  std::vector<uint64_t> op_instructions;      // exact, from the plugin; empty without it
  std::vector<std::vector<uint8_t>> outputs;  // run_plan only: the output tensors
};

struct SimEvent {
  enum Kind { kLcd, kReport, kKeyword, kMessage, kLog, kLed, kAppStatus, kDied } kind;
  std::string text;  // message, log line, app status message, death reason
  int value = 0;     // keyword index, LED rgb packed, app status
};

class SimBoard {
 public:
  static constexpr int kLcdWidth = 320;
  static constexpr int kLcdHeight = 240;

  explicit SimBoard(SimOptions options);
  ~SimBoard();  // asks the firmware to exit, then makes sure QEMU is gone
  SimBoard(const SimBoard&) = delete;
  SimBoard& operator=(const SimBoard&) = delete;

  // Starts QEMU and performs the Hello handshake.
  bool start();
  const std::string& error() const { return error_; }
  bool alive() const { return !dead_; }
  const link::HelloReply& info() const { return info_; }
  // Index of a linked model by name, -1 when the firmware has none by that name.
  int linked_model(const std::string& name) const;

  bool upload_plan(int slot, const std::vector<uint8_t>& plan);
  // Runs the plan in `slot` on input; waits for its report and outputs.
  bool run_plan(int slot, const std::vector<uint8_t>& input, SimReport* report);

  // Starts an app. message gets the app's start message (e.g. "no camera ...").
  bool start_app(const link::StartApp& request, std::string* message = nullptr);
  bool stop_app();

  // Camera: the format first, then frames (tightly packed rows).
  bool set_camera_format(uint8_t pixel_format, int width, int height);
  bool send_frame(const uint8_t* pixels, size_t bytes);
  bool send_camera_end();
  bool send_audio(const int16_t* samples, size_t count);
  bool send_audio_end();
  bool set_button(bool pressed);
  bool ping();
  // Test hook: raw bytes on the link (garbage the decoder must survive).
  bool send_raw(const uint8_t* data, size_t bytes);

  // The next report / keyword / message; false when none arrived within timeout_s or the
  // board died (error() says which).
  bool wait_report(SimReport* report, double timeout_s);
  bool wait_keyword(link::Keyword* keyword, double timeout_s);
  std::vector<std::string> take_messages();
  std::vector<link::Keyword> take_keywords();
  std::vector<SimReport> take_reports();

  // The LCD as the firmware drew it (RGB565, 320 x 240), and how many flushes so far.
  void copy_lcd(uint16_t* out, uint64_t* flushes = nullptr) const;
  uint64_t lcd_flushes() const;

  // Asks the firmware to exit and waits for QEMU's end; returns its exit code (-1: killed).
  int exit_board(double timeout_s = 10);
  // Last lines of plain UART text (outside frames) and of QEMU's stderr.
  std::vector<std::string> uart_lines() const;
  link::DecoderStats link_stats() const;

  // Called on the reader thread for every event (the GUI forwards them to its thread).
  void set_event_callback(std::function<void(const SimEvent&)> callback);

 private:
  struct Pending;
  bool send(link::MsgType type, const link::Span* pieces, int count, uint16_t* sequence);
  bool send(link::MsgType type, const void* payload, size_t bytes, uint16_t* sequence = nullptr);
  bool request(link::MsgType type, const void* payload, size_t bytes, link::Ack* ack);
  bool wait_ack(uint16_t sequence, link::Ack* ack);
  template <typename Ready>
  bool wait_for(double timeout_s, Ready ready, const char* what);
  // Waits until `queue` (guarded by mutex_) has an entry, then moves the oldest to *out.
  template <typename T>
  bool pop_when_ready(std::deque<T>& queue, T* out, double timeout_s, const char* what);
  void reader_loop();
  void on_frame(const link::Frame& f);
  void on_text(const uint8_t* data, size_t n);
  void die(const std::string& why);
  void notify(const SimEvent& e);  // calls the event callback (not "emit": Qt defines that)
  void attach_exact_counts(SimReport* r);

  SimOptions options_;
  QemuProcess qemu_;
  std::string plugin_out_;
  std::thread reader_;
  std::atomic<bool> stop_{false};

  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::mutex write_mutex_;
  uint16_t tx_sequence_ = 0;
  std::atomic<bool> dead_{false};
  std::string error_;
  link::HelloReply info_;
  bool have_hello_ = false;
  std::deque<link::Ack> acks_;
  std::deque<SimReport> reports_;
  std::unique_ptr<SimReport> building_;  // a report whose layers are still arriving
  std::deque<link::Keyword> keywords_;
  std::vector<std::string> messages_;
  std::vector<uint16_t> lcd_;
  uint64_t lcd_flushes_ = 0;
  std::deque<std::string> uart_lines_;
  std::string uart_partial_;
  link::DecoderStats stats_;
  std::chrono::steady_clock::time_point last_byte_;
  std::chrono::steady_clock::time_point deadline_;
  std::function<void(const SimEvent&)> callback_;
  std::vector<std::vector<uint8_t>> pending_outputs_;  // run_plan outputs before their report
  link::CameraFormat camera_format_;
  uint16_t frame_id_ = 0;
  FILE* marks_ = nullptr;
  std::vector<uint64_t> mark_counts_;
};

}  // namespace tt::sim
