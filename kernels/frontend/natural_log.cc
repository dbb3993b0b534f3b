#include "kernels/frontend/natural_log.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace tt::kernels::frontend {
namespace {

constexpr double kLn2 = 0.69314718055994530942;

// 2 atanh(s) / s = 2 (1 + s^2/3 + s^4/5 + ...). With |s| <= 0.1716 (s^2 <= 0.0295) the
// first omitted term, s^18 / 19, is below 1e-15 of the sum.
double log_mantissa(double m) {
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 17.0;
  p = p * s2 + 1.0 / 15.0;
  p = p * s2 + 1.0 / 13.0;
  p = p * s2 + 1.0 / 11.0;
  p = p * s2 + 1.0 / 9.0;
  p = p * s2 + 1.0 / 7.0;
  p = p * s2 + 1.0 / 5.0;
  p = p * s2 + 1.0 / 3.0;
  p = p * s2 + 1.0;
  return 2.0 * s * p;
}

}  // namespace

float natural_log(float x) {
  if (!(x > 0.0f)) {
    return x == 0.0f ? -std::numeric_limits<float>::infinity()
                     : std::numeric_limits<float>::quiet_NaN();
  }
  if (x == std::numeric_limits<float>::infinity()) return x;
  int exponent = 0;
  if (x < std::numeric_limits<float>::min()) {  // subnormal: scale into the normal range
    x *= 8388608.0f;                            // 2^23, exact
    exponent = -23;
  }
  uint32_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  exponent += static_cast<int>(bits >> 23) - 127;
  bits = (bits & 0x007fffffu) | 0x3f800000u;  // mantissa with a zero exponent: [1, 2)
  float m;
  std::memcpy(&m, &bits, sizeof m);
  if (m > 1.41421356f) {
    m *= 0.5f;  // exact
    ++exponent;
  }
  return static_cast<float>(static_cast<double>(exponent) * kLn2 +
                            log_mantissa(static_cast<double>(m)));
}

}  // namespace tt::kernels::frontend
