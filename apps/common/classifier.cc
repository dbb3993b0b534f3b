#include "apps/common/classifier.h"

#include <cstdio>

#include "kernels/core/crc32.h"

namespace tt::apps {

namespace kp = tt::kernels::plan;

namespace {

uint64_t clock_ticks(void* ctx) { return static_cast<const hal::Clock*>(ctx)->ticks(); }

int32_t elements(const kp::PlanTensor& t) { return kp::element_count(t); }

}  // namespace

int32_t argmax(const int8_t* scores, int32_t n) {
  int32_t best = n >= 1 ? 0 : -1;
  for (int32_t i = 1; i < n; ++i) {
    if (scores[i] > scores[best]) best = i;
  }
  return best;
}

AppStatus Classifier::load(const ModelSlot& slot, const ClassifierSpec& spec, char* message,
                           int32_t message_bytes) {
  loaded_ = false;
  slot_ = slot;
  spec_ = spec;
  const kp::LoadResult r =
      kp::load_plan(slot.plan, slot.plan_bytes, slot.arena, slot.arena_bytes, &plan_);
  if (!r.ok()) {
    std::snprintf(message, message_bytes, "%s model '%s' does not load: %s (item %d)", spec.role,
                  slot.name, kp::load_status_name(r.status), static_cast<int>(r.index));
    return AppStatus::kModelError;
  }
  if (plan_.input_count() != 1 || plan_.output_count() != 1) {
    std::snprintf(message, message_bytes,
                  "%s model '%s' has %d inputs and %d outputs, needs 1 and 1", spec.role, slot.name,
                  static_cast<int>(plan_.input_count()), static_cast<int>(plan_.output_count()));
    return AppStatus::kModelError;
  }
  if (plan_.op_count() > kMaxReportOps) {
    std::snprintf(message, message_bytes, "%s model '%s' has %d layers, at most %d are supported",
                  spec.role, slot.name, static_cast<int>(plan_.op_count()),
                  static_cast<int>(kMaxReportOps));
    return AppStatus::kModelError;
  }
  const kp::PlanTensor& in = plan_.tensors[plan_.input_tensor(0)];
  const kp::PlanTensor& out = plan_.tensors[plan_.output_tensor(0)];
  if (in.dtype != kp::DType::kInt8 || elements(in) != spec.input_elements) {
    std::snprintf(message, message_bytes,
                  "%s model '%s': the input must be %d int8 values, it has %d %s values", spec.role,
                  slot.name, static_cast<int>(spec.input_elements), static_cast<int>(elements(in)),
                  in.dtype == kp::DType::kInt8 ? "int8" : "non-int8");
    return AppStatus::kModelError;
  }
  const int32_t classes = elements(out);
  if (out.dtype != kp::DType::kInt8 || classes < spec.min_classes || classes > spec.max_classes) {
    std::snprintf(message, message_bytes,
                  "%s model '%s': the output must be %d..%d int8 scores, it has %d %s values",
                  spec.role, slot.name, static_cast<int>(spec.min_classes),
                  static_cast<int>(spec.max_classes), static_cast<int>(classes),
                  out.dtype == kp::DType::kInt8 ? "int8" : "non-int8");
    return AppStatus::kModelError;
  }
  input_ = static_cast<int8_t*>(plan_.mutable_data(plan_.input_tensor(0)));
  output_ = static_cast<const int8_t*>(plan_.data(plan_.output_tensor(0)));
  if (input_ == nullptr) {
    std::snprintf(message, message_bytes, "%s model '%s': the input is a constant tensor",
                  spec.role, slot.name);
    return AppStatus::kModelError;
  }
  input_scale_ = in.scale;
  input_zero_point_ = in.zero_point;
  output_scale_ = out.scale;
  output_zero_point_ = out.zero_point;
  classes_ = classes;
  sequence_ = 0;
  loaded_ = true;
  return AppStatus::kOk;
}

bool Classifier::run(const hal::Clock& clock, InferenceReport* report, char* message,
                     int32_t message_bytes) {
  if (!loaded_) {
    std::snprintf(message, message_bytes, "%s model not loaded", spec_.role);
    return false;
  }
  kp::RunOptions options;
  options.now = clock_ticks;
  options.clock_ctx = const_cast<hal::Clock*>(&clock);
  options.op_ticks = report->op_ticks;
  options.op_crc32 = report->op_crc32;
  options.on_op = slot_.on_layer;
  options.hook_ctx = slot_.on_layer_ctx;
  const uint64_t t0 = clock.ticks();
  const kp::RunResult r = kp::run_plan(plan_, options);
  report->inference_ticks = clock.ticks() - t0;
  if (!r.ok()) {
    std::snprintf(message, message_bytes, "%s model '%s' failed in layer %d: %s", spec_.role,
                  slot_.name, static_cast<int>(r.failed_op), kernels::status_name(r.status));
    return false;
  }
  report->model = slot_.name;
  report->sequence = ++sequence_;
  report->op_count = plan_.op_count();
  report->class_count = classes_;
  for (int32_t i = 0; i < classes_; ++i) report->scores[i] = output_[i];
  report->labels = classes_ == spec_.label_count ? spec_.labels : nullptr;
  report->output_scale = output_scale_;
  report->output_zero_point = output_zero_point_;
  report->top = argmax(output_, classes_);
  report->output_crc32 = kernels::crc32(0, output_, classes_);
  return true;
}

}  // namespace tt::apps
