#include "tools/tinytwin/eval_runner.h"

#include <cstring>

#include "kernels/frontend/image_resize.h"
#include "kernels/frontend/mfcc.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
namespace {

namespace plan = kernels::plan;
namespace fe = kernels::frontend;

std::string describe(const plan::PlanTensor& t) {
  return shape_string(tensor_shape(t)) + " (" + std::to_string(plan::element_count(t)) +
         " elements)";
}

bool io_type_ok(const plan::PlanTensor& t) {
  return t.dtype == plan::DType::kInt8 || t.dtype == plan::DType::kFloat32;
}

}  // namespace

Classifier::Classifier(const ModelSource& source, int32_t classes, plan::KernelSet kernels)
    : source_(source), arena_(source.arena_words.size(), 0), kernels_(kernels), classes_(classes) {
  // The plan was validated when the source was loaded; this binds it to our own arena.
  const plan::LoadResult r =
      plan::load_plan(source.plan_words.data(), source.plan_bytes, arena_.data(),
                      static_cast<uint32_t>(arena_.size() * 4), &plan_);
  if (!r.ok()) {
    throw EvalError(source.path + ": plan: " + plan::load_status_name(r.status));
  }
  const plan::LoadedPlan& p = plan_;
  if (p.input_count() != 1 || p.output_count() != 1) {
    throw EvalError(source.path + ": the model has " + std::to_string(p.input_count()) +
                    " inputs and " + std::to_string(p.output_count()) +
                    " outputs; eval takes a classifier with one of each");
  }
  input_index_ = p.input_tensor(0);
  output_index_ = p.output_tensor(0);
  const plan::PlanTensor& in = p.tensors[input_index_];
  const plan::PlanTensor& out = p.tensors[output_index_];
  if (!io_type_ok(in) || !io_type_ok(out) || p.mutable_data(input_index_) == nullptr) {
    throw EvalError(source.path + ": eval needs an int8 or float32 input and output");
  }
  if (plan::element_count(out) != classes) {
    throw EvalError(source.path + ": the output " + describe(out) + " does not have one score " +
                    "for each of the app's " + std::to_string(classes) + " classes");
  }
}

const plan::PlanTensor& Classifier::input() const { return plan_.tensors[input_index_]; }

int32_t Classifier::input_elements() const { return plan::element_count(input()); }

void* Classifier::input_data() const { return plan_.mutable_data(input_index_); }

int32_t Classifier::classify() const {
  plan::RunOptions options;
  options.kernels = kernels_;
  const plan::RunResult r = plan::run_plan(plan_, options);
  if (!r.ok()) {
    throw EvalError(source_.path + ": layer " + std::to_string(r.failed_op) +
                    " failed: " + kernels::status_name(r.status));
  }
  const plan::PlanTensor& out = plan_.tensors[output_index_];
  const void* data = plan_.data(output_index_);
  int32_t best = 0;
  if (out.dtype == plan::DType::kInt8) {
    const auto* v = static_cast<const int8_t*>(data);
    for (int32_t i = 1; i < classes_; ++i) best = v[i] > v[best] ? i : best;
  } else {
    const auto* v = static_cast<const float*>(data);
    for (int32_t i = 1; i < classes_; ++i) best = v[i] > v[best] ? i : best;
  }
  return best;
}

ImageFeeder::ImageFeeder(const Classifier& classifier, int32_t height, int32_t width,
                         int32_t channels, const fe::PixelNormalization& norm)
    : classifier_(classifier),
      height_(height),
      width_(width),
      channels_(channels),
      out_height_(height),
      out_width_(width),
      out_channels_(channels) {
  const plan::PlanTensor& in = classifier.input();
  const int64_t image_elements = static_cast<int64_t>(height) * width * channels;
  if (classifier.input_elements() != image_elements) {
    if (in.rank != 4 || in.dims[0] != 1 || (in.dims[3] != 1 && in.dims[3] != 3) ||
        in.dims[1] > fe::kMaxOutputSide || in.dims[2] > fe::kMaxOutputSide) {
      throw EvalError(classifier.path() + ": the input " + describe(in) + " does not take " +
                      std::to_string(height) + "x" + std::to_string(width) + "x" +
                      std::to_string(channels) + " images (" + std::to_string(image_elements) +
                      " elements), nor is it [1, H, W, 1 or 3] to resize them to");
    }
    resize_ = true;
    out_height_ = in.dims[1];
    out_width_ = in.dims[2];
    out_channels_ = in.dims[3];
    resized_.resize(static_cast<size_t>(classifier.input_elements()));
  }
  norm_ = norm;
  norm_.channels = out_channels_;
  for (int32_t c = 1; c < fe::kMaxPixelChannels; ++c) {
    norm_.scale[c] = norm.scale[0];
    norm_.offset[c] = norm.offset[0];
  }
  float_input_ = in.dtype == plan::DType::kFloat32;
  if (!float_input_) {
    const kernels::Status s = fe::make_pixel_quantizer(norm_, in.scale, in.zero_point, &quantizer_);
    if (s != kernels::Status::kOk) {
      throw EvalError(classifier.path() + ": the input's quantization (scale " +
                      std::to_string(in.scale) + ", zero point " + std::to_string(in.zero_point) +
                      ") cannot take pixels: " + kernels::status_name(s));
    }
  }
}

void ImageFeeder::feed(const uint8_t* image) {
  const uint8_t* pixels = image;
  if (resize_) {
    fe::ResizeArgs a;
    a.src = {image, width_, height_, 0,
             channels_ == 1 ? fe::PixelFormat::kGray8 : fe::PixelFormat::kRgb888};
    a.crop = fe::centre_crop(width_, height_, out_width_, out_height_);
    a.output = resized_.data();
    a.out_width = out_width_;
    a.out_height = out_height_;
    a.out_format = out_channels_ == 1 ? fe::PixelFormat::kGray8 : fe::PixelFormat::kRgb888;
    const kernels::Status s = fe::resize_area(a);
    if (s != kernels::Status::kOk) {
      throw EvalError(std::string("image resize failed: ") + kernels::status_name(s));
    }
    pixels = resized_.data();
  }
  const int32_t n = classifier_.input_elements();
  const kernels::Status s =
      float_input_
          ? fe::normalize_pixels(norm_, pixels, n, static_cast<float*>(classifier_.input_data()))
          : fe::quantize_pixels(quantizer_, pixels, n,
                                static_cast<int8_t*>(classifier_.input_data()));
  if (s != kernels::Status::kOk) {
    throw EvalError(std::string("pixel quantization failed: ") + kernels::status_name(s));
  }
}

void feed_features(const Classifier& classifier, const std::vector<float>& features) {
  const plan::PlanTensor& in = classifier.input();
  if (classifier.input_elements() != static_cast<int64_t>(features.size())) {
    throw EvalError(classifier.path() + ": the input " + describe(in) + " does not take the " +
                    std::to_string(features.size()) + " MFCC features of a one-second clip");
  }
  if (in.dtype == plan::DType::kFloat32) {
    std::memcpy(classifier.input_data(), features.data(), features.size() * sizeof(float));
    return;
  }
  if (!(in.scale > 0.0f) || in.zero_point < -128 || in.zero_point > 127) {
    throw EvalError(classifier.path() + ": the input has no usable quantization (scale " +
                    std::to_string(in.scale) + ")");
  }
  fe::quantize_features(features.data(), static_cast<int>(features.size()), in.scale, in.zero_point,
                        static_cast<int8_t*>(classifier.input_data()));
}

}  // namespace tt::tools
