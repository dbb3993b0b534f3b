// libFuzzer target: bytes -> two link Decoders, one with a 64-byte payload buffer and one
// with room for kMaxPayload. Every delivered frame must survive a round trip through
// encode_frame and a fresh decoder, every byte pushed must be accounted for (frame, skipped
// or still held), the stats must match the events, and take_skipped must hand back exactly
// the latest skipped bytes up to its 256-byte limit.
//
// Input: byte 0 picks how many bytes at the end are chunk sizes (0 to 7); the bytes between
// are the stream. After each chunk the skipped bytes are drained and the invariants checked;
// a chunk size of 0xFF also resets the decoder afterwards.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <memory>

#include "hal/link/frame_codec.h"

namespace {

using namespace tt::link;

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_link_decoder: %s\n", what);
    std::abort();
  }
}

// The frame encoded again and decoded by a fresh decoder gives the same frame back.
void check_round_trip(const Frame& f) {
  static uint8_t encoded[kMaxFrameBytes];
  static uint8_t buffer[kMaxFrameBytes];
  const size_t n = encode_frame(f.type, f.sequence, f.payload, f.length, encoded, sizeof(encoded));
  check(n == f.length + kHeaderBytes + kTrailerBytes, "a delivered frame does not re-encode");
  Decoder d(buffer, sizeof(buffer));
  Frame again;
  for (size_t i = 0; i + 1 < n; ++i) {
    check(d.push(encoded[i], &again) == DecodeEvent::kNone, "re-encoded frame ends early");
  }
  check(d.push(encoded[n - 1], &again) == DecodeEvent::kFrame, "re-encoded frame not decoded");
  check(again.type == f.type && again.sequence == f.sequence && again.length == f.length &&
            std::memcmp(again.payload, f.payload, f.length) == 0,
        "re-encoded frame decodes differently");
  check(d.stats().skipped_bytes == 0, "re-encoded frame skipped bytes");
}

class Checked {
 public:
  explicit Checked(size_t capacity)
      : capacity_(capacity), buffer_(new uint8_t[capacity]), decoder_(buffer_.get(), capacity) {}

  void push(uint8_t byte) {
    ++pushed_;
    Frame f;
    switch (decoder_.push(byte, &f)) {
      case DecodeEvent::kNone:
        return;
      case DecodeEvent::kFrame:
        check(f.type != 0 && f.length <= decoder_.max_payload(), "frame breaks the limits");
        check(f.payload >= buffer_.get() && f.payload + f.length <= buffer_.get() + capacity_,
              "payload outside the buffer");
        check_round_trip(f);
        ++frames_;
        frame_bytes_ += f.length + kHeaderBytes + kTrailerBytes;
        return;
      case DecodeEvent::kBadHeaderCrc:
        ++bad_header_;
        return;
      case DecodeEvent::kBadPayloadCrc:
        ++bad_payload_;
        return;
      case DecodeEvent::kTooLong:
        ++too_long_;
        return;
    }
    check(false, "unknown event");
  }

  void end_chunk(bool reset) {
    if (reset) decoder_.reset();
    const DecoderStats& s = decoder_.stats();
    check(s.frames == frames_ && s.bad_header_crc == bad_header_ &&
              s.bad_payload_crc == bad_payload_ && s.too_long == too_long_,
          "stats differ from the events");
    check(s.sequence_gaps <= (frames_ == 0 ? 0 : frames_ - 1), "more gaps than frames");
    check(s.skipped_bytes + frame_bytes_ <= pushed_, "more bytes accounted for than pushed");
    check(pushed_ - s.skipped_bytes - frame_bytes_ <= capacity_, "more bytes held than fit");
    if (reset) check(pushed_ == s.skipped_bytes + frame_bytes_, "reset kept bytes");
    // Taken in two parts, so a partial take must leave the rest in place.
    const uint64_t pending = s.skipped_bytes - skipped_taken_;
    uint8_t out[300];
    const size_t first = decoder_.take_skipped(out, pending % 7);
    const size_t rest = decoder_.take_skipped(out, sizeof(out));
    check(first + rest == (pending < 256 ? pending : 256), "take_skipped lost or kept bytes");
    check(decoder_.take_skipped(out, sizeof(out)) == 0, "take_skipped did not drain");
    skipped_taken_ = s.skipped_bytes;
  }

 private:
  size_t capacity_;
  std::unique_ptr<uint8_t[]> buffer_;
  Decoder decoder_;
  uint64_t pushed_ = 0, frame_bytes_ = 0, skipped_taken_ = 0;
  uint32_t frames_ = 0, bad_header_ = 0, bad_payload_ = 0, too_long_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const size_t size_count = (data[0] & 7u) < size - 1 ? (data[0] & 7u) : 0;
  const uint8_t* sizes = data + size - size_count;
  const uint8_t* stream = data + 1;
  const size_t stream_bytes = size - 1 - size_count;
  Checked small(64 + kHeaderBytes + kTrailerBytes), big(kMaxFrameBytes);
  for (Checked* c : {&small, &big}) {
    size_t at = 0;
    for (size_t chunk = 0; at < stream_bytes; ++chunk) {
      const uint8_t spec = size_count == 0 ? 0 : sizes[chunk % size_count];
      const size_t n = size_count == 0 ? stream_bytes : 1 + spec % 128;
      for (const size_t end = at + n < stream_bytes ? at + n : stream_bytes; at < end; ++at) {
        c->push(stream[at]);
      }
      c->end_chunk(spec == 0xFF);
    }
  }
  return 0;
}
