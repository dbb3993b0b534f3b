// libFuzzer target: bytes -> read_tflite -> compile -> load the plan -> run it on a zero input
// with the reference and then the DSP kernels. The only acceptable failure is a ModelError; a
// crash, a sanitizer report, another exception, a plan the compiler produced that the loader
// rejects, a run that fails after loading, or the two kernel sets disagreeing is a finding.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "tests/fuzz/fuzz_support.h"
#include "tools/compiler/compile.h"
#include "tools/compiler/tflite_model.h"

namespace {

using tt::compiler::ModelError;
namespace plan = tt::fuzz::plan;

// Activation bytes a model may declare before compiling it is too expensive to be worth it.
constexpr int64_t kModelBytesCap = 16 << 20;

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz_tflite_loader: %s\n", what);
  std::abort();
}

int64_t declared_bytes(const tt::compiler::Model& m) {
  int64_t total = 0;
  for (const tt::compiler::Tensor& t : m.tensors) {
    if (!t.is_constant()) total += t.element_count() * 4;  // int32/float32 at most
    if (total > kModelBytesCap) break;
  }
  return total;
}

void run_model(const std::vector<uint8_t>& data) {
  const tt::compiler::Model model = tt::compiler::read_tflite(data, "fuzz.tflite");
  if (declared_bytes(model) > kModelBytesCap) return;
  const tt::compiler::Compiled c = tt::compiler::compile(model, "fuzz.tflite");
  if (c.memory.arena_bytes > tt::fuzz::kArenaCap) return;

  auto blob = tt::fuzz::exact_buffer(c.plan.size());
  std::copy(c.plan.begin(), c.plan.end(), blob.get());
  const auto arena_bytes = static_cast<uint32_t>(c.memory.arena_bytes);
  auto arena = tt::fuzz::exact_buffer(arena_bytes);
  plan::LoadedPlan p;
  const plan::LoadResult r = plan::load_plan(blob.get(), static_cast<uint32_t>(c.plan.size()),
                                             arena.get(), arena_bytes, &p);
  if (!r.ok()) finding("the loader rejects a plan the compiler produced");
  if (tt::fuzz::estimated_work(p) > tt::fuzz::kWorkCap) return;

  // Only the inputs are reset between the runs, so an op reading memory it did not write
  // in the same run shows up as a disagreement.
  const tt::fuzz::RunOutcome ref = tt::fuzz::run_once(p, plan::KernelSet::kRef);
  const tt::fuzz::RunOutcome dsp = tt::fuzz::run_once(p, plan::KernelSet::kDsp);
  if (!ref.result.ok() || !dsp.result.ok()) finding("a loaded plan failed to run");
  if (ref.op_crc != dsp.op_crc) finding("ref and dsp kernels disagree");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    run_model(std::vector<uint8_t>(data, data + size));
  } catch (const ModelError&) {
  }
  return 0;
}
