// Little-endian field packing for link payloads. Both sides pack field by field instead of
// sending structs, so padding, alignment and endianness never leak into the protocol.
// A Reader that runs past the payload stays failed (ok() == false) and reads zeros, so a
// short or garbled payload can be checked once at the end instead of at every field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace tt::link {

class Writer {
 public:
  Writer(uint8_t* out, size_t capacity) : out_(out), cap_(capacity) {}

  void u8(uint8_t v) { put(&v, 1); }
  void u16(uint16_t v) { le(v, 2); }
  void u32(uint32_t v) { le(v, 4); }
  void u64(uint64_t v) { le(v, 8); }
  void i32(int32_t v) { u32(static_cast<uint32_t>(v)); }
  void f32(float v) {
    uint32_t bits;
    std::memcpy(&bits, &v, 4);
    u32(bits);
  }
  void bytes(const void* data, size_t n) { put(data, n); }
  // A string as u8 length + bytes (truncated to 255 and to what fits).
  void str(const char* s) {
    size_t n = s ? std::strlen(s) : 0;
    if (n > 255) n = 255;
    u8(static_cast<uint8_t>(n));
    put(s, n);
  }

  size_t size() const { return size_; }
  bool ok() const { return ok_; }

 private:
  void le(uint64_t v, int n) {
    uint8_t b[8];
    for (int i = 0; i < n; ++i) b[i] = static_cast<uint8_t>(v >> (8 * i));
    put(b, static_cast<size_t>(n));
  }
  void put(const void* data, size_t n) {
    if (!ok_ || n > cap_ - size_) {
      ok_ = false;
      return;
    }
    if (n) std::memcpy(out_ + size_, data, n);
    size_ += n;
  }

  uint8_t* out_;
  size_t cap_;
  size_t size_ = 0;
  bool ok_ = true;
};

class Reader {
 public:
  Reader(const uint8_t* data, size_t size) : data_(data), size_(size) {}

  uint8_t u8() { return static_cast<uint8_t>(le(1)); }
  uint16_t u16() { return static_cast<uint16_t>(le(2)); }
  uint32_t u32() { return static_cast<uint32_t>(le(4)); }
  uint64_t u64() { return le(8); }
  int32_t i32() { return static_cast<int32_t>(u32()); }
  float f32() {
    const uint32_t bits = u32();
    float v;
    std::memcpy(&v, &bits, 4);
    return v;
  }
  // Points at the next n bytes (nullptr and failed when fewer remain).
  const uint8_t* bytes(size_t n) {
    if (!ok_ || n > size_ - pos_) {
      ok_ = false;
      return nullptr;
    }
    const uint8_t* p = data_ + pos_;
    pos_ += n;
    return p;
  }
  // Copies a u8-length string into out (always terminated, truncated to fit).
  void str(char* out, size_t capacity) {
    const uint8_t n = u8();
    const uint8_t* p = bytes(n);
    size_t k = (p && capacity > 0) ? (n < capacity - 1 ? n : capacity - 1) : 0;
    if (k) std::memcpy(out, p, k);
    if (capacity > 0) out[k] = '\0';
  }
  size_t remaining() const { return ok_ ? size_ - pos_ : 0; }
  bool ok() const { return ok_; }

 private:
  uint64_t le(int n) {
    const uint8_t* p = bytes(static_cast<size_t>(n));
    uint64_t v = 0;
    if (p)
      for (int i = 0; i < n; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
    return v;
  }

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  bool ok_ = true;
};

}  // namespace tt::link
