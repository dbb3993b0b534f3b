#include "hal/host/image_fit.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "hal/draw/colour.h"

namespace tt::hal::host {
namespace {

cv::Mat to_depth8(const cv::Mat& image) {
  cv::Mat out;
  switch (image.depth()) {
    case CV_8U:
      return image;
    case CV_16U:
      image.convertTo(out, CV_8U, 1.0 / 257.0);
      return out;
    case CV_32F:
    case CV_64F:
      image.convertTo(out, CV_8U, 255.0);  // saturates outside 0..1
      return out;
    default:  // signed integers: no convention, so stretch the range that is there
      cv::normalize(image, out, 0, 255, cv::NORM_MINMAX, CV_8U);
      return out;
  }
}

// Colour over black: c * alpha / 255, rounded.
cv::Mat composite_over_black(const cv::Mat& colour, const cv::Mat& alpha) {
  cv::Mat alpha3, out;
  cv::Mat planes[] = {alpha, alpha, alpha};
  cv::merge(planes, 3, alpha3);
  cv::multiply(colour, alpha3, out, 1.0 / 255.0);
  return out;
}

}  // namespace

cv::Mat to_bgr8(const cv::Mat& image) {
  if (image.empty() || image.channels() > 4) return cv::Mat();
  const cv::Mat img = to_depth8(image);
  cv::Mat bgr;
  switch (img.channels()) {
    case 1:
      cv::cvtColor(img, bgr, cv::COLOR_GRAY2BGR);
      return bgr;
    case 2: {  // grey + alpha
      cv::Mat planes[2];
      cv::split(img, planes);
      cv::cvtColor(planes[0], bgr, cv::COLOR_GRAY2BGR);
      return composite_over_black(bgr, planes[1]);
    }
    case 3:
      return img;
    default: {
      cv::Mat planes[4];
      cv::split(img, planes);
      cv::merge(planes, 3, bgr);
      return composite_over_black(bgr, planes[3]);
    }
  }
}

cv::Mat fit_bgr8(const cv::Mat& bgr8, int width, int height, FitMode mode) {
  assert(bgr8.type() == CV_8UC3 && !bgr8.empty() && width > 0 && height > 0);
  const double sx = static_cast<double>(width) / bgr8.cols;
  const double sy = static_cast<double>(height) / bgr8.rows;
  const double scale = mode == FitMode::kCover ? std::max(sx, sy) : std::min(sx, sy);
  int w = static_cast<int>(std::lround(bgr8.cols * scale));
  int h = static_cast<int>(std::lround(bgr8.rows * scale));
  // Rounding must not leave a gap (cover) or an overhang (letterbox) of one pixel.
  w = mode == FitMode::kCover ? std::max(w, width) : std::clamp(w, 1, width);
  h = mode == FitMode::kCover ? std::max(h, height) : std::clamp(h, 1, height);
  cv::Mat scaled;
  if (w == bgr8.cols && h == bgr8.rows) {
    scaled = bgr8;
  } else {
    const bool shrinking = w < bgr8.cols || h < bgr8.rows;
    cv::resize(bgr8, scaled, cv::Size(w, h), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  }
  if (mode == FitMode::kCover) {
    return scaled(cv::Rect((w - width) / 2, (h - height) / 2, width, height)).clone();
  }
  cv::Mat out(height, width, CV_8UC3, cv::Scalar(0, 0, 0));
  scaled.copyTo(out(cv::Rect((width - w) / 2, (height - h) / 2, w, h)));
  return out;
}

void write_frame(const cv::Mat& bgr8, const FrameFormat& f, uint8_t* out) {
  assert(bgr8.type() == CV_8UC3 && bgr8.cols == f.width && bgr8.rows == f.height);
  for (int y = 0; y < f.height; ++y) {
    const cv::Vec3b* src = bgr8.ptr<cv::Vec3b>(y);
    uint8_t* row = out + static_cast<size_t>(y) * f.stride_bytes;
    for (int x = 0; x < f.width; ++x) {
      const uint8_t b = src[x][0], g = src[x][1], r = src[x][2];
      if (f.format == PixelFormat::kRgb888) {
        row[3 * x] = r;
        row[3 * x + 1] = g;
        row[3 * x + 2] = b;
      } else {
        const uint16_t v = draw::rgb565(r, g, b);
        row[2 * x] = static_cast<uint8_t>(v & 0xFF);  // little-endian, as camera.h says
        row[2 * x + 1] = static_cast<uint8_t>(v >> 8);
      }
    }
  }
}

bool fit_into_frame(const cv::Mat& image, const FrameFormat& f, FitMode mode, uint8_t* out) {
  const cv::Mat bgr = to_bgr8(image);
  if (bgr.empty()) return false;
  write_frame(fit_bgr8(bgr, f.width, f.height, mode), f, out);
  return true;
}

cv::Mat frame_to_bgr8(const FrameFormat& f, const uint8_t* frame) {
  cv::Mat out(f.height, f.width, CV_8UC3);
  for (int y = 0; y < f.height; ++y) {
    const uint8_t* row = frame + static_cast<size_t>(y) * f.stride_bytes;
    cv::Vec3b* dst = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < f.width; ++x) {
      if (f.format == PixelFormat::kRgb888) {
        dst[x] = cv::Vec3b(row[3 * x + 2], row[3 * x + 1], row[3 * x]);
      } else {
        const uint16_t v = static_cast<uint16_t>(row[2 * x] | (row[2 * x + 1] << 8));
        dst[x] = cv::Vec3b(draw::blue_of(v), draw::green_of(v), draw::red_of(v));
      }
    }
  }
  return out;
}

}  // namespace tt::hal::host
