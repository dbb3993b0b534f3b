// The Camera conformance suite: what every backend must do according to tt/hal/camera.h,
// checked only through the interface. A backend joins by instantiating it:
//
//   INSTANTIATE_TEST_SUITE_P(Webcam, CameraConformance,
//                            ::testing::Values(CameraCase{"index0", [] { return ...; }}),
//                            case_name);
//
// make() returns a fresh, closed camera for every test. Scripted situations (no device, lost
// after N frames) are separate cases; the suite accepts every outcome the spec allows and
// checks that each is reported and handled as specified.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "tests/hal/conformance/case_name.h"
#include "tt/hal/camera.h"

namespace tt::tests::hal {

struct CameraCase {
  std::string label;  // letters, digits and '_' (a test-name part)
  std::function<std::shared_ptr<tt::hal::Camera>()> make;
};

class CameraConformance : public ::testing::TestWithParam<CameraCase> {};
inline void PrintTo(const CameraCase& c, std::ostream* os) { *os << c.label; }

}  // namespace tt::tests::hal
