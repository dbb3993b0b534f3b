// libFuzzer target: bytes -> an exactly sized, aligned copy with its CRC made to match ->
// load_plan with an arena of exactly the size the header asks for (bounded) -> when it loads,
// run it with both kernel sets. A plan that loads must run without reading or writing outside
// the blob or the arena (AddressSanitizer sees both as separate exact allocations) and
// without failing: the loader's promise is that validation covers everything the executor
// relies on.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "kernels/core/crc32.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

namespace plan = tt::fuzz::plan;

[[noreturn]] void finding(const char* what) {
  std::fprintf(stderr, "fuzz_plan_loader: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > UINT32_MAX) return 0;
  auto blob = tt::fuzz::exact_buffer(size);
  if (size > 0) std::memcpy(blob.get(), data, size);
  // Nearly every mutation breaks the CRC, and the loader checks it first; recomputing it
  // lets mutations reach every check behind it. (The CRC check itself is tested by
  // model_robustness_test, on single-bit flips of real plans.)
  if (size >= sizeof(plan::PlanHeader)) {
    plan::PlanHeader h;
    std::memcpy(&h, blob.get(), sizeof h);
    if (h.total_bytes >= sizeof h && h.total_bytes <= size) {
      h.crc32 = tt::kernels::crc32(0, blob.get() + 16, static_cast<int32_t>(h.total_bytes - 16));
      std::memcpy(blob.get() + offsetof(plan::PlanHeader, crc32), &h.crc32, 4);
    }
  }

  // The header's arena size decides the allocation only; over the cap, a small arena makes
  // the loader's own arena check the one under test.
  uint32_t arena_bytes = 64;
  if (size >= sizeof(plan::PlanHeader)) {
    std::memcpy(&arena_bytes, data + offsetof(plan::PlanHeader, arena_bytes), 4);
    if (arena_bytes > tt::fuzz::kArenaCap) arena_bytes = 64;
  }
  auto arena = tt::fuzz::exact_buffer(arena_bytes);

  plan::LoadedPlan p;
  const plan::LoadResult r =
      plan::load_plan(blob.get(), static_cast<uint32_t>(size), arena.get(), arena_bytes, &p);
  if (!r.ok()) return 0;
  if (p.header->arena_bytes > arena_bytes) finding("a plan loaded into a smaller arena");
  if (tt::fuzz::estimated_work(p) > tt::fuzz::kWorkCap) return 0;
  for (plan::KernelSet k : {plan::KernelSet::kRef, plan::KernelSet::kDsp}) {
    if (!tt::fuzz::run_once(p, k).result.ok()) finding("a plan that loaded failed to run");
  }
  return 0;
}
