// FramebufferDisplay::write_png(): kept apart so the display itself needs no OpenCV.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <vector>

#include "hal/draw/colour.h"
#include "hal/host/framebuffer_display.h"

namespace tt::hal::host {

bool FramebufferDisplay::write_png(const std::string& path) const {
  std::vector<uint16_t> pixels(static_cast<size_t>(width_) * static_cast<size_t>(height_));
  copy_front(pixels.data(), nullptr);
  cv::Mat bgr(height_, width_, CV_8UC3);
  for (int y = 0; y < height_; ++y) {
    cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = 0; x < width_; ++x) {
      const uint16_t c = pixels[static_cast<size_t>(y) * width_ + x];
      row[x] = cv::Vec3b(draw::blue_of(c), draw::green_of(c), draw::red_of(c));
    }
  }
  try {
    return cv::imwrite(path, bgr);
  } catch (const cv::Exception&) {  // e.g. an extension OpenCV has no encoder for
    return false;
  }
}

}  // namespace tt::hal::host
