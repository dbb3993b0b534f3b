// FakeMicrophone: the Microphone conformance suite over its scripts, then the scripts.
#include "hal/fake/fake_microphone.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/hal/conformance/microphone_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::fake::FakeMicrophone;
using tt::hal::fake::FakeMicrophoneScript;

// 0.5 s of a ramp: every sample tells where it came from.
const std::vector<int16_t>& ramp() {
  static const std::vector<int16_t> r = [] {
    std::vector<int16_t> v(8000);
    for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int16_t>(i);
    return v;
  }();
  return r;
}

FakeMicrophoneScript script(HalStatus then = HalStatus::kEndOfStream) {
  FakeMicrophoneScript s;
  s.samples = ramp().data();
  s.sample_count = static_cast<int>(ramp().size());
  s.then = then;
  return s;
}

FakeMicrophoneScript stalls_after(int ms) {
  FakeMicrophoneScript s = script();
  s.stall_after_ms = ms;
  return s;
}

FakeMicrophoneScript overrun(int at, int n) {
  FakeMicrophoneScript s = script();
  s.overrun_at_sample = at;
  s.overrun_samples = n;
  return s;
}

FakeMicrophoneScript variant(int chunk, bool no_device, int count) {
  FakeMicrophoneScript s = script();
  s.chunk_samples = chunk;
  s.no_device = no_device;
  s.sample_count = count;
  return s;
}

MicrophoneCase fake_case(const char* label, const FakeMicrophoneScript& script) {
  return MicrophoneCase{label, [script] { return std::make_shared<FakeMicrophone>(script); }};
}

INSTANTIATE_TEST_SUITE_P(Fake, MicrophoneConformance,
                         ::testing::Values(fake_case("end_of_stream", script()),
                                           fake_case("device_lost", script(HalStatus::kDeviceLost)),
                                           fake_case("no_device", variant(320, true, 8000)),
                                           fake_case("empty", variant(320, false, 0)),
                                           fake_case("odd_chunks", variant(77, false, 1000)),
                                           fake_case("stalls_after_100ms", stalls_after(100)),
                                           fake_case("overrun", overrun(1000, 500))),
                         case_name<MicrophoneCase>);

// Reads everything up to the first non-ok status; returns that status.
HalStatus drain(FakeMicrophone& mic, int max, std::vector<int16_t>* all) {
  std::vector<int16_t> buf(max);
  for (;;) {
    int got = 0;
    const HalStatus s = mic.read(buf.data(), max, &got, 10);
    if (s != HalStatus::kOk) return s;
    all->insert(all->end(), buf.begin(), buf.begin() + got);
  }
}

TEST(FakeMicrophone, PlaysTheBufferInChunksThenEnds) {
  FakeMicrophone mic(script());
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  int16_t buf[1000];
  int got = 0;
  ASSERT_EQ(mic.read(buf, 1000, &got, 10), HalStatus::kOk);
  EXPECT_EQ(got, 320);  // one chunk per read, like a driver's DMA block
  std::vector<int16_t> all(buf, buf + got);
  EXPECT_EQ(drain(mic, 1000, &all), HalStatus::kEndOfStream);
  EXPECT_EQ(all, ramp());
  EXPECT_EQ(mic.overrun_samples(), 0u);
}

TEST(FakeMicrophone, StallsAfterTheScriptedTime) {
  FakeMicrophone mic(stalls_after(100));
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> all;
  EXPECT_EQ(drain(mic, 512, &all), HalStatus::kTimeout);
  EXPECT_EQ(all.size(), 1600u);  // 100 ms at 16 kHz
  int16_t one;
  int got = -1;
  EXPECT_EQ(mic.read(&one, 1, &got, 10), HalStatus::kTimeout);
  EXPECT_EQ(got, 0);
}

TEST(FakeMicrophone, OverrunLeavesAGapAndIsCounted) {
  FakeMicrophone mic(overrun(1000, 500));
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> all;
  EXPECT_EQ(drain(mic, 320, &all), HalStatus::kEndOfStream);
  EXPECT_EQ(mic.overrun_samples(), 500u);
  ASSERT_EQ(all.size(), 7500u);
  EXPECT_EQ(all[999], 999);
  EXPECT_EQ(all[1000], 1500);
  mic.stop();
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  EXPECT_EQ(mic.overrun_samples(), 0u);
  EXPECT_EQ(mic.position(), 0);
}

TEST(FakeMicrophone, DeviceLostAfterTheBuffer) {
  FakeMicrophone mic(script(HalStatus::kDeviceLost));
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> all;
  EXPECT_EQ(drain(mic, 4000, &all), HalStatus::kDeviceLost);
  EXPECT_EQ(all.size(), 8000u);
}

TEST(FakeMicrophoneDeathTest, ReadWhenStoppedIsCaught) {
  FakeMicrophone mic(script());
  int16_t buf[4];
  int got;
  EXPECT_DEATH(mic.read(buf, 4, &got, 0), "stopped microphone");
}

}  // namespace
}  // namespace tt::tests::hal
