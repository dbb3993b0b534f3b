#include "apps/common/image_classifier.h"

#include <cstdio>

#include "apps/common/frame_view.h"

namespace tt::apps {

namespace kf = tt::kernels::frontend;

AppStatus ImageClassifier::load(const ModelSlot& slot, int32_t side, const char* const* labels,
                                int32_t label_count, char* message, int32_t message_bytes) {
  side_ = 0;
  if (side < 1 || side > kMaxSide) {
    std::snprintf(message, message_bytes, "image side %d outside 1..%d", static_cast<int>(side),
                  static_cast<int>(kMaxSide));
    return AppStatus::kModelError;
  }
  ClassifierSpec spec;
  spec.role = "image";
  spec.input_elements = side * side * 3;
  spec.labels = labels;
  spec.label_count = label_count;
  const AppStatus s = net_.load(slot, spec, message, message_bytes);
  if (s != AppStatus::kOk) return s;
  const kernels::Status q = kf::make_pixel_quantizer(
      kf::unit_range_normalization(3), net_.input_scale(), net_.input_zero_point(), &quantizer_);
  if (q != kernels::Status::kOk) {
    std::snprintf(message, message_bytes, "image model '%s': input quantization unusable (%s)",
                  slot.name, kernels::status_name(q));
    return AppStatus::kModelError;
  }
  side_ = side;
  return AppStatus::kOk;
}

bool ImageClassifier::classify(const hal::FrameFormat& format, const uint8_t* frame,
                               const hal::Clock& clock, InferenceReport* report, char* message,
                               int32_t message_bytes) {
  const uint64_t t0 = clock.ticks();
  kf::ResizeArgs args;
  args.src = frame_view(format, frame);
  crop_ = kf::centre_crop(format.width, format.height);
  args.crop = crop_;
  args.output = rgb_;
  args.out_width = side_;
  args.out_height = side_;
  args.out_format = kf::PixelFormat::kRgb888;
  kernels::Status s = kf::resize_area(args);
  if (s == kernels::Status::kOk) {
    s = kf::quantize_pixels(quantizer_, rgb_, side_ * side_ * 3, net_.input());
  }
  if (s != kernels::Status::kOk) {
    std::snprintf(message, message_bytes, "camera frame %dx%d not usable: %s",
                  static_cast<int>(format.width), static_cast<int>(format.height),
                  kernels::status_name(s));
    return false;
  }
  report->started_ticks = t0;
  report->frontend_ticks = clock.ticks() - t0;
  return net_.run(clock, report, message, message_bytes);
}

}  // namespace tt::apps
