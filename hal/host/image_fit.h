// Pictures into camera frames with OpenCV: any image OpenCV decodes (grey, BGR, BGRA; 8 or
// 16 bits or float) becomes 8-bit BGR, is scaled to the frame size preserving its aspect
// ratio, and is packed as RGB888 or RGB565. Shared by OpenCvCamera (cover: the picture fills
// the frame and is centre-cropped, like a sensor's windowing) and push_image_fitted()
// (letterbox by default: a still picture is shown whole).
//
// Conversions: alpha is composited over black (an LCD with nothing behind it); 16-bit
// channels are scaled by 1/257, float channels are taken as 0..1; RGB565 keeps the top
// 5/6/5 bits (truncation, as hal/draw and sensors do). Scaling uses INTER_AREA when
// shrinking and INTER_LINEAR when enlarging.
#pragma once

#include <cstdint>
#include <opencv2/core.hpp>

#include "tt/hal/camera.h"

namespace tt::hal::host {

enum class FitMode : uint8_t {
  kCover = 0,      // fill the frame, crop the overhang equally on both sides
  kLetterbox = 1,  // fit inside the frame, pad equally on both sides with black
};

// 8-bit BGR (CV_8UC3) of an image with 1 to 4 channels of any depth; empty when the image is
// empty or has more than 4 channels.
cv::Mat to_bgr8(const cv::Mat& image);

// A width x height CV_8UC3 picture made from a BGR8 one as `mode` says.
cv::Mat fit_bgr8(const cv::Mat& bgr8, int width, int height, FitMode mode);

// Packs a CV_8UC3 BGR picture of exactly f.width x f.height into a frame of format f,
// writing frame_bytes(f) bytes (row padding is left untouched).
void write_frame(const cv::Mat& bgr8, const FrameFormat& f, uint8_t* out);

// to_bgr8 + fit_bgr8 + write_frame. Returns false (writing nothing) for an unusable image.
bool fit_into_frame(const cv::Mat& image, const FrameFormat& f, FitMode mode, uint8_t* out);

// The inverse of write_frame (RGB565 widened by bit replication): for previews and tests.
cv::Mat frame_to_bgr8(const FrameFormat& f, const uint8_t* frame);

}  // namespace tt::hal::host
