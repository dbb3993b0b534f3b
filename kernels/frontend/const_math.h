// Compile-time double-precision math for the front-end's constant tables (FFT twiddles,
// window, mel weights, DCT basis).
//
// Why constexpr rather than libm or a generated .cc file: the tables must be bit-identical
// on the host and on the Cortex-M7, and glibc's and newlib's sin/cos/log are not guaranteed
// to agree to the last bit. Evaluated by the compiler, these functions use only IEEE double
// +, -, *, / (which GCC and Clang fold exactly rounded, independently of the target), so
// every build gets the same floats, placed in flash on the MCU, with no start-up cost and no
// generated file to keep in sync with a script. They are accurate to a few ulps of double,
// far below the float rounding of the tables.
//
// Not meant for run time: the reductions loop instead of using bit tricks.
#pragma once

namespace tt::kernels::frontend::const_math {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kLn2 = 0.69314718055994530942;
inline constexpr double kLn10 = 2.30258509299404568402;
inline constexpr double kSqrt2 = 1.41421356237309504880;

// Taylor series on [0, pi/4]: the 11th term is below 1e-23, so 12 terms are exact in double.
constexpr double sin_small(double x) {
  double term = x, sum = x;
  for (int k = 1; k <= 12; ++k) {
    term *= -x * x / ((2.0 * k) * (2.0 * k + 1.0));
    sum += term;
  }
  return sum;
}

constexpr double cos_small(double x) {
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= 12; ++k) {
    term *= -x * x / ((2.0 * k - 1.0) * (2.0 * k));
    sum += term;
  }
  return sum;
}

// cos(2 pi p / q), q > 0. The reduction is done on the integers, so the symmetries are
// exact: cos of a quarter turn is exactly 0, and cos(a) == cos(-a) == -cos(pi - a).
constexpr double cos_turns(long long p, long long q) {
  long long a = (4 * p) % (4 * q);  // the angle in quarter turns, times q
  if (a < 0) a += 4 * q;
  const long long quadrant = a / q;
  long long rem = a - quadrant * q;  // angle inside the quadrant: (pi / 2) * rem / q
  // cos and sin of the in-quadrant angle, folded to [0, pi/4].
  bool swap = false;
  if (2 * rem > q) {
    rem = q - rem;
    swap = true;
  }
  const double phi = kPi * static_cast<double>(rem) / (2.0 * static_cast<double>(q));
  const double c = swap ? sin_small(phi) : cos_small(phi);
  const double s = swap ? cos_small(phi) : sin_small(phi);
  switch (quadrant) {
    case 0:
      return c;
    case 1:
      return -s;
    case 2:
      return -c;
    default:
      return s;
  }
}

// sin(2 pi p / q) = cos(2 pi (p / q - 1/4)).
constexpr double sin_turns(long long p, long long q) { return cos_turns(4 * p - q, 4 * q); }

// Natural log of x > 0: x = m * 2^e with m in [sqrt(1/2), sqrt(2)] (exact halvings), then
// ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172, 30 terms of the series.
constexpr double ln(double x) {
  int e = 0;
  while (x > kSqrt2) {
    x /= 2.0;
    ++e;
  }
  while (x < kSqrt2 / 2.0) {
    x *= 2.0;
    --e;
  }
  const double s = (x - 1.0) / (x + 1.0);
  double term = s, sum = 0.0;
  for (int k = 0; k < 30; ++k) {
    sum += term / (2.0 * k + 1.0);
    term *= s * s;
  }
  return 2.0 * sum + e * kLn2;
}

// sqrt(x) for x > 0 by Newton's iteration from above (monotone, so it stops cleanly).
constexpr double sqrt(double x) {
  double y = x > 1.0 ? x : 1.0;
  for (int i = 0; i < 200; ++i) {
    const double next = 0.5 * (y + x / y);
    if (!(next < y)) break;
    y = next;
  }
  return y;
}

}  // namespace tt::kernels::frontend::const_math
