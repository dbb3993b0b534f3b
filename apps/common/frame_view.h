// A camera frame (tt/hal/camera.h) as the front-ends' image view (kernels/frontend): the two
// share their byte layouts, only the enums differ.
#pragma once

#include <cstdint>

#include "kernels/frontend/image_resize.h"
#include "tt/hal/camera.h"

namespace tt::apps {

inline kernels::frontend::ImageView frame_view(const hal::FrameFormat& f, const uint8_t* data) {
  kernels::frontend::ImageView v;
  v.data = data;
  v.width = f.width;
  v.height = f.height;
  v.stride = f.stride_bytes;
  v.format = f.format == hal::PixelFormat::kRgb888 ? kernels::frontend::PixelFormat::kRgb888
                                                   : kernels::frontend::PixelFormat::kRgb565;
  return v;
}

}  // namespace tt::apps
