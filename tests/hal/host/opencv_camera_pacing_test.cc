// OpenCvCamera pacing: a video file in real time takes about its duration and a slow reader
// skips to the frame that is due, as a webcam would; as fast as possible never waits. The
// time bounds are loose on purpose (a loaded machine only makes reads later): they check
// that pacing happens, not how precisely.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "hal/host/opencv_camera.h"
#include "tests/hal/host/test_media.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::host::kQvgaRgb888;
using tt::hal::host::OpenCvCamera;
using tt::hal::host::OpenCvCameraOptions;
using tt::hal::host::Pacing;
using Clock = std::chrono::steady_clock;

OpenCvCameraOptions options(const std::string& source, Pacing pacing, double fps = 0,
                            bool loop = false) {
  OpenCvCameraOptions o;
  o.source = source;
  o.pacing = pacing;
  o.fps = fps;
  o.loop = loop;
  return o;
}

TEST(OpenCvCameraPacing, RealTimeVideoTakesAboutItsDuration) {
  OpenCvCamera cam(options(test_media().video, Pacing::kRealTime));
  ASSERT_EQ(cam.open(), HalStatus::kOk) << cam.last_error();
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  const auto t0 = Clock::now();
  int frames = 0;
  for (int i = 0; i < 100; ++i) {
    const HalStatus s = cam.read_frame(frame.data(), frame.size(), 1000);
    if (s == HalStatus::kEndOfStream) break;
    ASSERT_EQ(s, HalStatus::kOk);
    ++frames;
  }
  // 10 frames at 25 fps: the last is due 9 / 25 s = 360 ms after the first.
  EXPECT_GE(Clock::now() - t0, std::chrono::milliseconds(300));
  EXPECT_GE(frames, 1);
  EXPECT_EQ(frames + cam.frames_skipped(), 10);
}

TEST(OpenCvCameraPacing, RealTimeReadBeforeTheFrameIsDueTimesOut) {
  OpenCvCamera cam(options(test_media().sequence, Pacing::kRealTime, 2.0));  // 500 ms apart
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk);  // frame 0: now
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kTimeout);
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 10), HalStatus::kTimeout);
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 5000), HalStatus::kOk);  // waits for it
  EXPECT_EQ(cam.frames_delivered(), 2);
}

TEST(OpenCvCameraPacing, ASlowReaderSkipsToTheFrameThatIsDue) {
  OpenCvCamera cam(options(test_media().sequence, Pacing::kRealTime, 100.0, true));
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 100), HalStatus::kOk);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // 10 frame periods
  ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 100), HalStatus::kOk);
  EXPECT_GE(cam.frames_skipped(), 5);
  EXPECT_EQ(cam.frames_delivered(), 2);
}

TEST(OpenCvCameraPacing, AsFastAsPossibleNeverWaits) {
  OpenCvCamera cam(options(test_media().video, Pacing::kAsFastAsPossible));
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  for (int k = 0; k < 10; ++k) {
    ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk) << k;
  }
  EXPECT_EQ(cam.frames_skipped(), 0);
}

}  // namespace
}  // namespace tt::tests::hal
