#include "hal/host/push_camera_cv.h"

#include <vector>

namespace tt::hal::host {

bool push_image_fitted(PushCamera& camera, const cv::Mat& image, FitMode mode) {
  const FrameFormat f = camera.frame_format();
  std::vector<uint8_t> frame(frame_bytes(f));
  if (!fit_into_frame(image, f, mode, frame.data())) return false;
  return camera.push_frame(f, frame.data());
}

}  // namespace tt::hal::host
