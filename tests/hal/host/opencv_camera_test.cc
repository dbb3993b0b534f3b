// OpenCvCamera: the Camera conformance suite over every kind of source (a video, an image
// sequence, stills, a missing device and missing or undecodable files), then what the frames
// hold: cover-cropping, grey / 16-bit / RGBA pictures, frame order, the end and reopening.
#include "hal/host/opencv_camera.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "tests/hal/conformance/camera_conformance.h"
#include "tests/hal/host/test_media.h"

namespace tt::tests::hal {
namespace {

using tt::hal::FrameFormat;
using tt::hal::HalStatus;
using tt::hal::PixelFormat;
using tt::hal::host::kQvgaRgb888;
using tt::hal::host::OpenCvCamera;
using tt::hal::host::OpenCvCameraOptions;
using tt::hal::host::Pacing;

constexpr FrameFormat kPadded565{PixelFormat::kRgb565, 160, 120, 160 * 2 + 8};

// Media paths are resolved when a case runs, so the files are written only by the tests
// that use them.
using PathOf = std::string (*)();
std::string video() { return test_media().video; }
std::string sequence() { return test_media().sequence; }
std::string still() { return test_media().still; }
std::string missing() { return test_media().missing; }
std::string text() { return test_media().text; }
std::string no_match() { return test_media().dir + "/none_%03d.png"; }
std::string device_99() { return "99"; }

CameraCase camera_case(const char* label, PathOf path, OpenCvCameraOptions options) {
  return CameraCase{label, [path, options]() mutable {
                      options.source = path();
                      return std::make_shared<OpenCvCamera>(options);
                    }};
}

OpenCvCameraOptions opts(Pacing pacing, FrameFormat format = kQvgaRgb888, double fps = 0,
                         bool repeat_still = false, bool loop = false) {
  OpenCvCameraOptions o;
  o.format = format;
  o.pacing = pacing;
  o.fps = fps;
  o.repeat_still = repeat_still;
  o.loop = loop;
  return o;
}

INSTANTIATE_TEST_SUITE_P(
    OpenCv, CameraConformance,
    ::testing::Values(
        camera_case("video_real_time", video, opts(Pacing::kRealTime)),
        camera_case("video_fast_rgb565_padded", video, opts(Pacing::kAsFastAsPossible, kPadded565)),
        camera_case("sequence_fast", sequence, opts(Pacing::kAsFastAsPossible)),
        camera_case("sequence_real_time_looping", sequence,
                    opts(Pacing::kRealTime, kQvgaRgb888, 100, false, true)),
        camera_case("still_once", still, opts(Pacing::kRealTime)),
        camera_case("still_repeated", still, opts(Pacing::kRealTime, kQvgaRgb888, 100, true)),
        camera_case("no_device_99", device_99, opts(Pacing::kRealTime)),
        camera_case("missing_file", missing, opts(Pacing::kRealTime)),
        camera_case("not_a_video", text, opts(Pacing::kRealTime)),
        camera_case("pattern_without_files", no_match, opts(Pacing::kRealTime))),
    case_name<CameraCase>);

// The RGB of pixel (x, y) of an RGB888 or RGB565 frame, the latter widened to 8 bits.
Rgb pixel(const FrameFormat& f, const std::vector<uint8_t>& frame, int x, int y) {
  const uint8_t* p = frame.data() + static_cast<size_t>(y) * f.stride_bytes +
                     static_cast<size_t>(x) * tt::hal::bytes_per_pixel(f.format);
  if (f.format == PixelFormat::kRgb888) return Rgb{p[0], p[1], p[2]};
  const int v = p[0] | (p[1] << 8);
  const int r = v >> 11, g = (v >> 5) & 63, b = v & 31;
  return Rgb{(r << 3) | (r >> 2), (g << 2) | (g >> 4), (b << 3) | (b >> 2)};
}

void expect_near(const Rgb& got, const Rgb& want, int tolerance, const std::string& where) {
  EXPECT_LE(std::abs(got.r - want.r), tolerance) << where << " r " << got.r << " vs " << want.r;
  EXPECT_LE(std::abs(got.g - want.g), tolerance) << where << " g " << got.g << " vs " << want.g;
  EXPECT_LE(std::abs(got.b - want.b), tolerance) << where << " b " << got.b << " vs " << want.b;
}

// Opens `source` as fast as possible and reads one frame.
std::vector<uint8_t> first_frame(const std::string& source, FrameFormat f = kQvgaRgb888) {
  OpenCvCameraOptions o = opts(Pacing::kAsFastAsPossible, f);
  o.source = source;
  OpenCvCamera cam(o);
  EXPECT_EQ(cam.open(), HalStatus::kOk) << cam.last_error();
  std::vector<uint8_t> frame(tt::hal::frame_bytes(f));
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk);
  return frame;
}

TEST(OpenCvCamera, ClassifiesSources) {
  using Kind = OpenCvCamera::SourceKind;
  EXPECT_EQ(OpenCvCamera::classify("0"), Kind::kDevice);
  EXPECT_EQ(OpenCvCamera::classify("12"), Kind::kDevice);
  EXPECT_EQ(OpenCvCamera::classify("frames/img_%03d.png"), Kind::kImageSequence);
  EXPECT_EQ(OpenCvCamera::classify(test_media().still), Kind::kStillImage);
  EXPECT_EQ(OpenCvCamera::classify(test_media().video), Kind::kVideoFile);
  EXPECT_EQ(OpenCvCamera::classify(test_media().missing), Kind::kVideoFile);
}

TEST(OpenCvCamera, CoverCropKeepsTheCentreOfAWidePicture) {
  // 640x240 into 320x240: no scaling, the middle 320 columns (160..479) remain, so the
  // red/blue edge at column 320 of the picture lands at column 160 of the frame.
  const auto frame = first_frame(test_media().wide);
  for (int y : {0, 120, 239}) {
    expect_near(pixel(kQvgaRgb888, frame, 0, y), Rgb{255, 0, 0}, 0, "left edge");
    expect_near(pixel(kQvgaRgb888, frame, 159, y), Rgb{255, 0, 0}, 0, "left of centre");
    expect_near(pixel(kQvgaRgb888, frame, 160, y), Rgb{0, 0, 255}, 0, "right of centre");
    expect_near(pixel(kQvgaRgb888, frame, 319, y), Rgb{0, 0, 255}, 0, "right edge");
  }
}

TEST(OpenCvCamera, CoverCropScalesDownPreservingTheAspectRatio) {
  // 640x240 into 160x120: scaled by 1/2 to 320x120, then the middle 160 columns remain.
  const FrameFormat f{PixelFormat::kRgb888, 160, 120, 160 * 3};
  const auto frame = first_frame(test_media().wide, f);
  expect_near(pixel(f, frame, 40, 60), Rgb{255, 0, 0}, 0, "red half");
  expect_near(pixel(f, frame, 120, 60), Rgb{0, 0, 255}, 0, "blue half");
  expect_near(pixel(f, frame, 79, 60), Rgb{255, 0, 0}, 0, "just left of the edge");
  expect_near(pixel(f, frame, 80, 60), Rgb{0, 0, 255}, 0, "just right of the edge");
}

TEST(OpenCvCamera, ReadsAGrey8BitPng) {
  const auto frame = first_frame(test_media().grey);
  for (int y : {0, 120, 239}) {
    for (int x : {0, 160, 319})
      expect_near(pixel(kQvgaRgb888, frame, x, y), Rgb{77, 77, 77}, 0, "");
  }
}

TEST(OpenCvCamera, Reads16BitPngsScaledTo8Bits) {
  const auto frame = first_frame(test_media().grey16);
  expect_near(pixel(kQvgaRgb888, frame, 160, 120), Rgb{255, 255, 255}, 0, "white");
}

TEST(OpenCvCamera, ReadsAnRgbaPngOverBlack) {
  // 32x24 scaled by 10: the three 8-row bands become 80-row bands.
  const auto frame = first_frame(test_media().rgba);
  expect_near(pixel(kQvgaRgb888, frame, 160, 40), Rgb{200, 100, 50}, 0, "opaque");
  expect_near(pixel(kQvgaRgb888, frame, 160, 120), Rgb{100, 50, 25}, 1, "half transparent");
  expect_near(pixel(kQvgaRgb888, frame, 160, 200), Rgb{0, 0, 0}, 0, "transparent");
}

TEST(OpenCvCamera, VideoDeliversEveryFrameInOrderThenEndsAndRestartsOnReopen) {
  OpenCvCameraOptions o = opts(Pacing::kAsFastAsPossible);
  o.source = test_media().video;
  OpenCvCamera cam(o);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  for (int pass = 0; pass < 2; ++pass) {
    ASSERT_EQ(cam.open(), HalStatus::kOk) << cam.last_error();
    EXPECT_NEAR(cam.pacing_fps(), 25.0, 0.01);
    for (int k = 0; k < 10; ++k) {
      ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk) << k;
      expect_near(pixel(kQvgaRgb888, frame, 160, 120), video_colour(k), 12,
                  "frame " + std::to_string(k));
    }
    EXPECT_EQ(cam.source_size(), cv::Size(64, 48));
    EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kEndOfStream);
    EXPECT_EQ(cam.frames_delivered(), 10);
    cam.close();
  }
}

TEST(OpenCvCamera, SequenceAsRgb565WithPaddedRows) {
  OpenCvCameraOptions o = opts(Pacing::kAsFastAsPossible, kPadded565);
  o.source = test_media().sequence;
  OpenCvCamera cam(o);
  ASSERT_EQ(cam.open(), HalStatus::kOk) << cam.last_error();
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kPadded565));
  for (int k = 0; k < 5; ++k) {
    ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk) << k;
    // RGB565 keeps 5/6/5 bits: widened back, each channel is within 8 levels.
    expect_near(pixel(kPadded565, frame, 80, 60), sequence_colour(k), 8,
                "frame " + std::to_string(k));
  }
  EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kEndOfStream);
}

TEST(OpenCvCamera, LoopingSequenceStartsAgain) {
  OpenCvCameraOptions o = opts(Pacing::kAsFastAsPossible, kQvgaRgb888, 0, false, true);
  o.source = test_media().sequence;
  OpenCvCamera cam(o);
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  for (int k = 0; k < 12; ++k) {
    ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk) << k;
    expect_near(pixel(kQvgaRgb888, frame, 10, 10), sequence_colour(k % 5), 0,
                "read " + std::to_string(k));
  }
}

TEST(OpenCvCamera, StillOnceThenEndOrRepeated) {
  for (const bool repeat : {false, true}) {
    OpenCvCameraOptions o = opts(Pacing::kAsFastAsPossible, kQvgaRgb888, 0, repeat);
    o.source = test_media().still;
    OpenCvCamera cam(o);
    ASSERT_EQ(cam.open(), HalStatus::kOk);
    std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
    ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk);
    expect_near(pixel(kQvgaRgb888, frame, 5, 5), sequence_colour(0), 0, "still");
    for (int k = 0; k < 3; ++k) {
      EXPECT_EQ(cam.read_frame(frame.data(), frame.size(), 0),
                repeat ? HalStatus::kOk : HalStatus::kEndOfStream);
    }
  }
}

TEST(OpenCvCamera, UnopenableSourcesSayWhichAndWhy) {
  for (const std::string& source :
       {std::string("99"), test_media().missing, test_media().text, no_match()}) {
    OpenCvCameraOptions o;
    o.source = source;
    OpenCvCamera cam(o);
    EXPECT_EQ(cam.open(), HalStatus::kNoDevice) << source;
    EXPECT_FALSE(cam.is_open());
    EXPECT_NE(cam.last_error().find(source), std::string::npos) << cam.last_error();
    EXPECT_NE(std::string(cam.name()).find(source), std::string::npos);
  }
}

}  // namespace
}  // namespace tt::tests::hal
