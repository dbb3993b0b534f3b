// The conformance suites are one object library linked into every test program, but each
// program instantiates only the suites of its own backends: the others are not an error.
#include "tests/hal/conformance/camera_conformance.h"
#include "tests/hal/conformance/display_conformance.h"
#include "tests/hal/conformance/microphone_conformance.h"
#include "tests/hal/conformance/small_devices_conformance.h"

namespace tt::tests::hal {

GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(CameraConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(MicrophoneConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(DisplayConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ButtonConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LedConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ClockConformance);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(LogConformance);

}  // namespace tt::tests::hal
