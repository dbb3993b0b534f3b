// plan_runner: runs any compiled plan (.ttm) on the emulated board without rebuilding the
// firmware. QEMU places the plan and its input in the 16 MB RAM at 0x60000000 with
// `-device loader`: the plan at kPlanAddress, the input at kInputAddress as a 32-bit byte
// count followed by the raw input tensor bytes. The runner loads the plan with the same
// validating loader as the host, runs it once through the DSP kernels and prints, per layer,
// the instructions executed (SysTick under -icount shift=0: exact to +-40) and the CRC32 of
// the layer's output, then the outputs. Exit 0 on success, 1 when the plan or input is bad.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "firmware/boards/mps2_an500/instruction_counter.h"
#include "kernels/runtime/executor.h"

namespace {

namespace plan = tt::kernels::plan;

constexpr uintptr_t kPlanAddress = 0x60000000u;
constexpr uintptr_t kInputAddress = 0x60800000u;
constexpr uint32_t kMaxPlanBytes = 8u << 20;
constexpr uint32_t kArenaBytes = 1u << 20;
constexpr int32_t kMaxOps = 512;

alignas(16) uint8_t g_arena[kArenaBytes];
uint64_t g_ticks[kMaxOps];
uint32_t g_crc[kMaxOps];

uint64_t instructions_now(void*) { return tt_icount_start(); }

int fail(const char* what) {
  std::printf("plan_runner: %s\n", what);
  return 1;
}

}  // namespace

int main() {
  const auto* header = reinterpret_cast<const plan::PlanHeader*>(kPlanAddress);
  const uint32_t plan_bytes = header->total_bytes;
  if (header->magic != plan::kMagic) return fail("no plan at 0x60000000 (bad magic)");
  if (plan_bytes > kMaxPlanBytes) return fail("plan larger than 8 MB");
  plan::LoadedPlan p;
  const plan::LoadResult r = plan::load_plan(reinterpret_cast<const void*>(kPlanAddress),
                                             plan_bytes, g_arena, kArenaBytes, &p);
  if (!r.ok()) {
    std::printf("plan_runner: plan rejected: %s (index %ld)\n", plan::load_status_name(r.status),
                static_cast<long>(r.index));
    return 1;
  }
  if (p.op_count() > kMaxOps) return fail("plan has more ops than the runner's tables");
  const int32_t input = p.input_tensor(0);
  uint32_t input_bytes;
  std::memcpy(&input_bytes, reinterpret_cast<const void*>(kInputAddress), 4);
  if (input_bytes != p.tensors[input].bytes) return fail("input size does not match the plan");
  std::memcpy(p.mutable_data(input), reinterpret_cast<const void*>(kInputAddress + 4), input_bytes);

  plan::RunOptions o;
  o.now = instructions_now;
  o.op_ticks = g_ticks;
  o.op_crc32 = g_crc;
  const plan::RunResult run = plan::run_plan(p, o);
  if (!run.ok()) {
    std::printf("plan_runner: layer %ld failed: %s\n", static_cast<long>(run.failed_op),
                tt::kernels::status_name(run.status));
    return 1;
  }
  std::printf("plan: %ld ops, arena %lu bytes, plan %lu bytes\n", static_cast<long>(p.op_count()),
              static_cast<unsigned long>(p.header->arena_bytes),
              static_cast<unsigned long>(plan_bytes));
  uint64_t total = 0;
  for (int32_t i = 0; i < p.op_count(); ++i) {
    total += g_ticks[i];
    std::printf("layer %ld %s macs %lu instructions %lu crc %08lx\n", static_cast<long>(i),
                plan::op_kind_name(p.ops[i].kind), static_cast<unsigned long>(p.ops[i].macs),
                static_cast<unsigned long>(g_ticks[i]), static_cast<unsigned long>(g_crc[i]));
  }
  std::printf("total instructions %lu\n", static_cast<unsigned long>(total));
  for (int32_t k = 0; k < p.output_count(); ++k) {
    const int32_t t = p.output_tensor(k);
    const auto* bytes = static_cast<const uint8_t*>(p.data(t));
    std::printf("output %ld:", static_cast<long>(k));
    for (uint32_t i = 0; i < p.tensors[t].bytes; ++i) std::printf(" %02x", bytes[i]);
    std::printf("\n");
  }
  return 0;
}
