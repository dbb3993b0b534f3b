// Images onto an RGB565 surface with nearest-neighbour scaling: the camera frame shrunk to a
// preview, the model's 32x32 input blown up so a person can see what the network sees.
//
// Source formats: 8-bit grey, RGB888 (R, G, B bytes) and RGB565 (little-endian 16-bit words,
// the Camera's convention), rows stride_bytes apart. Destination pixel (dx, dy) of a w x h
// destination rectangle shows source pixel (dx * width / w, dy * height / h), so the mapping
// does not depend on how much of the rectangle is clipped away. An invalid image (null data,
// sizes < 1, stride too small) or surface draws nothing.
#pragma once

#include <cstdint>

#include "tt/hal/camera.h"
#include "tt/hal/surface.h"

namespace tt::hal::draw {

enum class ImageFormat : uint8_t {
  kGrey8 = 0,
  kRgb888,
  kRgb565,
};

struct Image {
  const uint8_t* data = nullptr;
  int width = 0;
  int height = 0;
  int stride_bytes = 0;
  ImageFormat format = ImageFormat::kRgb565;
};

// A camera frame as an image (the formats share their byte layout).
Image image_of_frame(const FrameFormat& f, const uint8_t* data);

// Scales img to fill dst; returns dst clipped to the surface.
Rect blit_scaled(const Surface& s, const Image& img, const Rect& dst);

// img at (x, y), each pixel a scale x scale block (scale < 1 draws nothing).
Rect blit(const Surface& s, const Image& img, int x, int y, int scale = 1);

}  // namespace tt::hal::draw
