// resize_area against OpenCV's cv::resize(INTER_AREA) on random images: a camera frame's
// centre crop to 32x32 RGB, reductions by integer and fractional factors, enlargements and
// colour-to-grey. OpenCV rounds its float (or 11-bit fixed-point when enlarging) weights
// differently and converts colour to grey before resizing, so levels may differ by 1.
#include <gtest/gtest.h>

#include <cstdint>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <random>
#include <vector>

#include "kernels/frontend/image_resize.h"

namespace tt::tests {
namespace {

using kernels::Status;
using namespace kernels::frontend;

cv::Mat random_image(int w, int h, int type, uint32_t seed) {
  cv::Mat m(h, w, type);
  std::mt19937 rng(seed);
  // Smooth content plus noise, as camera images are, and pure noise in a corner.
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w * m.channels(); ++x) {
      const int smooth = (x * 7 + y * 3) % 256;
      m.ptr<uint8_t>(y)[x] = static_cast<uint8_t>((x < 8 && y < 8) ? rng() : smooth + rng() % 16);
    }
  }
  return m;
}

// Max |ours - OpenCV| over the image.
int max_difference(const cv::Mat& src, CropRect crop, int ow, int oh, bool to_grey) {
  const bool colour = src.channels() == 3;
  ResizeArgs a;
  a.src = {src.data, src.cols, src.rows, static_cast<int32_t>(src.step),
           colour ? PixelFormat::kRgb888 : PixelFormat::kGray8};
  a.crop = crop;
  a.out_width = ow;
  a.out_height = oh;
  a.out_format = to_grey || !colour ? PixelFormat::kGray8 : PixelFormat::kRgb888;
  std::vector<uint8_t> ours(static_cast<size_t>(ow) * oh * channel_count(a.out_format));
  a.output = ours.data();
  EXPECT_EQ(resize_area(a), Status::kOk);

  cv::Mat region = src(cv::Rect(crop.x, crop.y, crop.width, crop.height));
  if (to_grey && colour) {
    cv::Mat grey;
    cv::cvtColor(region, grey, cv::COLOR_RGB2GRAY);
    region = grey;
  }
  cv::Mat theirs;
  cv::resize(region, theirs, cv::Size(ow, oh), 0, 0, cv::INTER_AREA);
  int worst = 0;
  for (int y = 0; y < oh; ++y) {
    for (int i = 0; i < ow * theirs.channels(); ++i) {
      const int d = std::abs(static_cast<int>(ours[y * ow * theirs.channels() + i]) -
                             static_cast<int>(theirs.ptr<uint8_t>(y)[i]));
      worst = std::max(worst, d);
    }
  }
  return worst;
}

struct Case {
  int sw, sh, ow, oh;
};

TEST(ImageResizeOpenCv, CentreCropOfACameraFrameTo32x32) {
  const cv::Mat frame = random_image(320, 240, CV_8UC3, 1);
  const CropRect crop = centre_crop(320, 240);
  EXPECT_LE(max_difference(frame, crop, 32, 32, false), 1);
  EXPECT_LE(max_difference(frame, crop, 28, 28, true), 1);
  const cv::Mat vga = random_image(640, 480, CV_8UC3, 2);
  EXPECT_LE(max_difference(vga, centre_crop(640, 480), 32, 32, false), 1);
}

TEST(ImageResizeOpenCv, ReductionsAndEnlargements) {
  const Case cases[] = {{64, 64, 32, 32}, {96, 96, 32, 32}, {100, 100, 28, 28}, {77, 53, 32, 20},
                        {33, 33, 32, 32}, {300, 200, 7, 5}, {28, 28, 28, 28},   {20, 20, 28, 28},
                        {16, 16, 32, 32}, {10, 7, 20, 14},  {5, 5, 28, 28},     {13, 9, 30, 31}};
  uint32_t seed = 10;
  for (const Case& c : cases) {
    for (int type : {CV_8UC1, CV_8UC3}) {
      const cv::Mat img = random_image(c.sw, c.sh, type, ++seed);
      const CropRect all{0, 0, c.sw, c.sh};
      EXPECT_LE(max_difference(img, all, c.ow, c.oh, false), 1)
          << c.sw << "x" << c.sh << " -> " << c.ow << "x" << c.oh << " channels " << img.channels();
    }
  }
}

TEST(ImageResizeOpenCv, RandomSizes) {
  std::mt19937 rng(3);
  for (int trial = 0; trial < 60; ++trial) {
    const int ow = 1 + rng() % 40, oh = 1 + rng() % 40;
    // Both axes in the same direction: OpenCV switches the whole image to its enlarging
    // path as soon as one axis enlarges.
    const bool enlarge = trial % 2 == 1;
    const int sw = enlarge ? 1 + rng() % ow : ow + rng() % 120;
    const int sh = enlarge ? 1 + rng() % oh : oh + rng() % 120;
    const cv::Mat img = random_image(sw, sh, trial % 3 ? CV_8UC3 : CV_8UC1, 100 + trial);
    EXPECT_LE(max_difference(img, {0, 0, sw, sh}, ow, oh, trial % 5 == 0), 1)
        << sw << "x" << sh << " -> " << ow << "x" << oh;
  }
}

}  // namespace
}  // namespace tt::tests
