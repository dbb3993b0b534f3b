// BoardLink: see board_link.h.
#include "hal/board/board_link.h"

#include <cstring>

namespace tt::hal::board {

BoardLink::BoardLink(LinkPort& port) : port_(port), decoder_(rx_, sizeof rx_) {}

void BoardLink::add_sink(StreamSink* sink) {
  if (sink_count_ < kMaxSinks) sinks_[sink_count_++] = sink;
}

bool BoardLink::sinks_have_room() const {
  for (int i = 0; i < sink_count_; ++i) {
    if (!sinks_[i]->has_room()) return false;
  }
  return true;
}

void BoardLink::route(const link::Frame& frame) {
  for (int i = 0; i < sink_count_; ++i) {
    if (sinks_[i]->on_frame(frame)) return;
  }
  // Not a stream frame: keep it for the main loop.
  std::memcpy(control_payload_, frame.payload, frame.length);
  control_ = frame;
  control_.payload = control_payload_;
  has_control_ = true;
}

bool BoardLink::poll() {
  uint8_t byte;
  while (!has_control_ && sinks_have_room()) {
    // One byte at a time: bytes read past a control frame would have to be held somewhere,
    // and the UART delivers one byte at a time anyway.
    link::Frame frame;
    link::DecodeEvent e;
    if (decoder_.pending()) {
      e = decoder_.poll(&frame);  // held bytes first (after an error)
    } else if (port_.read(&byte, 1) == 1) {
      e = decoder_.push(byte, &frame);
    } else {
      break;
    }
    if (e == link::DecodeEvent::kFrame) route(frame);
  }
  return has_control_;
}

void BoardLink::send(link::MsgType type, const link::Span* pieces, int count) {
  link::write_frame(*this, static_cast<uint8_t>(type), tx_sequence_++, pieces, count);
}

void BoardLink::send(link::MsgType type, const void* payload, size_t bytes) {
  const link::Span s{payload, bytes};
  send(type, &s, 1);
}

void BoardLink::send_ack(const link::Frame& request, link::LinkStatus status, int32_t detail,
                         const char* text) {
  link::Ack ack;
  ack.sequence = request.sequence;
  ack.type = request.type;
  ack.status = status;
  ack.detail = detail;
  if (text) {
    std::strncpy(ack.text, text, sizeof ack.text - 1);
  }
  uint8_t buf[sizeof ack.text + 16];
  link::Writer w(buf, sizeof buf);
  ack.write(w);
  send(link::MsgType::kAck, buf, w.size());
}

}  // namespace tt::hal::board
