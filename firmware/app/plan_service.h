// Runs an uploaded plan on an input tensor the host sent (TensorData chunks, then RunPlan)
// and reports like an app inference: an Inference message, the per-layer ticks and CRC32s,
// and the raw output tensors. This is what `tinytwin run --backend qemu` and
// `tinytwin bench` use: any supported .tflite runs on the board without a rebuild.
#pragma once

#include "firmware/app/link_reporter.h"
#include "firmware/app/model_store.h"

namespace tt::firmware {

class PlanService {
 public:
  PlanService(ModelStore& store, LinkReporter& reporter) : store_(store), reporter_(reporter) {}

  StoreResult tensor_data(link::Reader& r);
  StoreResult run(link::Reader& r);

 private:
  ModelStore& store_;
  LinkReporter& reporter_;
  uint32_t received_ = 0;
  uint32_t runs_ = 0;
};

}  // namespace tt::firmware
