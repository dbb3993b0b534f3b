// cifar10_camera: camera frames -> centre crop -> 32x32 RGB -> the CIFAR-10 network (the
// CMSIS-NN example CNN we ship, or any network with 32x32x3 int8 inputs and 10 outputs).
//
// LCD: the frame (shrunk to 160x120) with the crop box, the 32x32 network input magnified,
// the label and its confidence, ten score bars, the latency. A missing camera is shown on
// the LCD; the button pauses and resumes classification (a frozen frame keeps its result).
// models[0]: the CIFAR-10 network.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "apps/common/frame_buffer.h"
#include "apps/common/image_classifier.h"

namespace tt::apps {

class Cifar10CameraApp final : public App {
 public:
  const char* name() const override { return "cifar10_camera"; }
  AppStatus start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                  AppListener* listener) override;
  AppStatus step(uint32_t timeout_ms) override;
  void stop() override;
  const char* message() const override { return message_; }

  bool paused() const { return paused_; }
  const InferenceReport& last_report() const { return report_; }
  const ImageClassifier& classifier() const { return classifier_; }

 private:
  void draw_static();
  void draw_result();

  const hal::Board* board_ = nullptr;
  AppListener* listener_ = nullptr;
  ImageClassifier classifier_;
  FrameBuffer frame_;
  InferenceReport report_;
  bool camera_open_ = false;
  bool started_ = false;
  bool paused_ = false;
  char message_[128] = "";
};

}  // namespace tt::apps
