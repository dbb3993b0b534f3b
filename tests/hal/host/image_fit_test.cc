// Picture fitting (image_fit.h), pictures pushed into a PushCamera, and the display saved as
// a PNG: the OpenCV helpers the GUI and the headless demo use.
#include "hal/host/image_fit.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <vector>

#include "hal/draw/colour.h"
#include "hal/host/framebuffer_display.h"
#include "hal/host/push_camera_cv.h"
#include "tests/hal/host/test_media.h"

namespace tt::tests::hal {
namespace {

using tt::hal::FrameFormat;
using tt::hal::HalStatus;
using tt::hal::PixelFormat;
using tt::hal::Rect;
using tt::hal::host::FitMode;
using tt::hal::host::FramebufferDisplay;
using tt::hal::host::kQvgaRgb565;
using tt::hal::host::kQvgaRgb888;
using tt::hal::host::PushCamera;

const cv::Vec3b kRedBgr(0, 0, 255);
const cv::Vec3b kBlackBgr(0, 0, 0);

TEST(ImageFit, LetterboxShowsASquarePictureWholeBetweenBlackBars) {
  const cv::Mat red(100, 100, CV_8UC3, cv::Scalar(0, 0, 255));
  const cv::Mat out = tt::hal::host::fit_bgr8(red, 320, 240, FitMode::kLetterbox);
  ASSERT_EQ(out.size(), cv::Size(320, 240));
  // 240x240 in the middle: columns 40..279.
  EXPECT_EQ(out.at<cv::Vec3b>(120, 39), kBlackBgr);
  EXPECT_EQ(out.at<cv::Vec3b>(120, 40), kRedBgr);
  EXPECT_EQ(out.at<cv::Vec3b>(0, 160), kRedBgr);
  EXPECT_EQ(out.at<cv::Vec3b>(239, 279), kRedBgr);
  EXPECT_EQ(out.at<cv::Vec3b>(120, 280), kBlackBgr);
}

TEST(ImageFit, CoverCropsATallPictureTopAndBottom) {
  // 100x400, top half green, bottom half white, into 200x200: scaled to 200x800, rows
  // 300..499 remain, so the colour edge (row 400) lands on row 100.
  cv::Mat tall(400, 100, CV_8UC3, cv::Scalar(255, 255, 255));
  tall(cv::Rect(0, 0, 100, 200)).setTo(cv::Scalar(0, 255, 0));
  const cv::Mat out = tt::hal::host::fit_bgr8(tall, 200, 200, FitMode::kCover);
  ASSERT_EQ(out.size(), cv::Size(200, 200));
  EXPECT_EQ(out.at<cv::Vec3b>(50, 100), cv::Vec3b(0, 255, 0));
  EXPECT_EQ(out.at<cv::Vec3b>(150, 100), cv::Vec3b(255, 255, 255));
}

TEST(ImageFit, ConvertsDepthsAndChannelsTo8BitBgr) {
  using tt::hal::host::to_bgr8;
  EXPECT_EQ(to_bgr8(cv::Mat(2, 2, CV_16UC1, cv::Scalar(65535))).at<cv::Vec3b>(0, 0),
            cv::Vec3b(255, 255, 255));
  EXPECT_EQ(to_bgr8(cv::Mat(2, 2, CV_32FC3, cv::Scalar(0.0, 0.5, 1.0))).at<cv::Vec3b>(1, 1),
            cv::Vec3b(0, 128, 255));
  EXPECT_EQ(to_bgr8(cv::Mat(2, 2, CV_8UC2, cv::Scalar(200, 0))).at<cv::Vec3b>(0, 1), kBlackBgr);
  EXPECT_EQ(to_bgr8(cv::Mat(2, 2, CV_8UC4, cv::Scalar(10, 20, 30, 255))).at<cv::Vec3b>(0, 0),
            cv::Vec3b(10, 20, 30));
  EXPECT_TRUE(to_bgr8(cv::Mat()).empty());
  EXPECT_TRUE(to_bgr8(cv::Mat(2, 2, CV_8UC(5))).empty());
}

TEST(ImageFit, FramesRoundTripThroughRgb565) {
  cv::Mat pic(240, 320, CV_8UC3, cv::Scalar(255, 255, 255));
  pic.at<cv::Vec3b>(1, 2) = kRedBgr;
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb565));
  tt::hal::host::write_frame(pic, kQvgaRgb565, frame.data());
  const size_t red_at = (1 * 320 + 2) * 2;
  EXPECT_EQ(frame[red_at] | (frame[red_at + 1] << 8), tt::hal::draw::rgb565(255, 0, 0));
  const cv::Mat back = tt::hal::host::frame_to_bgr8(kQvgaRgb565, frame.data());
  EXPECT_EQ(back.at<cv::Vec3b>(1, 2), kRedBgr);  // full scale survives bit replication
  EXPECT_EQ(back.at<cv::Vec3b>(0, 0), cv::Vec3b(255, 255, 255));
}

TEST(PushImageFitted, AnyPictureBecomesAFrameOfTheCamerasFormat) {
  PushCamera cam(kQvgaRgb888);
  ASSERT_TRUE(tt::hal::host::push_image_fitted(cam, cv::Mat(28, 28, CV_8UC1, cv::Scalar(255))));
  EXPECT_FALSE(tt::hal::host::push_image_fitted(cam, cv::Mat()));
  ASSERT_EQ(cam.open(), HalStatus::kOk);
  std::vector<uint8_t> frame(tt::hal::frame_bytes(kQvgaRgb888));
  ASSERT_EQ(cam.read_frame(frame.data(), frame.size(), 0), HalStatus::kOk);
  const cv::Mat got = tt::hal::host::frame_to_bgr8(kQvgaRgb888, frame.data());
  EXPECT_EQ(got.at<cv::Vec3b>(120, 160), cv::Vec3b(255, 255, 255));  // the picture
  EXPECT_EQ(got.at<cv::Vec3b>(120, 10), kBlackBgr);                  // a letterbox bar
  EXPECT_EQ(cam.frames_pushed(), 1u);
}

TEST(FramebufferDisplayPng, SavesTheFrontBufferAsRgb) {
  FramebufferDisplay d;
  const auto s = d.surface();
  s.pixels[10 * 320 + 20] = tt::hal::draw::rgb565(255, 0, 0);
  s.pixels[10 * 320 + 21] = tt::hal::draw::rgb565(255, 255, 255);
  s.pixels[0] = tt::hal::draw::rgb565(255, 255, 255);  // never flushed: stays black
  d.mark_dirty(Rect{20, 10, 2, 1});
  ASSERT_EQ(d.flush(), HalStatus::kOk);
  const std::string path = test_media().dir + "/lcd.png";
  ASSERT_TRUE(d.write_png(path));
  const cv::Mat png = cv::imread(path, cv::IMREAD_UNCHANGED);
  ASSERT_EQ(png.type(), CV_8UC3);
  ASSERT_EQ(png.size(), cv::Size(320, 240));
  EXPECT_EQ(png.at<cv::Vec3b>(10, 20), kRedBgr);
  EXPECT_EQ(png.at<cv::Vec3b>(10, 21), cv::Vec3b(255, 255, 255));
  EXPECT_EQ(png.at<cv::Vec3b>(0, 0), kBlackBgr);
  EXPECT_FALSE(d.write_png(test_media().dir + "/no/such/dir/lcd.png"));
}

}  // namespace
}  // namespace tt::tests::hal
