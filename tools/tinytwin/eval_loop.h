// The sample loop of `tinytwin eval`: samples 0..n-1 shared out over worker threads, each
// with its own Classifier (its own arena on the one compiled plan) and its own input
// preparation, with progress on stderr at most once a second. The result does not depend
// on the number of threads: every sample is classified on its own and counted once.
#pragma once

#include <cstdint>
#include <functional>

#include "kernels/runtime/executor.h"
#include "tools/tinytwin/eval_report.h"
#include "tools/tinytwin/eval_runner.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tools {

// Fills the worker's classifier input with sample i. Called from one thread per worker.
using PrepareSample = std::function<void(int64_t i)>;
// Makes a worker's preparation for its classifier (e.g. an ImageFeeder bound to it); called
// on the calling thread before any work starts, so its errors surface first.
using MakeWorker = std::function<PrepareSample(const Classifier& classifier)>;

struct EvalLoop {
  const ModelSource* source = nullptr;
  int32_t classes = 0;
  kernels::plan::KernelSet kernels = kernels::plan::KernelSet::kDsp;
  int32_t jobs = 1;  // worker threads, at most the sample count
  int64_t count = 0;
  MakeWorker make_worker;
  std::function<int32_t(int64_t i)> label;  // must be thread-safe
};

// Classifies every sample into *confusion; returns the wall time in seconds. Rethrows the
// error of the lowest-numbered sample that failed (EvalError, DatasetError, AudioError).
double run_eval_loop(const EvalLoop& loop, Confusion* confusion);

}  // namespace tt::tools
