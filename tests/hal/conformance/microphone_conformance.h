// The Microphone conformance suite: what every backend must do according to
// tt/hal/microphone.h, checked only through the interface. A backend joins with
// INSTANTIATE_TEST_SUITE_P(Name, MicrophoneConformance, ::testing::Values(MicrophoneCase{...}),
// case_name); make() returns a fresh, stopped microphone for every test.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "tests/hal/conformance/case_name.h"
#include "tt/hal/microphone.h"

namespace tt::tests::hal {

struct MicrophoneCase {
  std::string label;
  std::function<std::shared_ptr<tt::hal::Microphone>()> make;
};

class MicrophoneConformance : public ::testing::TestWithParam<MicrophoneCase> {};
inline void PrintTo(const MicrophoneCase& c, std::ostream* os) { *os << c.label; }

}  // namespace tt::tests::hal
