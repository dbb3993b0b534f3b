// ARMv7E-M SIMD32 ("DSP extension") operations used by the *_dsp kernels.
//
// With __ARM_FEATURE_DSP (Cortex-M4/M7/M33...) each function is one instruction. Everywhere
// else (the x86 host) it is exact portable C with the same wrap-around and lane semantics,
// so a *_dsp kernel computes bit-identical results on the host and on the MCU and can be
// tested against its *_ref twin in both places.
//
// Lanes: a 32-bit word holds two int16 lanes, "bottom" = bits 15..0, "top" = bits 31..16.
// Memory access: read_s32/write_s32 go through memcpy so unaligned addresses are legal;
// they compile to a single LDR/STR on the M7 (never LDRD/LDM, which fault when unaligned).
#pragma once

#include <cstdint>
#include <cstring>

#if defined(__ARM_FEATURE_DSP) && __ARM_FEATURE_DSP
#define TT_SIMD_NATIVE 1
#else
#define TT_SIMD_NATIVE 0
#endif

namespace tt::kernels::simd {

inline int32_t read_s32(const void* p) {
  int32_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

inline void write_s32(void* p, int32_t v) { std::memcpy(p, &v, sizeof v); }

namespace detail {
constexpr int32_t lo16(int32_t x) { return static_cast<int16_t>(static_cast<uint32_t>(x)); }
constexpr int32_t hi16(int32_t x) { return static_cast<int16_t>(static_cast<uint32_t>(x) >> 16); }
constexpr int32_t byte_s(int32_t x, int i) {
  return static_cast<int8_t>(static_cast<uint32_t>(x) >> (8 * i));
}
constexpr int32_t pack16(int32_t bottom, int32_t top) {
  return static_cast<int32_t>((static_cast<uint32_t>(bottom) & 0xFFFFu) |
                              (static_cast<uint32_t>(top) << 16));
}
constexpr int32_t wrap_add(int32_t a, int32_t b) {
  return static_cast<int32_t>(static_cast<uint32_t>(a) + static_cast<uint32_t>(b));
}
}  // namespace detail

// [bottom, top] as two int16 lanes of one word (bottom = bits 15..0).
constexpr int32_t pack16(int32_t bottom, int32_t top) { return detail::pack16(bottom, top); }

// The exact C model of each instruction. Always compiled: on the MCU the checks compare
// the real instructions against it.
namespace portable {

// acc + x * y with a 64-bit accumulator (SMLAL).
inline int64_t smlal(int64_t acc, int32_t x, int32_t y) { return acc + int64_t{x} * y; }

inline int32_t sxtb16(int32_t x) {
  return detail::pack16(detail::byte_s(x, 0), detail::byte_s(x, 2));
}
inline int32_t sxtb16_ror8(int32_t x) {
  return detail::pack16(detail::byte_s(x, 1), detail::byte_s(x, 3));
}
inline int32_t sxtab16(int32_t acc, int32_t x) {
  return detail::pack16(detail::lo16(acc) + detail::byte_s(x, 0),
                        detail::hi16(acc) + detail::byte_s(x, 2));
}
inline int32_t sxtab16_ror8(int32_t acc, int32_t x) {
  return detail::pack16(detail::lo16(acc) + detail::byte_s(x, 1),
                        detail::hi16(acc) + detail::byte_s(x, 3));
}
inline int32_t smlad(int32_t x, int32_t y, int32_t acc) {
  const int32_t p = detail::lo16(x) * detail::lo16(y);
  const int32_t q = detail::hi16(x) * detail::hi16(y);
  return detail::wrap_add(detail::wrap_add(acc, p), q);
}
inline int32_t smlabb(int32_t x, int32_t y, int32_t acc) {
  return detail::wrap_add(acc, detail::lo16(x) * detail::lo16(y));
}
inline int32_t smlabt(int32_t x, int32_t y, int32_t acc) {
  return detail::wrap_add(acc, detail::lo16(x) * detail::hi16(y));
}
inline int32_t smlatb(int32_t x, int32_t y, int32_t acc) {
  return detail::wrap_add(acc, detail::hi16(x) * detail::lo16(y));
}
inline int32_t smlatt(int32_t x, int32_t y, int32_t acc) {
  return detail::wrap_add(acc, detail::hi16(x) * detail::hi16(y));
}
template <int kShift>
inline int32_t pkhbt(int32_t x, int32_t y) {
  const uint32_t shifted = static_cast<uint32_t>(y) << kShift;
  return static_cast<int32_t>((static_cast<uint32_t>(x) & 0xFFFFu) | (shifted & 0xFFFF0000u));
}
template <int kShift>
inline int32_t pkhtb(int32_t x, int32_t y) {
  const uint32_t shifted = static_cast<uint32_t>(y >> kShift);
  return static_cast<int32_t>((static_cast<uint32_t>(x) & 0xFFFF0000u) | (shifted & 0xFFFFu));
}
inline int32_t sadd16(int32_t x, int32_t y) {
  return detail::pack16(detail::lo16(x) + detail::lo16(y), detail::hi16(x) + detail::hi16(y));
}
inline int32_t smax8(int32_t x, int32_t y) {
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) {
    const int32_t a = detail::byte_s(x, i), b = detail::byte_s(y, i);
    r |= (static_cast<uint32_t>(a >= b ? a : b) & 0xFFu) << (8 * i);
  }
  return static_cast<int32_t>(r);
}
template <int kBits>
inline int32_t ssat(int32_t x) {
  constexpr int32_t kMax = (int32_t{1} << (kBits - 1)) - 1;
  constexpr int32_t kMin = -kMax - 1;
  return x < kMin ? kMin : (x > kMax ? kMax : x);
}

}  // namespace portable

#if TT_SIMD_NATIVE

// acc + x * y with a 64-bit accumulator. Explicit because GCC falls back to a full 64x64
// multiply when it cannot prove both operands are sign-extended 32-bit values.
inline int64_t smlal(int64_t acc, int32_t x, int32_t y) {
  uint32_t lo = static_cast<uint32_t>(static_cast<uint64_t>(acc));
  uint32_t hi = static_cast<uint32_t>(static_cast<uint64_t>(acc) >> 32);
  __asm__("smlal %0, %1, %2, %3" : "+r"(lo), "+r"(hi) : "r"(x), "r"(y));
  return static_cast<int64_t>((uint64_t{hi} << 32) | lo);
}

// [sext(byte0), sext(byte2)]
inline int32_t sxtb16(int32_t x) {
  int32_t r;
  __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x));
  return r;
}
// [sext(byte1), sext(byte3)]
inline int32_t sxtb16_ror8(int32_t x) {
  int32_t r;
  __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
  return r;
}
// acc + [sext(byte0), sext(byte2)], each lane modulo 2^16
inline int32_t sxtab16(int32_t acc, int32_t x) {
  int32_t r;
  __asm__("sxtab16 %0, %1, %2" : "=r"(r) : "r"(acc), "r"(x));
  return r;
}
// acc + [sext(byte1), sext(byte3)], each lane modulo 2^16
inline int32_t sxtab16_ror8(int32_t acc, int32_t x) {
  int32_t r;
  __asm__("sxtab16 %0, %1, %2, ror #8" : "=r"(r) : "r"(acc), "r"(x));
  return r;
}
// acc + x.bottom*y.bottom + x.top*y.top, modulo 2^32
inline int32_t smlad(int32_t x, int32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlad %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
// acc + x.bottom*y.bottom (and the other three halves), modulo 2^32
inline int32_t smlabb(int32_t x, int32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlabb %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
inline int32_t smlabt(int32_t x, int32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlabt %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
inline int32_t smlatb(int32_t x, int32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlatb %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
inline int32_t smlatt(int32_t x, int32_t y, int32_t acc) {
  int32_t r;
  __asm__("smlatt %0, %1, %2, %3" : "=r"(r) : "r"(x), "r"(y), "r"(acc));
  return r;
}
// [bottom(x), top(y << shift)]  (PKHBT)
template <int kShift>
inline int32_t pkhbt(int32_t x, int32_t y) {
  int32_t r;
  __asm__("pkhbt %0, %1, %2, lsl %3" : "=r"(r) : "r"(x), "r"(y), "i"(kShift));
  return r;
}
// [bottom(y >> shift), top(x)]  (PKHTB, arithmetic shift)
template <int kShift>
inline int32_t pkhtb(int32_t x, int32_t y) {
  int32_t r;
  __asm__("pkhtb %0, %1, %2, asr %3" : "=r"(r) : "r"(x), "r"(y), "i"(kShift));
  return r;
}
// Lane-wise 16-bit add, modulo 2^16 per lane.
inline int32_t sadd16(int32_t x, int32_t y) {
  int32_t r;
  __asm__("sadd16 %0, %1, %2" : "=r"(r) : "r"(x), "r"(y));
  return r;
}
// Byte-wise signed maximum of four int8 lanes (SSUB8 sets GE per byte, SEL picks).
inline int32_t smax8(int32_t x, int32_t y) {
  int32_t r, t;
  __asm__("ssub8 %1, %2, %3\n\tsel %0, %2, %3" : "=r"(r), "=&r"(t) : "r"(x), "r"(y) : "cc");
  return r;
}
// Saturate to a signed kBits-bit range.
template <int kBits>
inline int32_t ssat(int32_t x) {
  int32_t r;
  __asm__("ssat %0, %1, %2" : "=r"(r) : "i"(kBits), "r"(x));
  return r;
}

#else

using portable::pkhbt;
using portable::pkhtb;
using portable::sadd16;
using portable::smax8;
using portable::smlabb;
using portable::smlabt;
using portable::smlad;
using portable::smlal;
using portable::smlatb;
using portable::smlatt;
using portable::ssat;
using portable::sxtab16;
using portable::sxtab16_ror8;
using portable::sxtb16;
using portable::sxtb16_ror8;

#endif

}  // namespace tt::kernels::simd
