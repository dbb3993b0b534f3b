// The wire codec: CRC check values, the byte layout pinned by a frame computed independently,
// the encoder's refusals, and the decoder's promise that damage (garbage, bit flips, frames
// cut short, oversized headers) costs only the damaged frame while every other byte is
// accounted for as either part of a frame or skipped.
#include "hal/link/frame_codec.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <vector>

namespace tt::tests::link {
namespace {

using namespace tt::link;
using Bytes = std::vector<uint8_t>;

class VectorSink final : public ByteSink {
 public:
  void write(const uint8_t* data, size_t bytes) override {
    out.insert(out.end(), data, data + bytes);
  }
  Bytes out;
};

struct Decoded {
  uint8_t type = 0;
  uint8_t flags = 0;
  uint16_t sequence = 0;
  Bytes payload;
  bool operator==(const Decoded& o) const {
    return type == o.type && flags == o.flags && sequence == o.sequence && payload == o.payload;
  }
};

Bytes encode(const Decoded& f) {
  Bytes out(kMaxFrameBytes);
  const size_t n =
      encode_frame(f.type, f.sequence, f.payload.data(), f.payload.size(), out.data(), out.size());
  EXPECT_EQ(n, f.payload.size() + kHeaderBytes + kTrailerBytes);
  out.resize(n);
  return out;
}

void append(Bytes* to, const Bytes& from) { to->insert(to->end(), from.begin(), from.end()); }

// Random bytes that never contain the sync word, so a damaged frame cannot hide another.
Bytes random_bytes(std::mt19937& rng, size_t n) {
  Bytes b(n);
  for (size_t i = 0; i < n; ++i) {
    b[i] = static_cast<uint8_t>(rng());
    if (i >= 3 && std::equal(kSync, kSync + 4, b.begin() + (i - 3))) b[i] ^= 1;
  }
  return b;
}

Decoded random_frame(std::mt19937& rng, uint16_t sequence, size_t length) {
  Decoded f;
  f.type = static_cast<uint8_t>(1 + rng() % 255);
  f.sequence = sequence;
  f.payload = random_bytes(rng, length);
  return f;
}

// A decoder over an exactly sized buffer that records everything it reports.
class Harness {
 public:
  explicit Harness(size_t capacity = kMaxFrameBytes)
      : buffer_(capacity), decoder(buffer_.data(), capacity) {}

  // Feeds in chunks of 1..max_chunk bytes, collecting the skipped bytes after each chunk.
  void feed(const Bytes& bytes, std::mt19937* rng = nullptr, size_t max_chunk = 64) {
    size_t at = 0;
    while (at < bytes.size()) {
      const size_t chunk = rng == nullptr ? 1 : 1 + (*rng)() % max_chunk;
      const uint32_t skipped_before = decoder.stats().skipped_bytes;
      for (const size_t end = std::min(bytes.size(), at + chunk); at < end; ++at) {
        Frame f;
        const DecodeEvent e = decoder.push(bytes[at], &f);
        if (e == DecodeEvent::kFrame) {
          frames.push_back({f.type, f.flags, f.sequence, Bytes(f.payload, f.payload + f.length)});
        } else if (e != DecodeEvent::kNone) {
          errors.push_back(e);
        }
      }
      // More than 256 would have dropped some and made `skipped` incomplete.
      ASSERT_LE(decoder.stats().skipped_bytes - skipped_before, 256u);
      uint8_t out[300];
      const size_t n = decoder.take_skipped(out, sizeof(out));
      skipped.insert(skipped.end(), out, out + n);
    }
  }

 private:
  Bytes buffer_;

 public:
  Decoder decoder;
  std::vector<Decoded> frames;
  std::vector<DecodeEvent> errors;
  Bytes skipped;
};

TEST(Crc, CheckValues) {
  const char* digits = "123456789";
  EXPECT_EQ(crc32(0, digits, 9), 0xCBF43926u);
  EXPECT_EQ(crc16_ccitt(0xFFFF, digits, 9), 0x29B1);
  // Chained calls equal one call, as with zlib.
  EXPECT_EQ(crc32(crc32(0, digits, 4), digits + 4, 5), 0xCBF43926u);
  EXPECT_EQ(crc16_ccitt(crc16_ccitt(0xFFFF, digits, 2), digits + 2, 7), 0x29B1);
  EXPECT_EQ(crc32(0, nullptr, 0), 0u);
  EXPECT_EQ(crc16_ccitt(0xFFFF, nullptr, 0), 0xFFFF);
}

TEST(Encode, MatchesTheDocumentedLayout) {
  // Computed with Python's binascii.crc_hqx(header, 0xFFFF) and zlib.crc32.
  const Bytes expected = {0xA5, 0x5A, 0xC3, 0x3C, 0x07, 0x00, 0x34, 0x12, 0x04, 0x00,
                          0x8E, 0xC1, 0x01, 0x02, 0x03, 0xA5, 0xB3, 0x68, 0xED, 0x17};
  const uint8_t payload[] = {1, 2, 3, 0xA5};
  uint8_t out[32];
  ASSERT_EQ(encode_frame(7, 0x1234, payload, sizeof(payload), out, sizeof(out)), expected.size());
  EXPECT_EQ(Bytes(out, out + expected.size()), expected);
  // The exact size fits; one byte less does not.
  EXPECT_EQ(encode_frame(7, 0x1234, payload, 4, out, 20), 20u);
  EXPECT_EQ(encode_frame(7, 0x1234, payload, 4, out, 19), 0u);
}

TEST(Encode, RefusesTypeZeroAndOversize) {
  Bytes out(kMaxFrameBytes + 16);
  const Bytes payload(kMaxPayload + 1, 0x11);
  EXPECT_EQ(encode_frame(0, 1, payload.data(), 3, out.data(), out.size()), 0u);
  EXPECT_EQ(encode_frame(1, 1, payload.data(), kMaxPayload + 1, out.data(), out.size()), 0u);
  EXPECT_EQ(encode_frame(1, 1, payload.data(), kMaxPayload, out.data(), out.size()),
            kMaxFrameBytes);
  EXPECT_EQ(encode_frame(1, 1, nullptr, 0, out.data(), out.size()), 16u);
}

TEST(WriteFrame, PiecesEqualEncodeOfTheConcatenation) {
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::vector<Bytes> parts(rng() % 6);
    std::vector<Span> spans;
    Bytes all;
    for (Bytes& p : parts) {
      p = random_bytes(rng, rng() % 4 == 0 ? 0 : rng() % 300);
      spans.push_back({p.empty() ? nullptr : p.data(), p.size()});
      append(&all, p);
    }
    const Decoded whole{static_cast<uint8_t>(1 + rng() % 255), 0, static_cast<uint16_t>(rng()),
                        all};
    VectorSink sink;
    ASSERT_TRUE(write_frame(sink, whole.type, whole.sequence, spans.data(),
                            static_cast<int>(spans.size())));
    EXPECT_EQ(sink.out, encode(whole));
  }
  VectorSink sink;
  const uint8_t b[] = {9, 8};
  ASSERT_TRUE(write_frame(sink, 3, 4, b, sizeof(b)));
  EXPECT_EQ(sink.out, encode({3, 0, 4, Bytes{9, 8}}));
}

TEST(WriteFrame, RefusesTypeZeroAndOversizeWithoutWriting) {
  const Bytes big(5000, 0x22);
  const Span two[] = {{big.data(), big.size()}, {big.data(), big.size()}};
  const Span exact[] = {{big.data(), big.size()}, {big.data(), kMaxPayload - big.size()}};
  const Span huge[] = {{big.data(), big.size()}, {big.data(), ~size_t{0}}};
  VectorSink sink;
  EXPECT_FALSE(write_frame(sink, 0, 1, big.data(), 10));
  EXPECT_FALSE(write_frame(sink, 1, 1, two, 2));
  EXPECT_FALSE(write_frame(sink, 1, 1, huge, 2));
  EXPECT_FALSE(write_frame(sink, 1, 1, big.data(), kMaxPayload + 1));
  EXPECT_TRUE(sink.out.empty());
  EXPECT_TRUE(write_frame(sink, 1, 1, exact, 2));
  EXPECT_EQ(sink.out.size(), kMaxFrameBytes);
}

TEST(Decoder, EventNames) {
  EXPECT_STREQ(decode_event_name(DecodeEvent::kNone), "none");
  EXPECT_STREQ(decode_event_name(DecodeEvent::kFrame), "frame");
  EXPECT_STREQ(decode_event_name(DecodeEvent::kBadHeaderCrc), "bad_header_crc");
  EXPECT_STREQ(decode_event_name(DecodeEvent::kBadPayloadCrc), "bad_payload_crc");
  EXPECT_STREQ(decode_event_name(DecodeEvent::kTooLong), "too_long");
}

TEST(Decoder, MaxPayloadFollowsTheBuffer) {
  uint8_t small[80];
  EXPECT_EQ(Decoder(small, sizeof(small)).max_payload(), 64u);
  Bytes big(kMaxFrameBytes + 1000);
  EXPECT_EQ(Decoder(big.data(), big.size()).max_payload(), kMaxPayload);
  EXPECT_EQ(Decoder(small, 10).max_payload(), 0u);
}

TEST(Decoder, RoundTripInRandomChunks) {
  std::mt19937 rng(1);
  std::vector<Decoded> sent;
  Bytes stream;
  for (int i = 0; i < 300; ++i) {
    const uint32_t pick = rng() % 10;
    const size_t length = pick == 0   ? 0
                          : pick == 1 ? kMaxPayload
                          : pick < 4  ? rng() % (kMaxPayload + 1)
                                      : rng() % 200;
    sent.push_back(random_frame(rng, static_cast<uint16_t>(i), length));
    append(&stream, encode(sent.back()));
  }
  Harness h;
  h.feed(stream, &rng, 5000);
  EXPECT_EQ(h.frames, sent);
  EXPECT_TRUE(h.errors.empty());
  EXPECT_TRUE(h.skipped.empty());
  EXPECT_EQ(h.decoder.stats().frames, sent.size());
  EXPECT_EQ(h.decoder.stats().skipped_bytes, 0u);
  EXPECT_EQ(h.decoder.stats().sequence_gaps, 0u);
}

// Garbage that looks like the start of a frame: sync bytes alone and sync prefixes of one to
// three bytes, among random bytes; never the whole sync word.
Bytes tricky_garbage(std::mt19937& rng) {
  Bytes g;
  const size_t n = rng() % 40;
  while (g.size() < n) {
    switch (rng() % 4) {
      case 0:
        g.insert(g.end(), kSync, kSync + 1 + rng() % 3);
        break;
      case 1:
        g.push_back(kSync[rng() % 4]);
        break;
      default:
        g.push_back(static_cast<uint8_t>(rng()));
    }
    for (size_t i = 0; i + 4 <= g.size(); ++i) {
      if (std::equal(kSync, kSync + 4, g.begin() + i)) g[i + 3] ^= 0x80;
    }
  }
  return g;
}

TEST(Decoder, GarbageBetweenFramesIsSkippedExactly) {
  std::mt19937 rng(2);
  std::vector<Decoded> sent;
  Bytes stream, garbage;
  for (int i = 0; i < 400; ++i) {
    const Bytes g = tricky_garbage(rng);
    append(&stream, g);
    append(&garbage, g);
    sent.push_back(random_frame(rng, static_cast<uint16_t>(i), rng() % 100));
    append(&stream, encode(sent.back()));
  }
  Harness h;
  h.feed(stream, &rng);
  EXPECT_EQ(h.frames, sent);
  EXPECT_TRUE(h.errors.empty());
  EXPECT_EQ(h.skipped, garbage);
  EXPECT_EQ(h.decoder.stats().skipped_bytes, garbage.size());
}

// A damaged frame between two good ones: the good ones arrive, the damaged one's bytes are
// all skipped, and the missing sequence number is counted as a gap.
void expect_only_damaged_lost(const Bytes& damaged, DecodeEvent expected, size_t capacity) {
  std::mt19937 rng(3);
  const Decoded before = random_frame(rng, 10, 30), after = random_frame(rng, 12, 30);
  Bytes stream = encode(before);
  append(&stream, damaged);
  append(&stream, encode(after));
  Harness h(capacity);
  h.feed(stream);
  EXPECT_EQ(h.frames, (std::vector<Decoded>{before, after}));
  if (expected == DecodeEvent::kNone) {
    EXPECT_TRUE(h.errors.empty());
  } else {
    EXPECT_EQ(h.errors, std::vector<DecodeEvent>{expected});
  }
  EXPECT_EQ(h.skipped, damaged);
  EXPECT_EQ(h.decoder.stats().sequence_gaps, 1u);
}

TEST(Decoder, SingleBitFlipLosesOnlyThatFrame) {
  std::mt19937 rng(4);
  const Bytes good = encode(random_frame(rng, 11, 24));
  for (size_t bit = 0; bit < good.size() * 8; ++bit) {
    SCOPED_TRACE(bit);
    Bytes damaged = good;
    damaged[bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
    const size_t at = bit / 8;
    const DecodeEvent e = at < 4              ? DecodeEvent::kNone
                          : at < kHeaderBytes ? DecodeEvent::kBadHeaderCrc
                                              : DecodeEvent::kBadPayloadCrc;
    expect_only_damaged_lost(damaged, e, kMaxFrameBytes);
  }
}

TEST(Decoder, TypeZeroIsACorruptHeader) {
  Bytes f = encode({5, 0, 11, Bytes{1, 2, 3}});
  f[4] = 0;
  const uint16_t crc = crc16_ccitt(0xFFFF, f.data() + 4, 6);
  f[10] = static_cast<uint8_t>(crc);
  f[11] = static_cast<uint8_t>(crc >> 8);
  expect_only_damaged_lost(f, DecodeEvent::kBadHeaderCrc, kMaxFrameBytes);
}

// A frame cut at every length, followed by good frames: the cut frame's bytes are skipped,
// the rest all arrive, including the one its announced length swallowed.
void check_truncation(size_t cut_length, size_t capacity) {
  std::mt19937 rng(5);
  const Bytes cut = encode(random_frame(rng, 99, cut_length));
  std::vector<Decoded> rest;
  Bytes tail;
  for (int i = 0; i < 12; ++i) {
    rest.push_back(random_frame(rng, static_cast<uint16_t>(100 + i), 5 + rng() % 20));
    append(&tail, encode(rest.back()));
  }
  for (size_t k = 1; k < cut.size(); ++k) {
    SCOPED_TRACE(k);
    Bytes stream(cut.begin(), cut.begin() + k);
    append(&stream, tail);
    Harness h(capacity);
    h.feed(stream);
    EXPECT_EQ(h.frames, rest);
    EXPECT_EQ(h.skipped, Bytes(cut.begin(), cut.begin() + k));
    if (k < 4) {
      EXPECT_TRUE(h.errors.empty());
    } else {
      EXPECT_EQ(h.errors.size(), 1u);
    }
  }
}

TEST(Decoder, TruncatedFrameLosesOnlyItself) {
  check_truncation(40, kMaxFrameBytes);
  check_truncation(150, kMaxFrameBytes);
  // With a small buffer the long cut frame is rejected at its header instead.
  check_truncation(150, 64 + 16);
}

TEST(Decoder, TooLongHeaderIsReportedOnceThenShortFramesDecode) {
  std::mt19937 rng(6);
  const Bytes too_long = encode(random_frame(rng, 1, 65));
  const Decoded fits = random_frame(rng, 2, 64), empty = random_frame(rng, 3, 0);
  Bytes stream = too_long;
  append(&stream, encode(fits));
  append(&stream, encode(empty));
  Harness h(64 + 16);
  h.feed(stream, &rng);
  EXPECT_EQ(h.frames, (std::vector<Decoded>{fits, empty}));
  EXPECT_EQ(h.errors, std::vector<DecodeEvent>{DecodeEvent::kTooLong});
  EXPECT_EQ(h.skipped, too_long);
  EXPECT_EQ(h.decoder.stats().too_long, 1u);
  EXPECT_EQ(h.decoder.stats().frames, 2u);
}

TEST(Decoder, HeaderAnnouncingMoreThanMaxPayloadIsTooLong) {
  // A header no encoder can produce: a valid CRC over a length beyond kMaxPayload.
  Bytes bogus(kSync, kSync + 4);
  const uint8_t fields[] = {1, 0, 0, 0, 0x01, 0x20};  // length 0x2001
  bogus.insert(bogus.end(), fields, fields + 6);
  const uint16_t crc = crc16_ccitt(0xFFFF, fields, 6);
  bogus.push_back(static_cast<uint8_t>(crc));
  bogus.push_back(static_cast<uint8_t>(crc >> 8));
  expect_only_damaged_lost(bogus, DecodeEvent::kTooLong, kMaxFrameBytes + 4096);
}

TEST(Decoder, SmallBufferDecodesFramesThatFitExactly) {
  std::mt19937 rng(7);
  std::vector<Decoded> sent;
  Bytes stream;
  for (int i = 0; i < 50; ++i) {
    sent.push_back(random_frame(rng, static_cast<uint16_t>(i), i % 2 == 0 ? 64 : rng() % 64));
    append(&stream, encode(sent.back()));
  }
  Harness h(64 + 16);
  h.feed(stream, &rng);
  EXPECT_EQ(h.frames, sent);
  EXPECT_TRUE(h.errors.empty());
}

TEST(Decoder, CountsSequenceGaps) {
  const uint16_t sequences[] = {5, 6, 7, 9, 10, 10, 0xFFFF, 0, 1};
  Bytes stream;
  for (uint16_t s : sequences) append(&stream, encode({1, 0, s, Bytes{}}));
  Harness h;
  h.feed(stream);
  ASSERT_EQ(h.frames.size(), 9u);
  // 7 -> 9, 10 -> 10 and 10 -> 0xFFFF; the wrap 0xFFFF -> 0 is no gap, nor the first frame.
  EXPECT_EQ(h.decoder.stats().sequence_gaps, 3u);
}

TEST(Decoder, KeepsTheLatest256SkippedBytesInOrder) {
  uint8_t buffer[kMaxFrameBytes];
  Decoder d(buffer, sizeof(buffer));
  for (int i = 0; i < 1000; ++i) d.push(static_cast<uint8_t>(i % 150), nullptr);
  EXPECT_EQ(d.stats().skipped_bytes, 1000u);
  uint8_t out[300];
  ASSERT_EQ(d.take_skipped(out, 10), 10u);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(out[i], (744 + i) % 150);
  ASSERT_EQ(d.take_skipped(out, sizeof(out)), 246u);
  for (int i = 0; i < 246; ++i) EXPECT_EQ(out[i], (754 + i) % 150);
  EXPECT_EQ(d.take_skipped(out, sizeof(out)), 0u);
}

TEST(Decoder, ResetForgetsThePartialFrameAndKeepsStats) {
  std::mt19937 rng(8);
  const Bytes first = encode(random_frame(rng, 1, 10));
  const Bytes partial = encode(random_frame(rng, 2, 50));
  const Decoded last = random_frame(rng, 3, 20);
  Harness h;
  h.feed(first);
  h.feed(Bytes(partial.begin(), partial.begin() + 30));
  h.decoder.reset();
  h.feed(encode(last));
  ASSERT_EQ(h.frames.size(), 2u);
  EXPECT_EQ(h.frames[1], last);
  EXPECT_EQ(h.decoder.stats().frames, 2u);
  EXPECT_EQ(h.decoder.stats().skipped_bytes, 30u);
  EXPECT_EQ(h.skipped, Bytes(partial.begin(), partial.begin() + 30));
}

TEST(Decoder, ABufferTooSmallForAHeaderSkipsEverything) {
  uint8_t buffer[8];
  Decoder d(buffer, sizeof(buffer));
  const Bytes f = encode({1, 0, 0, Bytes{}});
  for (uint8_t b : f) EXPECT_EQ(d.push(b, nullptr), DecodeEvent::kNone);
  EXPECT_EQ(d.stats().skipped_bytes, f.size());
}

}  // namespace
}  // namespace tt::tests::link
