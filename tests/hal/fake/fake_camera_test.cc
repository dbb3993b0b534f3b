// FakeCamera: the Camera conformance suite over its scripts, then the scripts themselves.
#include "hal/fake/fake_camera.h"

#include <gtest/gtest.h>

#include <vector>

#include "tests/hal/conformance/camera_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::FrameFormat;
using tt::hal::HalStatus;
using tt::hal::PixelFormat;
using tt::hal::fake::FakeCamera;
using tt::hal::fake::FakeCameraScript;

CameraCase fake_case(const char* label, const FakeCameraScript& script) {
  return CameraCase{label, [script] { return std::make_shared<FakeCamera>(script); }};
}

FakeCameraScript script(int frames, HalStatus then, PixelFormat f = PixelFormat::kRgb565) {
  FakeCameraScript s;
  s.frames = frames;
  s.then = then;
  s.format = FrameFormat{f, 32, 24, 32 * tt::hal::bytes_per_pixel(f)};
  return s;
}

FakeCameraScript with_padding() {
  FakeCameraScript s = script(2, HalStatus::kEndOfStream, PixelFormat::kRgb888);
  s.format.stride_bytes = 32 * 3 + 5;
  return s;
}

FakeCameraScript no_device() {
  FakeCameraScript s;
  s.no_device = true;
  return s;
}

FakeCameraScript timeout_on(int k) {
  FakeCameraScript s = script(4, HalStatus::kDeviceLost);
  s.timeout_before_frame = k;
  return s;
}

const std::vector<uint8_t>& image(uint8_t v) {
  static std::vector<uint8_t> images[2] = {std::vector<uint8_t>(32 * 24 * 2, 0x11),
                                           std::vector<uint8_t>(32 * 24 * 2, 0x22)};
  return images[v];
}

FakeCameraScript given_images() {
  static const uint8_t* list[2] = {image(0).data(), image(1).data()};
  FakeCameraScript s = script(5, HalStatus::kEndOfStream);
  s.images = list;
  s.image_count = 2;
  return s;
}

INSTANTIATE_TEST_SUITE_P(
    Fake, CameraConformance,
    ::testing::Values(fake_case("rgb565_3_then_lost", script(3, HalStatus::kDeviceLost)),
                      fake_case("rgb888_padded_rows_end_of_stream", with_padding()),
                      fake_case("zero_frames", script(0, HalStatus::kEndOfStream)),
                      fake_case("endless", script(-1, HalStatus::kDeviceLost)),
                      fake_case("no_device", no_device()),
                      fake_case("timeout_on_frame_0", timeout_on(0)),
                      fake_case("timeout_on_frame_2", timeout_on(2)),
                      fake_case("given_images", given_images())),
    case_name<CameraCase>);

std::vector<HalStatus> run(FakeCamera& cam, int reads, std::vector<std::vector<uint8_t>>* frames) {
  std::vector<HalStatus> out;
  const FrameFormat f = cam.frame_format();
  for (int i = 0; i < reads; ++i) {
    std::vector<uint8_t> buf(tt::hal::frame_bytes(f));
    out.push_back(cam.read_frame(buf.data(), buf.size(), 10));
    if (out.back() == HalStatus::kOk && frames) frames->push_back(buf);
  }
  return out;
}

TEST(FakeCamera, PlaysNPatternFramesThenTheScriptedEnd) {
  FakeCamera cam(script(3, HalStatus::kDeviceLost));
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<std::vector<uint8_t>> frames;
  const auto s = run(cam, 5, &frames);
  EXPECT_EQ(s, (std::vector<HalStatus>{HalStatus::kOk, HalStatus::kOk, HalStatus::kOk,
                                       HalStatus::kDeviceLost, HalStatus::kDeviceLost}));
  ASSERT_EQ(frames.size(), 3u);
  for (int k = 0; k < 3; ++k) {
    std::vector<uint8_t> expected(frames[k].size());
    FakeCamera::fill_pattern(cam.frame_format(), k, expected.data());
    EXPECT_EQ(frames[k], expected) << "frame " << k;
  }
  EXPECT_NE(frames[0], frames[1]);
}

TEST(FakeCamera, TimesOutOnceBeforeTheChosenFrame) {
  FakeCamera cam(timeout_on(1));
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  EXPECT_EQ(run(cam, 6, nullptr),
            (std::vector<HalStatus>{HalStatus::kOk, HalStatus::kTimeout, HalStatus::kOk,
                                    HalStatus::kOk, HalStatus::kOk, HalStatus::kDeviceLost}));
}

TEST(FakeCamera, NoDeviceStaysClosed) {
  FakeCamera cam(no_device());
  EXPECT_EQ(cam.open(), HalStatus::kNoDevice);
  EXPECT_FALSE(cam.is_open());
}

TEST(FakeCamera, GivenImagesCycleAndReopenReplays) {
  FakeCamera cam(given_images());
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<std::vector<uint8_t>> frames;
  run(cam, 3, &frames);
  ASSERT_EQ(frames.size(), 3u);
  EXPECT_EQ(frames[0], image(0));
  EXPECT_EQ(frames[1], image(1));
  EXPECT_EQ(frames[2], image(0));
  cam.close();
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  EXPECT_EQ(cam.frames_delivered(), 0);
}

TEST(FakeCameraDeathTest, MisuseIsCaught) {
  FakeCamera cam(script(3, HalStatus::kDeviceLost));
  uint8_t buf[16];
  EXPECT_DEATH(cam.read_frame(buf, sizeof buf, 0), "closed camera");
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  EXPECT_DEATH(cam.read_frame(buf, sizeof buf, 0), "too small");
}

}  // namespace
}  // namespace tt::tests::hal
