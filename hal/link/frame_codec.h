// The wire format between a board and the host: one codec, compiled into the firmware and
// into the host's sim/ supervisor, so both sides cannot disagree about a single byte.
//
// A frame on the wire (all integers little-endian):
//
//   offset  size  field
//   0       4     sync word A5 5A C3 3C
//   4       1     type         (message type, see messages.h; 0 is never sent)
//   5       1     flags        (reserved, 0)
//   6       2     sequence     (per direction, +1 per frame, wraps)
//   8       2     length       (payload bytes, <= the decoder's capacity and kMaxPayload)
//   10      2     header CRC   (CRC-16/CCITT-FALSE over bytes 4..9)
//   12      n     payload
//   12+n    4     payload CRC  (CRC-32/IEEE over the payload; zlib's crc32)
//
// Why a separate header CRC: a corrupted length must not make the decoder wait for a
// 64 KB payload that never comes; with the header checked first, a bad header costs one
// resynchronisation, not a lost stream. After any error the decoder rescans the bytes it
// already holds for the next sync word, so garbage between frames, bit flips and frames cut
// short lose only the damaged frame.
//
// Freestanding: no heap, no exceptions; the decoder works in a buffer its owner provides.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tt::link {

inline constexpr uint8_t kSync[4] = {0xA5, 0x5A, 0xC3, 0x3C};
inline constexpr size_t kHeaderBytes = 12;
inline constexpr size_t kTrailerBytes = 4;
inline constexpr size_t kMaxPayload = 8192;  // what any decoder must accept at least
inline constexpr size_t kMaxFrameBytes = kHeaderBytes + kMaxPayload + kTrailerBytes;

uint16_t crc16_ccitt(uint16_t crc, const void* data, size_t bytes);  // start with 0xFFFF
uint32_t crc32(uint32_t crc, const void* data, size_t bytes);        // start with 0

// One scatter-gather piece of a payload, so a sender can frame a struct and a pixel row
// without copying them together first.
struct Span {
  const void* data = nullptr;
  size_t bytes = 0;
};

// Where encoded bytes go (a UART, a pipe, a vector in tests). Must accept every byte.
class ByteSink {
 public:
  virtual void write(const uint8_t* data, size_t bytes) = 0;

 protected:
  ~ByteSink() = default;
};

// Writes one frame: header, the payload pieces in order, trailer. Returns false (and writes
// nothing) when type is 0 or the pieces add up to more than kMaxPayload.
bool write_frame(ByteSink& sink, uint8_t type, uint16_t sequence, const Span* pieces,
                 int piece_count);
inline bool write_frame(ByteSink& sink, uint8_t type, uint16_t sequence, const void* payload,
                        size_t bytes) {
  const Span s{payload, bytes};
  return write_frame(sink, type, sequence, &s, 1);
}

// Encodes into a buffer; returns the frame size, or 0 when it does not fit / is invalid.
size_t encode_frame(uint8_t type, uint16_t sequence, const void* payload, size_t bytes,
                    uint8_t* out, size_t out_capacity);

struct Frame {
  uint8_t type = 0;
  uint8_t flags = 0;
  uint16_t sequence = 0;
  const uint8_t* payload = nullptr;  // valid until the next call into the decoder
  uint16_t length = 0;
};

// What one decoder step produced. Errors are reported once each, then decoding goes on.
enum class DecodeEvent : uint8_t {
  kNone = 0,       // nothing complete yet
  kFrame,          // *frame holds a valid frame
  kBadHeaderCrc,   // a sync word followed by a corrupt header; resynchronising
  kBadPayloadCrc,  // a frame whose payload CRC did not match; dropped
  kTooLong,        // a valid header announcing more payload than the buffer holds; dropped
};
const char* decode_event_name(DecodeEvent e);

struct DecoderStats {
  uint32_t frames = 0;  // valid frames delivered
  uint32_t bad_header_crc = 0;
  uint32_t bad_payload_crc = 0;
  uint32_t too_long = 0;
  uint32_t skipped_bytes = 0;  // bytes that were not part of any valid frame
  uint32_t sequence_gaps = 0;  // valid frames whose sequence was not previous + 1
};

// Byte-at-a-time decoder over a caller-provided buffer of capacity >= kHeaderBytes +
// max payload + kTrailerBytes. Feeding the same bytes in any chunking gives the same frames.
class Decoder {
 public:
  Decoder(uint8_t* buffer, size_t capacity);

  // Feeds one byte. When it completes a frame, returns kFrame and fills *frame (payload
  // points into the buffer, valid until the next push). Errors are returned as events;
  // the decoder has already resynchronised when it returns.
  DecodeEvent push(uint8_t byte, Frame* frame);

  // After an event, bytes the decoder already holds may contain further frames (an error
  // makes it rescan what it held). poll() goes on through them without new input; call it
  // while pending(), so a frame is never left waiting for a byte that may not come.
  bool pending() const { return pos_ < have_; }
  DecodeEvent poll(Frame* frame);

  // Bytes that were skipped since the last call (not part of any valid frame), in order,
  // so a host can show text a firmware printed outside the framing (a fault report).
  // Returns how many were copied into out; the decoder keeps at most 256 pending bytes.
  size_t take_skipped(uint8_t* out, size_t capacity);

  const DecoderStats& stats() const { return stats_; }
  size_t max_payload() const;
  void reset();  // forget any partial frame (stats are kept)

 private:
  static constexpr size_t kSkippedKept = 256;

  DecodeEvent step(Frame* frame);
  void drop_candidate_start();
  void note_skipped(uint8_t byte);

  // The buffer holds [0, have_): the candidate frame starts at head_, bytes before pos_ have
  // been parsed, bytes in [pos_, have_) still wait to be parsed (held bytes re-fed after an
  // error, plus the byte just pushed).
  uint8_t* buf_;
  size_t cap_;
  size_t have_ = 0;
  size_t head_ = 0;
  size_t pos_ = 0;
  size_t need_ = 0;  // total bytes of the candidate frame once its header is checked
  uint32_t payload_crc_ = 0;
  bool have_last_sequence_ = false;
  uint16_t last_sequence_ = 0;
  uint8_t skipped_[kSkippedKept];
  size_t skipped_first_ = 0;  // ring buffer of the pending skipped bytes
  size_t skipped_count_ = 0;
  DecoderStats stats_;
};

}  // namespace tt::link
