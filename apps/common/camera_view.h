// The camera part of a screen, shared by cifar10_camera and multinet: the frame shrunk into
// a preview box with the crop the network sees outlined, and the network's own input
// magnified next to it, so a person sees exactly what the network saw.
#pragma once

#include "apps/common/image_classifier.h"
#include "tt/hal/camera.h"
#include "tt/hal/display.h"

namespace tt::apps::screen {

void camera_preview(hal::Display& d, const hal::Rect& box, const hal::FrameFormat& format,
                    const uint8_t* frame, const kernels::frontend::CropRect& crop);
void network_input(hal::Display& d, int x, int y, int scale, const ImageClassifier& c);

}  // namespace tt::apps::screen
