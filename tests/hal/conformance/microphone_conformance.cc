// The Microphone conformance tests; see microphone_conformance.h.
#include "tests/hal/conformance/microphone_conformance.h"

#include <vector>

namespace tt::tests::hal {
namespace {

using tt::hal::hal_status_name;
using tt::hal::HalStatus;
using tt::hal::Microphone;

constexpr int kMaxReads = 400;  // 400 reads of >= 1 sample: past the end of every script
constexpr int16_t kGuardSample = 0x5A5A;

bool is_terminal(HalStatus s) {
  return s == HalStatus::kDeviceLost || s == HalStatus::kEndOfStream;
}

TEST_P(MicrophoneConformance, NameAndRate) {
  auto mic = GetParam().make();
  ASSERT_NE(mic->name(), nullptr);
  EXPECT_STRNE(mic->name(), "");
  EXPECT_EQ(mic->sample_rate_hz(), Microphone::kSampleRateHz);
  EXPECT_EQ(Microphone::kSampleRateHz, 16000);
}

TEST_P(MicrophoneConformance, StartReportsOkOrNoDeviceAndStopIsIdempotent) {
  auto mic = GetParam().make();
  const HalStatus s = mic->start();
  EXPECT_TRUE(s == HalStatus::kOk || s == HalStatus::kNoDevice) << hal_status_name(s);
  if (s == HalStatus::kOk) {
    EXPECT_EQ(mic->start(), HalStatus::kOk);  // already started: nothing changes
  }
  mic->stop();
  mic->stop();
  EXPECT_EQ(mic->sample_rate_hz(), Microphone::kSampleRateHz);
}

TEST_P(MicrophoneConformance, ReadsHonourCountsStatusesAndBounds) {
  auto mic = GetParam().make();
  if (mic->start() != HalStatus::kOk) return;
  for (int max : {1, 7, 320, 4000}) {
    std::vector<int16_t> out(max + 16, kGuardSample);
    int got = -1;
    const HalStatus s = mic->read(out.data(), max, &got, 100);
    ASSERT_NE(s, HalStatus::kNoDevice);
    if (s == HalStatus::kOk) {
      EXPECT_GE(got, 1);
      EXPECT_LE(got, max);
    } else {
      EXPECT_EQ(got, 0) << hal_status_name(s);
    }
    for (int g = max; g < max + 16; ++g) ASSERT_EQ(out[g], kGuardSample) << "max " << max;
    if (is_terminal(s)) break;
  }
  mic->stop();
}

TEST_P(MicrophoneConformance, LostAndEndOfStreamAreStickyUntilStop) {
  auto mic = GetParam().make();
  if (mic->start() != HalStatus::kOk) return;
  std::vector<int16_t> out(512);
  int got = 0;
  for (int i = 0; i < kMaxReads; ++i) {
    const HalStatus s = mic->read(out.data(), static_cast<int>(out.size()), &got, 100);
    if (!is_terminal(s)) continue;
    for (int k = 0; k < 3; ++k) {
      EXPECT_EQ(mic->read(out.data(), static_cast<int>(out.size()), &got, 0), s);
      EXPECT_EQ(got, 0);
    }
    break;
  }
  mic->stop();
  const HalStatus again = mic->start();
  EXPECT_TRUE(again == HalStatus::kOk || again == HalStatus::kNoDevice);
  if (again == HalStatus::kOk) {
    const HalStatus s = mic->read(out.data(), static_cast<int>(out.size()), &got, 100);
    EXPECT_NE(s, HalStatus::kNoDevice);
  }
  mic->stop();
}

TEST_P(MicrophoneConformance, OverrunCountNeverDecreasesWhileStarted) {
  auto mic = GetParam().make();
  if (mic->start() != HalStatus::kOk) return;
  std::vector<int16_t> out(320);
  int got = 0;
  uint32_t last = mic->overrun_samples();
  for (int i = 0; i < kMaxReads; ++i) {
    const HalStatus s = mic->read(out.data(), static_cast<int>(out.size()), &got, 50);
    EXPECT_GE(mic->overrun_samples(), last);
    last = mic->overrun_samples();
    if (is_terminal(s) || s == HalStatus::kTimeout) break;
  }
  mic->stop();
}

}  // namespace
}  // namespace tt::tests::hal
