// libFuzzer target: bytes -> an exactly sized, aligned copy -> load_plan with an arena of
// exactly the size the header asks for (bounded) -> when it loads, run it with both kernel
// sets. A plan that loads must run without reading or writing outside the blob or the arena
// (AddressSanitizer sees both as separate exact allocations) and without failing: the
// loader's promise is that validation covers everything the executor relies on.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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
