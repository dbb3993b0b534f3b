// PushCamera: the Camera conformance suite (a producer thread, frames pushed beforehand,
// lost, end, unavailable), then the mailbox rules: newest frame wins, a push wakes a waiting
// reader, the last frame survives close()/open(), marks and formats.
#include "hal/host/push_camera.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "tests/hal/conformance/camera_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::FrameFormat;
using tt::hal::HalStatus;
using tt::hal::PixelFormat;
using tt::hal::host::PushCamera;

constexpr FrameFormat kSmall{PixelFormat::kRgb888, 16, 8, 16 * 3};
constexpr FrameFormat kSmallPadded565{PixelFormat::kRgb565, 16, 8, 16 * 2 + 6};

std::vector<uint8_t> frame_of(const FrameFormat& f, uint8_t value) {
  return std::vector<uint8_t>(tt::hal::frame_bytes(f), value);
}

// A camera with a thread that pushes a frame every few milliseconds for as long as the
// camera lives; `frames` > 0 marks the camera lost after that many pushes.
struct ProducedCamera {
  PushCamera camera;
  std::atomic<bool> stop{false};
  std::thread producer;

  ProducedCamera(const FrameFormat& f, int frames) : camera(f, "produced") {
    producer = std::thread([this, f, frames] {
      for (int k = 0; !stop.load(); ++k) {
        if (frames > 0 && k == frames) camera.mark_lost();
        const auto frame = frame_of(f, static_cast<uint8_t>(k));
        camera.push_frame(f, frame.data());
        std::this_thread::sleep_for(std::chrono::milliseconds(3));
      }
    });
  }
  ~ProducedCamera() {
    stop = true;
    producer.join();
  }
};

CameraCase produced(const char* label, const FrameFormat& f, int frames) {
  return CameraCase{label, [f, frames] {
                      auto holder = std::make_shared<ProducedCamera>(f, frames);
                      return std::shared_ptr<tt::hal::Camera>(holder, &holder->camera);
                    }};
}

// One frame pushed before open(), then the producer ends or is lost.
CameraCase pre_pushed(const char* label, bool lost) {
  return CameraCase{label, [lost] {
                      auto cam = std::make_shared<PushCamera>(kSmall);
                      cam->push_frame(kSmall, frame_of(kSmall, 7).data());
                      lost ? cam->mark_lost() : cam->mark_end();
                      return cam;
                    }};
}

INSTANTIATE_TEST_SUITE_P(Push, CameraConformance,
                         ::testing::Values(produced("producer_thread_rgb888", kSmall, 0),
                                           produced("producer_thread_rgb565_padded",
                                                    kSmallPadded565, 0),
                                           produced("producer_lost_after_5", kSmall, 5),
                                           pre_pushed("pre_pushed_then_end", false),
                                           pre_pushed("pre_pushed_then_lost", true),
                                           CameraCase{"unavailable",
                                                      [] {
                                                        auto cam = std::make_shared<PushCamera>();
                                                        cam->set_available(false);
                                                        return cam;
                                                      }}),
                         case_name<CameraCase>);

TEST(PushCamera, NewestFrameWins) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  EXPECT_TRUE(cam.push_frame(kSmall, frame_of(kSmall, 1).data()));
  EXPECT_TRUE(cam.push_frame(kSmall, frame_of(kSmall, 2).data()));
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  ASSERT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kOk);
  EXPECT_EQ(buf, frame_of(kSmall, 2));
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kTimeout);  // nothing new
  EXPECT_EQ(cam.frames_pushed(), 2u);
  EXPECT_EQ(cam.frames_replaced(), 1u);
}

TEST(PushCamera, APushFromAnotherThreadWakesAWaitingReader) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::thread pusher([&cam] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    cam.push_frame(kSmall, frame_of(kSmall, 9).data());
  });
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  const auto t0 = std::chrono::steady_clock::now();
  const HalStatus s = cam.read_frame(buf.data(), buf.size(), 10000);
  const auto waited = std::chrono::steady_clock::now() - t0;
  pusher.join();
  ASSERT_EQ(s, HalStatus::kOk);
  EXPECT_EQ(buf, frame_of(kSmall, 9));
  EXPECT_LT(waited, std::chrono::seconds(5));  // woken by the push, not by the timeout
}

TEST(PushCamera, TimesOutWithoutANewFrame) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 30), HalStatus::kTimeout);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(25));
}

TEST(PushCamera, TheLastFrameIsOfferedAgainAfterReopening) {
  PushCamera cam(kSmall);
  cam.push_frame(kSmall, frame_of(kSmall, 5).data());  // before open: kept
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  for (int session = 0; session < 2; ++session) {
    ASSERT_EQ(cam.open(), HalStatus::kOk);
    ASSERT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kOk) << session;
    EXPECT_EQ(buf, frame_of(kSmall, 5));
    EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kTimeout);
    cam.close();
  }
}

TEST(PushCamera, EndDeliversTheWaitingFrameFirstAndStaysUntilClose) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  cam.push_frame(kSmall, frame_of(kSmall, 1).data());
  cam.mark_end();
  cam.mark_lost();  // the first mark wins
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kOk);
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kEndOfStream);
  cam.push_frame(kSmall, frame_of(kSmall, 2).data());  // too late for this session
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kEndOfStream);
  cam.close();
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 0), HalStatus::kOk);
  EXPECT_EQ(buf, frame_of(kSmall, 2));
}

TEST(PushCamera, AMarkWakesAWaitingReader) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::thread marker([&cam] {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    cam.mark_lost();
  });
  std::vector<uint8_t> buf(tt::hal::frame_bytes(kSmall));
  EXPECT_EQ(cam.read_frame(buf.data(), buf.size(), 10000), HalStatus::kDeviceLost);
  marker.join();
}

TEST(PushCamera, UnavailableOnlyAffectsOpen) {
  PushCamera cam(kSmall);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  cam.set_available(false);
  EXPECT_EQ(cam.open(), HalStatus::kOk);  // already open: nothing changes
  cam.close();
  EXPECT_EQ(cam.open(), HalStatus::kNoDevice);
  EXPECT_FALSE(cam.is_open());
  cam.set_available(true);
  EXPECT_EQ(cam.open(), HalStatus::kOk);
}

TEST(PushCamera, AcceptsAnyStrideButOnlyItsOwnFormatAndSize) {
  PushCamera cam(kSmallPadded565);
  // Packed rows in, padded rows out.
  FrameFormat packed = kSmallPadded565;
  packed.stride_bytes = 16 * 2;
  std::vector<uint8_t> in(tt::hal::frame_bytes(packed));
  for (size_t i = 0; i < in.size(); ++i) in[i] = static_cast<uint8_t>(i);
  EXPECT_TRUE(cam.push_frame(packed, in.data()));
  EXPECT_FALSE(cam.push_frame(kSmall, frame_of(kSmall, 0).data()));  // RGB888: refused
  FrameFormat bigger = packed;
  bigger.width = 17;
  bigger.stride_bytes = 34;
  EXPECT_FALSE(cam.push_frame(bigger, frame_of(bigger, 0).data()));
  EXPECT_EQ(cam.frames_pushed(), 1u);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> out(tt::hal::frame_bytes(kSmallPadded565), 0xEE);
  ASSERT_EQ(cam.read_frame(out.data(), out.size(), 0), HalStatus::kOk);
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 32; ++x) {
      ASSERT_EQ(out[static_cast<size_t>(y) * kSmallPadded565.stride_bytes + x], in[y * 32 + x]);
    }
  }
}

}  // namespace
}  // namespace tt::tests::hal
