// mnist_draw: a hand-drawn digit -> 28x28 -> an MNIST network (the MLP or the small CNN).
//
// Input: the board's camera. On the desktop that "camera" is the drawing canvas (or an image
// file); on a board it is the sensor looking at a digit on paper. Each new frame is prepared
// the way MNIST digits were (kernels/frontend/mnist_prepare.h: ink box scaled to 20 pixels,
// centred by its centre of mass) and classified; a button press classifies the last frame
// again (on a board: "take the picture now"). Dark ink on a light canvas is detected from the
// frame's mean brightness unless the config fixes the polarity.
//
// LCD: the 28x28 network input magnified, "Predicted: N" with its confidence, ten score bars,
// the latency. models[0]: a network with 784 int8 inputs (any shape) and 10 outputs.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "apps/common/classifier.h"
#include "apps/common/frame_buffer.h"
#include "kernels/frontend/image_quantize.h"

namespace tt::apps {

enum class InkPolarity : uint8_t { kAuto, kBrightOnDark, kDarkOnLight };

struct MnistDrawConfig {
  InkPolarity ink = InkPolarity::kAuto;
  uint8_t ink_threshold = 40;  // after inversion: values at or below are background
  bool classify_every_frame = true;
};

class MnistDrawApp final : public App {
 public:
  explicit MnistDrawApp(const MnistDrawConfig& config = {}) : config_(config) {}
  const char* name() const override { return "mnist_draw"; }
  AppStatus start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                  AppListener* listener) override;
  AppStatus step(uint32_t timeout_ms) override;
  void stop() override;
  const char* message() const override { return message_; }

  // The last network input (28x28 grey, ink bright), for tests and the GUI.
  const uint8_t* digit() const { return digit_; }
  const InferenceReport& last_report() const { return report_; }

 private:
  AppStatus classify();
  bool dark_ink() const;
  void draw_static();
  void draw_result();

  MnistDrawConfig config_;
  const hal::Board* board_ = nullptr;
  AppListener* listener_ = nullptr;
  Classifier net_;
  kernels::frontend::PixelQuantizer quantizer_;
  FrameBuffer frame_;
  bool have_frame_ = false;
  bool camera_open_ = false;
  bool started_ = false;
  uint8_t digit_[28 * 28] = {};
  InferenceReport report_;
  char message_[128] = "";
};

}  // namespace tt::apps
