// Our logarithm against the C library's in double: within one float ulp of the true value
// over the whole positive float range (the MFCC needs ~1e-6 relative), and the special cases.
#include "kernels/frontend/natural_log.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>

namespace tt::tests {
namespace {

using kernels::frontend::natural_log;

// |ours - ln x| in units of the float spacing at ln x.
double ulp_error(float x) {
  const double want = std::log(static_cast<double>(x));
  const double got = natural_log(x);
  const double ulp = std::max(
      std::abs(std::nextafter(static_cast<float>(want), INFINITY) - static_cast<float>(want)),
      std::numeric_limits<float>::denorm_min());
  return std::abs(got - want) / ulp;
}

TEST(NaturalLog, WithinOneUlpOverTheFloatRange) {
  double worst = 0.0;
  // Every 4099th float bit pattern from the smallest subnormal to the largest finite value.
  for (uint32_t bits = 1; bits < 0x7f800000u; bits += 4099) {
    float x;
    std::memcpy(&x, &bits, sizeof x);
    const double e = ulp_error(x);
    ASSERT_LE(e, 1.0) << "x=" << x;
    worst = std::max(worst, e);
  }
  // Densely around 1, where ln x is small and relative accuracy is hardest.
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> near_one(0.5f, 2.0f);
  for (int i = 0; i < 200000; ++i) {
    const float x = near_one(rng);
    const double e = ulp_error(x);
    ASSERT_LE(e, 1.0) << "x=" << x;
    worst = std::max(worst, e);
  }
  std::printf("natural_log: max error %.3f ulp\n", worst);
}

TEST(NaturalLog, RelativeErrorAtTheMfccEnergies) {
  // Mel energies lie between the floor 1e-6 and about 1e6.
  double worst = 0.0;
  for (double x = 1e-6; x < 1e6; x *= 1.0001) {
    const float xf = static_cast<float>(x);
    const double want = std::log(static_cast<double>(xf));
    if (std::abs(want) < 1e-3) continue;
    worst = std::max(worst, std::abs(natural_log(xf) - want) / std::abs(want));
  }
  EXPECT_LE(worst, 1e-6);
}

TEST(NaturalLog, SpecialValues) {
  EXPECT_EQ(natural_log(1.0f), 0.0f);
  EXPECT_EQ(natural_log(2.0f), static_cast<float>(std::log(2.0)));
  EXPECT_EQ(natural_log(0.0f), -std::numeric_limits<float>::infinity());
  EXPECT_EQ(natural_log(-0.0f), -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(natural_log(-1.0f)));
  EXPECT_TRUE(std::isnan(natural_log(std::numeric_limits<float>::quiet_NaN())));
  EXPECT_EQ(natural_log(std::numeric_limits<float>::infinity()),
            std::numeric_limits<float>::infinity());
  EXPECT_NEAR(natural_log(std::numeric_limits<float>::denorm_min()), -149 * std::log(2.0), 1e-4);
}

}  // namespace
}  // namespace tt::tests
