// The frame codec: table-driven CRCs, the encoder and the resynchronising decoder.
//
// The decoder keeps every byte of a candidate frame in its buffer until the frame is either
// delivered or rejected. A rejection drops only the candidate's first byte and re-parses the
// rest, so a frame hidden inside a rejected candidate (the next frame swallowed by a frame
// cut short) is still found. Parsing stops at the first event, so one push does at most one
// pass over the buffer; held bytes left after an event are parsed by the following pushes,
// so a frame found in them is delivered by a later push (one event per push), not at once.
#include "hal/link/frame_codec.h"

#include <cstring>

namespace tt::link {
namespace {

struct Crc16Table {
  uint16_t v[256];
};
struct Crc32Table {
  uint32_t v[256];
};

constexpr Crc16Table make_crc16_table() {
  Crc16Table t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i << 8;
    for (int k = 0; k < 8; ++k) c = (c & 0x8000u) ? (c << 1) ^ 0x1021u : c << 1;
    t.v[i] = static_cast<uint16_t>(c);
  }
  return t;
}

constexpr Crc32Table make_crc32_table() {
  Crc32Table t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1u) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    t.v[i] = c;
  }
  return t;
}

// constexpr so the tables live in flash on the MCU instead of being built at start-up.
constexpr Crc16Table kCrc16 = make_crc16_table();
constexpr Crc32Table kCrc32 = make_crc32_table();

constexpr size_t kOverheadBytes = kHeaderBytes + kTrailerBytes;

uint32_t crc32_byte(uint32_t inverted, uint8_t b) {
  return kCrc32.v[(inverted ^ b) & 0xFFu] ^ (inverted >> 8);
}

uint16_t load16(const uint8_t* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }

uint32_t load32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) |
         (static_cast<uint32_t>(p[2]) << 16) | (static_cast<uint32_t>(p[3]) << 24);
}

void store16(uint8_t* p, uint16_t v) {
  p[0] = static_cast<uint8_t>(v);
  p[1] = static_cast<uint8_t>(v >> 8);
}

void store32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

void make_header(uint8_t type, uint16_t sequence, size_t bytes, uint8_t* h) {
  std::memcpy(h, kSync, sizeof(kSync));
  h[4] = type;
  h[5] = 0;
  store16(h + 6, sequence);
  store16(h + 8, static_cast<uint16_t>(bytes));
  store16(h + 10, crc16_ccitt(0xFFFF, h + 4, 6));
}

// The sum is checked piece by piece so a huge piece cannot wrap it around.
bool valid_pieces(const Span* pieces, int piece_count, size_t* total) {
  if (piece_count < 0 || (piece_count > 0 && pieces == nullptr)) return false;
  size_t sum = 0;
  for (int i = 0; i < piece_count; ++i) {
    if (pieces[i].bytes > kMaxPayload - sum) return false;
    if (pieces[i].bytes > 0 && pieces[i].data == nullptr) return false;
    sum += pieces[i].bytes;
  }
  *total = sum;
  return true;
}

}  // namespace

uint16_t crc16_ccitt(uint16_t crc, const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  for (size_t i = 0; i < bytes; ++i) {
    crc = static_cast<uint16_t>((crc << 8) ^ kCrc16.v[((crc >> 8) ^ p[i]) & 0xFFu]);
  }
  return crc;
}

uint32_t crc32(uint32_t crc, const void* data, size_t bytes) {
  const uint8_t* p = static_cast<const uint8_t*>(data);
  uint32_t c = ~crc;
  for (size_t i = 0; i < bytes; ++i) c = crc32_byte(c, p[i]);
  return ~c;
}

bool write_frame(ByteSink& sink, uint8_t type, uint16_t sequence, const Span* pieces,
                 int piece_count) {
  size_t total = 0;
  if (type == 0 || !valid_pieces(pieces, piece_count, &total)) return false;
  uint8_t header[kHeaderBytes];
  make_header(type, sequence, total, header);
  sink.write(header, sizeof(header));
  uint32_t crc = 0;
  for (int i = 0; i < piece_count; ++i) {
    if (pieces[i].bytes == 0) continue;
    const uint8_t* p = static_cast<const uint8_t*>(pieces[i].data);
    crc = crc32(crc, p, pieces[i].bytes);
    sink.write(p, pieces[i].bytes);
  }
  uint8_t trailer[kTrailerBytes];
  store32(trailer, crc);
  sink.write(trailer, sizeof(trailer));
  return true;
}

size_t encode_frame(uint8_t type, uint16_t sequence, const void* payload, size_t bytes,
                    uint8_t* out, size_t out_capacity) {
  if (type == 0 || bytes > kMaxPayload || (bytes > 0 && payload == nullptr) || out == nullptr ||
      out_capacity < bytes + kOverheadBytes) {
    return 0;
  }
  make_header(type, sequence, bytes, out);
  if (bytes > 0) std::memmove(out + kHeaderBytes, payload, bytes);
  store32(out + kHeaderBytes + bytes, crc32(0, out + kHeaderBytes, bytes));
  return bytes + kOverheadBytes;
}

const char* decode_event_name(DecodeEvent e) {
  switch (e) {
    case DecodeEvent::kNone:
      return "none";
    case DecodeEvent::kFrame:
      return "frame";
    case DecodeEvent::kBadHeaderCrc:
      return "bad_header_crc";
    case DecodeEvent::kBadPayloadCrc:
      return "bad_payload_crc";
    case DecodeEvent::kTooLong:
      return "too_long";
  }
  return "unknown";
}

Decoder::Decoder(uint8_t* buffer, size_t capacity)
    : buf_(buffer), cap_(buffer == nullptr ? 0 : capacity) {}

size_t Decoder::max_payload() const {
  if (cap_ < kOverheadBytes) return 0;
  const size_t fits = cap_ - kOverheadBytes;
  return fits < kMaxPayload ? fits : kMaxPayload;
}

void Decoder::note_skipped(uint8_t byte) {
  ++stats_.skipped_bytes;
  if (skipped_count_ == kSkippedKept) {
    skipped_first_ = (skipped_first_ + 1) % kSkippedKept;
    --skipped_count_;
  }
  skipped_[(skipped_first_ + skipped_count_) % kSkippedKept] = byte;
  ++skipped_count_;
}

size_t Decoder::take_skipped(uint8_t* out, size_t capacity) {
  if (out == nullptr) return 0;
  size_t n = 0;
  for (; n < capacity && skipped_count_ > 0; ++n) {
    out[n] = skipped_[skipped_first_];
    skipped_first_ = (skipped_first_ + 1) % kSkippedKept;
    --skipped_count_;
  }
  return n;
}

void Decoder::reset() {
  for (size_t i = head_; i < have_; ++i) note_skipped(buf_[i]);
  have_ = head_ = pos_ = need_ = 0;
}

// The candidate's first byte cannot start a frame: it is skipped and everything after it
// is parsed again from the start state.
void Decoder::drop_candidate_start() {
  note_skipped(buf_[head_]);
  ++head_;
  pos_ = head_;
  need_ = 0;
}

DecodeEvent Decoder::step(Frame* frame) {
  const size_t at = pos_ - head_;  // offset of the byte in the candidate frame
  const uint8_t byte = buf_[pos_++];
  if (at < sizeof(kSync)) {
    if (byte != kSync[at]) drop_candidate_start();
    return DecodeEvent::kNone;
  }
  if (at < kHeaderBytes - 1) return DecodeEvent::kNone;
  const uint8_t* h = buf_ + head_;
  if (at == kHeaderBytes - 1) {
    // Type 0 is never sent, so a header carrying it is as corrupt as one failing its CRC.
    if (crc16_ccitt(0xFFFF, h + 4, 6) != load16(h + 10) || h[4] == 0) {
      ++stats_.bad_header_crc;
      drop_candidate_start();
      return DecodeEvent::kBadHeaderCrc;
    }
    const size_t length = load16(h + 8);
    if (length > max_payload()) {
      ++stats_.too_long;
      drop_candidate_start();
      return DecodeEvent::kTooLong;
    }
    need_ = length + kOverheadBytes;
    payload_crc_ = ~0u;
    return DecodeEvent::kNone;
  }
  const size_t length = need_ - kOverheadBytes;
  // The CRC runs as the payload arrives so no single push pays for a whole payload.
  if (at < kHeaderBytes + length) {
    payload_crc_ = crc32_byte(payload_crc_, byte);
    return DecodeEvent::kNone;
  }
  if (at + 1 < need_) return DecodeEvent::kNone;
  if (~payload_crc_ != load32(h + kHeaderBytes + length)) {
    ++stats_.bad_payload_crc;
    drop_candidate_start();
    return DecodeEvent::kBadPayloadCrc;
  }
  const uint16_t sequence = load16(h + 6);
  if (have_last_sequence_ && sequence != static_cast<uint16_t>(last_sequence_ + 1)) {
    ++stats_.sequence_gaps;
  }
  have_last_sequence_ = true;
  last_sequence_ = sequence;
  ++stats_.frames;
  if (frame != nullptr) {
    frame->type = h[4];
    frame->flags = h[5];
    frame->sequence = sequence;
    frame->payload = h + kHeaderBytes;
    frame->length = static_cast<uint16_t>(length);
  }
  // The frame's bytes stay in the buffer until the next push so the payload stays valid.
  head_ = pos_;
  need_ = 0;
  return DecodeEvent::kFrame;
}

DecodeEvent Decoder::push(uint8_t byte, Frame* frame) {
  if (cap_ < kOverheadBytes) {
    note_skipped(byte);
    return DecodeEvent::kNone;
  }
  if (head_ == have_) {
    have_ = head_ = pos_ = 0;
  } else if (have_ == cap_) {
    // Held bytes never fill the whole buffer (an event always frees at least one), so
    // moving the candidate to the front makes room.
    std::memmove(buf_, buf_ + head_, have_ - head_);
    have_ -= head_;
    pos_ -= head_;
    head_ = 0;
  }
  buf_[have_++] = byte;
  return poll(frame);
}

DecodeEvent Decoder::poll(Frame* frame) {
  while (pos_ < have_) {
    const DecodeEvent e = step(frame);
    if (e != DecodeEvent::kNone) return e;
  }
  return DecodeEvent::kNone;
}

}  // namespace tt::link
