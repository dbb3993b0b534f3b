// SampleRing: the hand-over between QtMicrophone's capture and the app's reads.
#include "hal/host/sample_ring.h"

#include <gtest/gtest.h>

#include <chrono>
#include <numeric>
#include <thread>
#include <vector>

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::host::SampleRing;

std::vector<int16_t> ramp(int from, int n) {
  std::vector<int16_t> v(n);
  std::iota(v.begin(), v.end(), static_cast<int16_t>(from));
  return v;
}

TEST(SampleRing, ReadsInOrderAndAtMostWhatWasAsked) {
  SampleRing ring(100);
  ring.push(ramp(0, 30).data(), 30);
  std::vector<int16_t> out(100);
  int got = 0;
  ASSERT_EQ(ring.read(out.data(), 20, &got, 0), HalStatus::kOk);
  ASSERT_EQ(got, 20);
  EXPECT_EQ(out[0], 0);
  EXPECT_EQ(out[19], 19);
  ASSERT_EQ(ring.read(out.data(), 100, &got, 0), HalStatus::kOk);
  ASSERT_EQ(got, 10);
  EXPECT_EQ(out[0], 20);
  EXPECT_EQ(ring.read(out.data(), 100, &got, 0), HalStatus::kTimeout);
  EXPECT_EQ(got, 0);
  EXPECT_EQ(ring.overrun_samples(), 0u);
}

TEST(SampleRing, AFullRingDropsTheOldestAndCountsThem) {
  SampleRing ring(10);
  ring.push(ramp(0, 8).data(), 8);
  ring.push(ramp(8, 5).data(), 5);  // 3 too many: 0, 1, 2 go
  EXPECT_EQ(ring.overrun_samples(), 3u);
  EXPECT_EQ(ring.size(), 10u);
  ring.push(ramp(100, 25).data(), 25);  // more than it holds: only the newest 10 stay
  EXPECT_EQ(ring.overrun_samples(), 3u + 25u);
  std::vector<int16_t> out(10);
  int got = 0;
  ASSERT_EQ(ring.read(out.data(), 10, &got, 0), HalStatus::kOk);
  ASSERT_EQ(got, 10);
  EXPECT_EQ(out[0], 115);
  EXPECT_EQ(out[9], 124);
  ring.reset();
  EXPECT_EQ(ring.overrun_samples(), 0u);
  EXPECT_EQ(ring.size(), 0u);
}

TEST(SampleRing, LostAfterTheCapturedSamplesAndSticky) {
  SampleRing ring(10);
  ring.push(ramp(0, 4).data(), 4);
  ring.mark_lost();
  ring.push(ramp(4, 4).data(), 4);  // after the loss: ignored
  std::vector<int16_t> out(10);
  int got = 0;
  ASSERT_EQ(ring.read(out.data(), 10, &got, 0), HalStatus::kOk);
  EXPECT_EQ(got, 4);
  EXPECT_EQ(ring.read(out.data(), 10, &got, 0), HalStatus::kDeviceLost);
  EXPECT_EQ(ring.read(out.data(), 10, &got, 50), HalStatus::kDeviceLost);
  EXPECT_EQ(got, 0);
  ring.reset();
  EXPECT_EQ(ring.read(out.data(), 10, &got, 0), HalStatus::kTimeout);
}

TEST(SampleRing, APushWakesAWaitingReader) {
  SampleRing ring(1000);
  std::thread capture([&ring] {
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    ring.push(ramp(7, 3).data(), 3);
  });
  std::vector<int16_t> out(10);
  int got = 0;
  const auto t0 = std::chrono::steady_clock::now();
  const HalStatus s = ring.read(out.data(), 10, &got, 10000);
  const auto waited = std::chrono::steady_clock::now() - t0;
  capture.join();
  ASSERT_EQ(s, HalStatus::kOk);
  EXPECT_EQ(got, 3);
  EXPECT_EQ(out[0], 7);
  EXPECT_LT(waited, std::chrono::seconds(5));
}

TEST(SampleRing, AProducerAndAConsumerLoseNothingWhenTheRingIsLargeEnough) {
  SampleRing ring(1 << 16);
  constexpr int kTotal = 50000;
  std::thread capture([&ring] {
    for (int i = 0; i < kTotal; i += 100) ring.push(ramp(i, 100).data(), 100);
  });
  std::vector<int16_t> out(333);
  int expected = 0;
  while (expected < kTotal) {
    int got = 0;
    if (ring.read(out.data(), 333, &got, 1000) != HalStatus::kOk) break;
    for (int i = 0; i < got; ++i) ASSERT_EQ(out[i], static_cast<int16_t>(expected + i));
    expected += got;
  }
  capture.join();
  EXPECT_EQ(expected, kTotal);
  EXPECT_EQ(ring.overrun_samples(), 0u);
}

}  // namespace
}  // namespace tt::tests::hal
