// Pushing any picture into a PushCamera: the GUI's drawing canvas, a still image file or a
// preview frame, whatever its size, channels or depth, is scaled into the camera's fixed
// format (image_fit.h). Letterbox by default, so a still picture reaches the app whole and a
// square one fills exactly the square an app crops from the middle of the frame.
#pragma once

#include <opencv2/core.hpp>

#include "hal/host/image_fit.h"
#include "hal/host/push_camera.h"

namespace tt::hal::host {

// Returns false, pushing nothing, when the image is empty or has more than 4 channels.
bool push_image_fitted(PushCamera& camera, const cv::Mat& image,
                       FitMode mode = FitMode::kLetterbox);

}  // namespace tt::hal::host
