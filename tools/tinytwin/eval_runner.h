// The model side of `tinytwin eval`: a compiled plan checked once for what a classifier
// needs (one input, one output with one score per class) and bound to an arena of its own,
// so several classifiers can share one plan on several threads, each running sample after
// sample on the same arena; and the two ways samples reach its input: images through the
// image front-end (kernels/frontend: resize when the model's input size differs, then
// normalisation and the input's quantization) and precomputed features (keyword spotting).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "kernels/frontend/image_quantize.h"
#include "kernels/runtime/executor.h"
#include "tools/tinytwin/image_dataset.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tools {

// A model that cannot serve the app, or a layer that failed; names the model file.
struct EvalError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Classifier {
 public:
  // Throws EvalError unless the model has one input (int8 or float32) and one output of
  // `classes` elements. `source` must outlive the classifier (its plan is shared).
  Classifier(const ModelSource& source, int32_t classes, kernels::plan::KernelSet kernels);
  Classifier(const Classifier&) = delete;
  Classifier& operator=(const Classifier&) = delete;

  const kernels::plan::PlanTensor& input() const;
  int32_t input_elements() const;
  void* input_data() const;
  const std::string& path() const { return source_.path; }

  // Runs the plan on what was put in input_data(); the index of the highest output (the
  // lowest such index on ties). Throws EvalError when a layer fails.
  int32_t classify() const;

 private:
  const ModelSource& source_;
  std::vector<uint32_t> arena_;
  kernels::plan::LoadedPlan plan_;
  kernels::plan::KernelSet kernels_;
  int32_t input_index_ = 0, output_index_ = 0, classes_ = 0;
};

// Puts images of one geometry into a classifier's input. Same size (by element count, so
// [1,784] takes 28x28 grey): normalised and quantized as they are. A [1,H,W,C] input of
// another size: the largest centred crop of its aspect is AREA-resized first (and grey <->
// RGB converted).
class ImageFeeder {
 public:
  // norm: pixel to real value, for one channel (copied to the others). Throws EvalError when
  // the model's input cannot take these images.
  ImageFeeder(const Classifier& classifier, int32_t height, int32_t width, int32_t channels,
              const kernels::frontend::PixelNormalization& norm);
  void feed(const uint8_t* image);
  bool resizes() const { return resize_; }

 private:
  const Classifier& classifier_;
  int32_t height_, width_, channels_;
  int32_t out_height_, out_width_, out_channels_;
  bool resize_ = false, float_input_ = false;
  std::vector<uint8_t> resized_;
  kernels::frontend::PixelNormalization norm_;
  kernels::frontend::PixelQuantizer quantizer_;
};

// Quantizes features with the input's scale and zero point (or copies them to a float32
// input). Throws EvalError when the count differs from the input's.
void feed_features(const Classifier& classifier, const std::vector<float>& features);

}  // namespace tt::tools
