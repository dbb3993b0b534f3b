// The board's end of hal/link: decodes the bytes arriving on the port into frames, routes
// the input streams (camera rows, audio, button) to the link-bridged devices and holds one
// control frame (plans, app start/stop, runs, exit) for the firmware's main loop.
//
// Why one pending control frame and not a queue: control frames must be handled outside the
// app's step() (they can restart the app). While one is pending, poll() stops reading the
// port, so the next bytes wait in the UART (QEMU holds them; a board's RX ring buffers
// them) — back-pressure instead of a queue that could overflow. Likewise poll() stops when
// the microphone has no room for another audio chunk.
#pragma once

#include <cstddef>
#include <cstdint>

#include "hal/board/link_port.h"
#include "hal/link/frame_codec.h"
#include "hal/link/messages.h"

namespace tt::hal::board {

// Receives the input-stream frames (implemented by the link devices).
class StreamSink {
 public:
  // Whether the sink can take one more frame of its streams now.
  virtual bool has_room() const { return true; }
  // Returns true when it consumed the frame (it was one of its types).
  virtual bool on_frame(const link::Frame& frame) = 0;

 protected:
  ~StreamSink() = default;
};

class BoardLink : private link::ByteSink {
 public:
  static constexpr int kMaxSinks = 4;

  explicit BoardLink(LinkPort& port);

  LinkPort& port() { return port_; }
  void add_sink(StreamSink* sink);

  // Reads what the port has (while there is room and no control frame is pending) and
  // routes the frames. Returns true when a control frame is pending.
  bool poll();
  bool has_control() const { return has_control_; }
  const link::Frame& control() const { return control_; }
  void release_control() { has_control_ = false; }

  // Sends one frame; the sequence number is the link's own.
  void send(link::MsgType type, const link::Span* pieces, int count);
  void send(link::MsgType type, const void* payload, size_t bytes);
  void send_ack(const link::Frame& request, link::LinkStatus status, int32_t detail,
                const char* text);

  const link::DecoderStats& stats() const { return decoder_.stats(); }
  uint32_t dropped_stream_frames() const { return dropped_; }

 private:
  void write(const uint8_t* data, size_t bytes) override { port_.write(data, bytes); }
  bool sinks_have_room() const;
  void route(const link::Frame& frame);

  LinkPort& port_;
  uint8_t rx_[link::kMaxFrameBytes];
  link::Decoder decoder_;
  uint8_t control_payload_[link::kMaxPayload];
  link::Frame control_;
  bool has_control_ = false;
  StreamSink* sinks_[kMaxSinks] = {};
  int sink_count_ = 0;
  uint16_t tx_sequence_ = 0;
  uint32_t dropped_ = 0;
};

// Waits on the link: polls until done() or a control frame is pending or timeout_ms of board
// time passed. Returns true when done() became true.
template <typename Done>
bool wait_on_link(BoardLink& link, uint32_t timeout_ms, Done done) {
  LinkPort& port = link.port();
  const uint64_t start = port.ticks();
  const uint64_t limit = port.ticks_per_second() / 1000u * timeout_ms;
  for (;;) {
    const bool control = link.poll();
    if (done()) return true;
    if (control || port.ticks() - start >= limit) return false;
    port.idle();
  }
}

}  // namespace tt::hal::board
