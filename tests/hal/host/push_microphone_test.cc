// PushMicrophone: the Microphone conformance suite, then what it adds: the samples pushed
// are read unchanged and in order, nothing pushed while stopped survives, start() begins a
// new stream.
#include "hal/host/push_microphone.h"

#include <gtest/gtest.h>

#include <memory>
#include <numeric>
#include <vector>

#include "tests/hal/conformance/microphone_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::host::PushMicrophone;

// Nothing pushed: every read times out, which the suite accepts from a live microphone.
INSTANTIATE_TEST_SUITE_P(Push, MicrophoneConformance,
                         ::testing::Values(MicrophoneCase{
                             "silent", [] { return std::make_shared<PushMicrophone>(); }}),
                         case_name<MicrophoneCase>);

TEST(PushMicrophone, DeliversPushedSamplesInOrder) {
  PushMicrophone mic(100);
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> in(60);
  std::iota(in.begin(), in.end(), int16_t{-30});
  mic.push(in.data(), 25);
  mic.push(in.data() + 25, 35);
  EXPECT_EQ(mic.waiting(), 60u);
  std::vector<int16_t> out;
  int16_t buf[16];
  int got = 0;
  while (mic.read(buf, 16, &got, 0) == HalStatus::kOk) out.insert(out.end(), buf, buf + got);
  EXPECT_EQ(out, in);
  EXPECT_EQ(mic.overrun_samples(), 0u);
}

TEST(PushMicrophone, DropsWhatComesWhileStoppedAndRestartsEmpty) {
  PushMicrophone mic(100);
  const int16_t s[4] = {1, 2, 3, 4};
  mic.push(s, 4);  // stopped: dropped
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  int16_t out[8];
  int got = -1;
  EXPECT_EQ(mic.read(out, 8, &got, 0), HalStatus::kTimeout);
  EXPECT_EQ(got, 0);
  mic.push(s, 4);
  mic.stop();
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  EXPECT_EQ(mic.read(out, 8, &got, 0), HalStatus::kTimeout);  // the old stream is gone
  EXPECT_EQ(mic.start(), HalStatus::kOk);
  mic.push(s, 4);
  ASSERT_EQ(mic.read(out, 8, &got, 100), HalStatus::kOk);
  EXPECT_EQ(got, 4);
}

TEST(PushMicrophone, AFullRingDropsTheOldestAndCountsThem) {
  PushMicrophone mic(10);
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> in(15);
  std::iota(in.begin(), in.end(), int16_t{0});
  mic.push(in.data(), in.size());
  EXPECT_EQ(mic.overrun_samples(), 5u);
  int16_t out[10];
  int got = 0;
  ASSERT_EQ(mic.read(out, 10, &got, 0), HalStatus::kOk);
  EXPECT_EQ(out[0], 5);
}

}  // namespace
}  // namespace tt::tests::hal
