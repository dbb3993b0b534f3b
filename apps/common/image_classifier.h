// The camera-to-network path of cifar10_camera and multinet: a frame -> its centre square
// (kernels/frontend centre_crop) -> an area resize to the network's input size in RGB888 ->
// the network's int8 input (pixel / 255, quantized with the input's scale and zero point),
// then the inference. The crop and the resized image stay available for the LCD and the GUI.
#pragma once

#include <cstdint>

#include "apps/common/classifier.h"
#include "kernels/frontend/image_quantize.h"
#include "kernels/frontend/image_resize.h"
#include "tt/hal/camera.h"

namespace tt::apps {

class ImageClassifier {
 public:
  static constexpr int32_t kMaxSide = 32;  // network inputs up to 32x32x3

  // models: a network with side*side*3 int8 inputs; labels for its classes.
  AppStatus load(const ModelSlot& slot, int32_t side, const char* const* labels,
                 int32_t label_count, char* message, int32_t message_bytes);

  // Runs on one frame; report gets the front-end and inference ticks.
  bool classify(const hal::FrameFormat& format, const uint8_t* frame, const hal::Clock& clock,
                InferenceReport* report, char* message, int32_t message_bytes);

  const Classifier& network() const { return net_; }
  int32_t side() const { return side_; }
  const uint8_t* input_rgb() const { return rgb_; }           // side*side*3, the last network input
  kernels::frontend::CropRect crop() const { return crop_; }  // of the last frame

 private:
  Classifier net_;
  kernels::frontend::PixelQuantizer quantizer_;
  kernels::frontend::CropRect crop_;
  int32_t side_ = 0;
  uint8_t rgb_[kMaxSide * kMaxSide * 3] = {};
};

}  // namespace tt::apps
