// The Camera conformance tests; see camera_conformance.h.
#include "tests/hal/conformance/camera_conformance.h"

#include <chrono>
#include <vector>

namespace tt::tests::hal {
namespace {

using tt::hal::Camera;
using tt::hal::FrameFormat;
using tt::hal::hal_status_name;
using tt::hal::HalStatus;

constexpr int kMaxReads = 24;  // enough to reach the end of every scripted case
constexpr size_t kGuard = 64;
constexpr uint8_t kGuardByte = 0xA5;

bool is_read_status(HalStatus s) {
  return s == HalStatus::kOk || s == HalStatus::kTimeout || s == HalStatus::kDeviceLost ||
         s == HalStatus::kEndOfStream;
}

bool is_terminal(HalStatus s) {
  return s == HalStatus::kDeviceLost || s == HalStatus::kEndOfStream;
}

void expect_valid_format(const FrameFormat& f) {
  EXPECT_TRUE(f.format == tt::hal::PixelFormat::kRgb888 ||
              f.format == tt::hal::PixelFormat::kRgb565);
  EXPECT_GE(f.width, 1);
  EXPECT_GE(f.height, 1);
  EXPECT_GE(f.stride_bytes, f.width * tt::hal::bytes_per_pixel(f.format));
}

TEST_P(CameraConformance, NameIsNonEmpty) {
  auto cam = GetParam().make();
  ASSERT_NE(cam->name(), nullptr);
  EXPECT_STRNE(cam->name(), "");
}

TEST_P(CameraConformance, OpenReportsOkOrNoDevice) {
  auto cam = GetParam().make();
  const HalStatus s = cam->open();
  EXPECT_TRUE(s == HalStatus::kOk || s == HalStatus::kNoDevice) << hal_status_name(s);
  if (s == HalStatus::kNoDevice) {
    cam->close();  // defined on a closed camera
    const HalStatus again = cam->open();
    EXPECT_TRUE(again == HalStatus::kOk || again == HalStatus::kNoDevice);
  }
  cam->close();
  cam->close();  // idempotent
}

TEST_P(CameraConformance, FormatIsValidAndStableWhileOpen) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  const FrameFormat f = cam->frame_format();
  expect_valid_format(f);
  std::vector<uint8_t> buf(tt::hal::frame_bytes(f));
  for (int i = 0; i < 4; ++i) {
    if (is_terminal(cam->read_frame(buf.data(), buf.size(), 100))) break;
    const FrameFormat g = cam->frame_format();
    EXPECT_EQ(g.width, f.width);
    EXPECT_EQ(g.height, f.height);
    EXPECT_EQ(g.stride_bytes, f.stride_bytes);
    EXPECT_EQ(g.format, f.format);
  }
  cam->close();
}

TEST_P(CameraConformance, ReadsReturnSpecStatusesAndNeverWriteBeyondTheFrame) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  const size_t n = tt::hal::frame_bytes(cam->frame_format());
  std::vector<uint8_t> buf(n + kGuard, kGuardByte);
  for (int i = 0; i < kMaxReads; ++i) {
    const HalStatus s = cam->read_frame(buf.data(), n, 100);
    ASSERT_TRUE(is_read_status(s)) << "read " << i << ": " << hal_status_name(s);
    for (size_t g = n; g < buf.size(); ++g) ASSERT_EQ(buf[g], kGuardByte) << "byte " << g;
    if (is_terminal(s)) break;
  }
  cam->close();
}

TEST_P(CameraConformance, LostAndEndOfStreamAreSticky) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  std::vector<uint8_t> buf(tt::hal::frame_bytes(cam->frame_format()));
  for (int i = 0; i < kMaxReads; ++i) {
    const HalStatus s = cam->read_frame(buf.data(), buf.size(), 100);
    if (!is_terminal(s)) continue;
    for (int k = 0; k < 3; ++k) {
      EXPECT_EQ(cam->read_frame(buf.data(), buf.size(), 0), s) << "repeat " << k;
    }
    break;
  }
  cam->close();
}

TEST_P(CameraConformance, OpenTwiceChangesNothing) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  const FrameFormat f = cam->frame_format();
  EXPECT_EQ(cam->open(), HalStatus::kOk);
  EXPECT_EQ(cam->frame_format().width, f.width);
  EXPECT_EQ(cam->frame_format().height, f.height);
  cam->close();
}

TEST_P(CameraConformance, ReopensAfterClose) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  std::vector<uint8_t> buf(tt::hal::frame_bytes(cam->frame_format()));
  // Run into the terminal state if there is one: close() must clear it.
  for (int i = 0; i < kMaxReads; ++i) {
    if (is_terminal(cam->read_frame(buf.data(), buf.size(), 100))) break;
  }
  cam->close();
  const HalStatus s = cam->open();
  ASSERT_TRUE(s == HalStatus::kOk || s == HalStatus::kNoDevice) << hal_status_name(s);
  if (s == HalStatus::kOk) {
    expect_valid_format(cam->frame_format());
    buf.resize(tt::hal::frame_bytes(cam->frame_format()));
    EXPECT_TRUE(is_read_status(cam->read_frame(buf.data(), buf.size(), 100)));
  }
  cam->close();
}

TEST_P(CameraConformance, ZeroTimeoutDoesNotBlock) {
  auto cam = GetParam().make();
  if (cam->open() != HalStatus::kOk) return;
  std::vector<uint8_t> buf(tt::hal::frame_bytes(cam->frame_format()));
  const auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(is_read_status(cam->read_frame(buf.data(), buf.size(), 0)));
  // Generous: "does not wait for a frame" is the point, not speed.
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(500));
  cam->close();
}

}  // namespace
}  // namespace tt::tests::hal
