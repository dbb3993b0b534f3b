// One network inside an app: the plan loaded with the validating loader and checked against
// what the app feeds it (input element count, class count), its int8 input tensor to fill,
// and a run that times every op with the board clock, takes each op's output CRC32 and fills
// an InferenceReport. No heap.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "kernels/runtime/executor.h"
#include "kernels/runtime/plan_loader.h"
#include "tt/hal/clock.h"

namespace tt::apps {

struct ClassifierSpec {
  const char* role = "";       // "MNIST", "CIFAR-10", "keyword" (for messages)
  int32_t input_elements = 0;  // int8 values the app writes
  int32_t min_classes = 2;
  int32_t max_classes = kMaxReportClasses;
  const char* const* labels = nullptr;  // names when the output has label_count classes
  int32_t label_count = 0;
};

class Classifier {
 public:
  // kModelError with a message naming the problem (load status, tensor shapes or types).
  AppStatus load(const ModelSlot& slot, const ClassifierSpec& spec, char* message,
                 int32_t message_bytes);
  bool loaded() const { return loaded_; }

  int8_t* input() const { return input_; }
  float input_scale() const { return input_scale_; }
  int32_t input_zero_point() const { return input_zero_point_; }
  int32_t class_count() const { return classes_; }
  const kernels::plan::LoadedPlan& plan() const { return plan_; }
  const ModelSlot& slot() const { return slot_; }

  // Runs the network on input(); fills report (scores, top, per-op ticks and CRCs,
  // inference_ticks). The caller fills app, network, frontend and started ticks.
  // Returns false when the executor failed (message says which op).
  bool run(const hal::Clock& clock, InferenceReport* report, char* message, int32_t message_bytes);

 private:
  kernels::plan::LoadedPlan plan_;
  ModelSlot slot_;
  ClassifierSpec spec_;
  int8_t* input_ = nullptr;
  const int8_t* output_ = nullptr;
  float input_scale_ = 1.0f;
  int32_t input_zero_point_ = 0;
  float output_scale_ = 1.0f;
  int32_t output_zero_point_ = 0;
  int32_t classes_ = 0;
  uint32_t sequence_ = 0;
  bool loaded_ = false;
};

// Index of the largest score (the first on ties); -1 for n < 1.
int32_t argmax(const int8_t* scores, int32_t n);

}  // namespace tt::apps
