// Checks of the arithmetic core (kernels/core): the SIMD32 instructions against their exact
// C model (meaningful on the MCU, where simd:: is the real instruction), requantization
// against an independently written 64-bit reference over the whole documented range, and
// the fixed-point exp/reciprocal/logistic against double precision.
#include <cmath>
#include <cstdint>

#include "kernels/core/crc32.h"
#include "kernels/core/fixed_point.h"
#include "kernels/core/requantize.h"
#include "kernels/core/simd.h"
#include "tests/kernels/checks/checks.h"
#include "tests/kernels/checks/rng.h"

namespace tt::tests {
namespace {

namespace simd = kernels::simd;

int32_t random_word(Rng& rng) {
  constexpr uint32_t kEdges[] = {0u,          0xFFFFFFFFu, 0x80000000u, 0x7FFFFFFFu,
                                 0x80008000u, 0x7FFF7FFFu, 0x80808080u, 0x7F7F7F7Fu};
  if (rng.chance(15)) return static_cast<int32_t>(kEdges[rng.uniform(0, 7)]);
  return static_cast<int32_t>(static_cast<uint32_t>(rng.next()));
}

// The requantization written a second, independent way: exact 64-bit arithmetic, the
// first rounding as TFLite writes it (nudge, truncating division), the second as a
// symmetric round-half-away-from-zero on magnitudes.
int32_t requantize_int64_reference(int32_t x, int32_t multiplier, int32_t shift) {
  int64_t v = x;
  if (shift > 0) {
    v *= int64_t{1} << shift;
    if (v > INT32_MAX) v = INT32_MAX;
    if (v < INT32_MIN) v = INT32_MIN;
  }
  const int64_t prod = v * multiplier;
  const int64_t nudge = prod >= 0 ? (int64_t{1} << 30) : 1 - (int64_t{1} << 30);
  const int64_t y = (prod + nudge) / (int64_t{1} << 31);
  if (shift >= 0) return static_cast<int32_t>(y);
  const int32_t e = -shift;
  const int64_t half = int64_t{1} << (e - 1);
  const int64_t mag = ((y >= 0 ? y : -y) + half) >> e;
  return static_cast<int32_t>(y >= 0 ? mag : -mag);
}

void check_requant_case(CheckReport& r, int32_t x, int32_t m, int32_t shift) {
  const int32_t expected = requantize_int64_reference(x, m, shift);
  const int32_t ref = kernels::multiply_by_quantized_multiplier(x, m, shift);
  const int32_t fused = kernels::fused_requant(x, kernels::make_fused_requant(m, shift));
  r.expect(ref == expected && fused == expected,
           "requantize(%ld, %ld, %ld): ref %ld, fused %ld, int64 reference %ld",
           static_cast<long>(x), static_cast<long>(m), static_cast<long>(shift),
           static_cast<long>(ref), static_cast<long>(fused), static_cast<long>(expected));
}

}  // namespace

void check_simd_ops(CheckReport& r) {
  Rng rng(0x51AD0001);
  for (int32_t i = 0; i < 4000; ++i) {
    const int32_t x = random_word(rng), y = random_word(rng), z = random_word(rng);
    namespace p = simd::portable;
    const bool ok = simd::sxtb16(x) == p::sxtb16(x) && simd::sxtb16_ror8(x) == p::sxtb16_ror8(x) &&
                    simd::sxtab16(x, y) == p::sxtab16(x, y) &&
                    simd::sxtab16_ror8(x, y) == p::sxtab16_ror8(x, y) &&
                    simd::smlad(x, y, z) == p::smlad(x, y, z) &&
                    simd::smlabb(x, y, z) == p::smlabb(x, y, z) &&
                    simd::smlabt(x, y, z) == p::smlabt(x, y, z) &&
                    simd::smlatb(x, y, z) == p::smlatb(x, y, z) &&
                    simd::smlatt(x, y, z) == p::smlatt(x, y, z) &&
                    simd::pkhbt<16>(x, y) == p::pkhbt<16>(x, y) &&
                    simd::pkhtb<16>(x, y) == p::pkhtb<16>(x, y) &&
                    simd::sadd16(x, y) == p::sadd16(x, y) && simd::smax8(x, y) == p::smax8(x, y) &&
                    simd::ssat<8>(x) == p::ssat<8>(x) && simd::ssat<16>(x) == p::ssat<16>(x);
    // The C model itself against first principles for the multiply-accumulate.
    const int64_t mac = int64_t{static_cast<int16_t>(x)} * static_cast<int16_t>(y) +
                        int64_t{static_cast<int16_t>(x >> 16)} * static_cast<int16_t>(y >> 16) + z;
    const bool model_ok = p::smlad(x, y, z) == static_cast<int32_t>(static_cast<uint32_t>(mac));
    r.expect(ok && model_ok, "SIMD op mismatch for x=%08lx y=%08lx z=%08lx",
             static_cast<unsigned long>(x), static_cast<unsigned long>(y),
             static_cast<unsigned long>(z));
  }
}

void check_requantize_extremes(CheckReport& r) {
  constexpr int32_t kXs[] = {INT32_MIN, INT32_MIN + 1, -(1 << 30),    -65536,   -3, -1, 0, 1, 2,
                             65535,     1 << 30,       INT32_MAX - 1, INT32_MAX};
  constexpr int32_t kMs[] = {0, 1 << 30, (1 << 30) + 1, 1518500250, INT32_MAX - 1, INT32_MAX};
  // Multipliers below 2^30 (MEAN's count-folded ones): the arithmetic is specified, and the
  // fused form proven, for every multiplier in [0, 2^31).
  constexpr int32_t kSmallMs[] = {1, 3, 12345, 1 << 29, (1 << 30) - 1};
  for (int32_t shift = kernels::kMinShift; shift <= kernels::kMaxShift; ++shift) {
    for (int32_t x : kXs) {
      for (int32_t m : kMs) check_requant_case(r, x, m, shift);
      for (int32_t m : kSmallMs) check_requant_case(r, x, m, shift);
    }
  }
  Rng rng(0x2E9A0002);
  for (int32_t i = 0; i < 20000; ++i) {
    const int32_t x = rng.chance(50) ? random_word(rng) : rng.uniform(-(1 << 20), 1 << 20);
    const int32_t m = rng.chance(75) ? rng.uniform(1 << 30, INT32_MAX)
                                     : rng.uniform(0, INT32_MAX) >> rng.uniform(0, 30);
    check_requant_case(r, x, m, rng.uniform(kernels::kMinShift, kernels::kMaxShift));
  }
  // Exact ties of the second rounding: y = k * 2^e +- 2^(e-1), reached with m = 2^30 (x/2).
  for (int32_t e = 1; e <= 20; ++e) {
    for (int32_t k = -3; k <= 3; ++k) {
      const int32_t y = k * (1 << e) + (1 << (e - 1));
      check_requant_case(r, 2 * y, 1 << 30, -e);
      check_requant_case(r, -2 * y, 1 << 30, -e);
    }
  }
}

void check_fixed_point(CheckReport& r) {
  namespace fx = kernels::fixed;
  // exp on [-32, 0] in Q5 input (SOFTMAX's format) and Q4 (LOGISTIC's).
  for (int32_t bits = 4; bits <= 5; ++bits) {
    int32_t previous = INT32_MAX;
    for (int32_t i = 0; i <= 4000; ++i) {
      const int32_t a = -static_cast<int32_t>((int64_t{INT32_MAX} * i) / 4000);
      const int32_t e = fx::exp_on_negative_values(a, bits);
      const double expected = std::exp(std::ldexp(a, bits - 31));
      const double got = std::ldexp(e, -31);
      r.expect(std::fabs(got - expected) < 2e-8 + 1e-6 * expected && e <= previous,
               "exp_on_negative_values(%ld, Q%ld) = %.9f, exp = %.9f", static_cast<long>(a),
               static_cast<long>(bits), got, expected);
      previous = e;
    }
  }
  r.expect(fx::exp_on_negative_values(0, 5) == INT32_MAX, "exp(0) must be the Q0 one");
  for (int32_t i = 0; i < 2000; ++i) {
    const int32_t a = static_cast<int32_t>((int64_t{INT32_MAX} * i) / 2000);
    const double x = std::ldexp(a, -31);
    const double got = std::ldexp(fx::one_over_one_plus_x_for_x_in_0_1(a), -31);
    r.expect(std::fabs(got - 1.0 / (1.0 + x)) < 1e-8, "1/(1+%.9f) = %.9f", x, got);
  }
  for (int32_t i = -2000; i <= 2000; ++i) {
    const int32_t a = static_cast<int32_t>((int64_t{INT32_MAX} * i) / 2000);  // Q4: +-16
    const double x = std::ldexp(a, 4 - 31);
    const double got = std::ldexp(fx::logistic(a, 4), -31);
    r.expect(std::fabs(got - 1.0 / (1.0 + std::exp(-x))) < 1e-7, "logistic(%.6f) = %.9f", x, got);
  }
}

void check_crc32(CheckReport& r) {
  const char* digits = "123456789";  // the standard check value of CRC-32/IEEE
  const uint32_t whole = kernels::crc32(0, digits, 9);
  r.expect(whole == 0xCBF43926u, "crc32(\"123456789\") = %08lx, expected cbf43926",
           static_cast<unsigned long>(whole));
  const uint32_t chained = kernels::crc32(kernels::crc32(0, digits, 4), digits + 4, 5);
  r.expect(chained == whole, "chained crc32 %08lx != %08lx", static_cast<unsigned long>(chained),
           static_cast<unsigned long>(whole));
  r.expect(kernels::crc32(0, digits, 0) == 0, "crc32 of nothing must be 0");
}

}  // namespace tt::tests
