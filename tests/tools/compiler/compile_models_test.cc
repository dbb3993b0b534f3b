// Compiling the MLPerf Tiny reference models (skipped when ../shared is absent): the
// liveness analysis must find the published peak-live activation bytes, the arena
// (activations + scratch) must stay within 10 % of that bound, the MAC count must match the
// published one, and the plan must run with identical per-layer CRCs on both kernel sets.
#include <gtest/gtest.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>

#include "kernels/runtime/executor.h"
#include "tools/compiler/compile.h"

namespace tt::compiler {
namespace {

namespace plan = kernels::plan;

struct Reference {
  const char* file;
  int64_t peak_live;  // published peak of live activation bytes
  int64_t macs;
};

class CompileModels : public ::testing::TestWithParam<Reference> {};

std::string model_path(const char* file) {
  const char* env = std::getenv("TT_SHARED_DIR");
  return std::string(env ? env : TT_SHARED_DIR) + "/models/mlperf-tiny/" + file;
}

TEST_P(CompileModels, ArenaNearBoundAndKernelSetsAgree) {
  const Reference ref = GetParam();
  const std::string path = model_path(ref.file);
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << path << " not found: the MLPerf Tiny models are not beside the repository";
  }
  const Compiled c = compile(read_tflite_file(path), path);
  EXPECT_EQ(c.memory.activation_bound, ref.peak_live);
  EXPECT_LE(c.memory.arena_bytes * 10, ref.peak_live * 11)
      << "arena " << c.memory.arena_bytes << " is more than 10 % above " << ref.peak_live;
  EXPECT_GE(c.memory.arena_bytes, c.memory.peak_live_bound);

  std::vector<uint32_t> blob((c.plan.size() + 3) / 4);
  std::memcpy(blob.data(), c.plan.data(), c.plan.size());
  std::vector<uint32_t> arena(c.memory.arena_bytes / 4 + 1);
  plan::LoadedPlan p;
  ASSERT_TRUE(plan::load_plan(blob.data(), static_cast<uint32_t>(c.plan.size()), arena.data(),
                              static_cast<uint32_t>(arena.size() * 4), &p)
                  .ok());
  int64_t macs = 0;
  for (int32_t i = 0; i < p.op_count(); ++i) macs += p.ops[i].macs;
  EXPECT_EQ(macs, ref.macs);

  std::mt19937 rng(3);
  const int32_t input = p.input_tensor(0);
  for (int trial = 0; trial < 3; ++trial) {
    auto* x = static_cast<int8_t*>(p.mutable_data(input));
    std::vector<int8_t> saved(p.tensors[input].bytes);
    for (int8_t& v : saved) v = static_cast<int8_t>(rng());
    std::vector<uint32_t> crc_ref(p.op_count()), crc_dsp(p.op_count());
    plan::RunOptions o;
    for (auto [set, crcs] :
         {std::pair{plan::KernelSet::kRef, &crc_ref}, std::pair{plan::KernelSet::kDsp, &crc_dsp}}) {
      std::memcpy(x, saved.data(), saved.size());
      o.kernels = set;
      o.op_crc32 = crcs->data();
      ASSERT_TRUE(plan::run_plan(p, o).ok());
    }
    EXPECT_EQ(crc_ref, crc_dsp) << "trial " << trial;
  }
}

INSTANTIATE_TEST_SUITE_P(MlperfTiny, CompileModels,
                         ::testing::Values(Reference{"kws_ref_model.tflite", 16000, 2656768},
                                           Reference{"pretrainedResnet_quant.tflite", 49152,
                                                     12501632}));

}  // namespace
}  // namespace tt::compiler
