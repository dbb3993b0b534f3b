#include "tests/kernels/checks/test_arena.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define TT_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define TT_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define TT_POISON(p, n) ((void)(p), (void)(n))
#define TT_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace tt::tests {
namespace {

constexpr uint8_t kCanary = 0xA5;
alignas(16) uint8_t g_buffer[TestArena::kBytes];

}  // namespace

TestArena& arena() {
  static TestArena a;
  return a;
}

void TestArena::reset() {
  TT_UNPOISON(g_buffer, kBytes);
  used_ = 0;
  num_zones_ = 0;
}

void* TestArena::alloc_bytes(int32_t bytes) {
  if (bytes < 0) bytes = 0;
  const int32_t start = (used_ + 15) & ~15;
  const int32_t zone = start + bytes;
  const int32_t end = zone + kRedZone;
  if (end > kBytes || num_zones_ >= static_cast<int32_t>(sizeof zones_ / sizeof zones_[0])) {
    std::printf("test arena exhausted (%ld bytes requested)\n", static_cast<long>(bytes));
    std::abort();
  }
  std::memset(g_buffer + zone, kCanary, kRedZone);
  TT_POISON(g_buffer + zone, kRedZone);
  zones_[num_zones_++] = zone;
  used_ = end;
  return g_buffer + start;
}

bool TestArena::redzones_intact() const {
  for (int32_t i = 0; i < num_zones_; ++i) {
    TT_UNPOISON(g_buffer + zones_[i], kRedZone);
    bool ok = true;
    for (int32_t j = 0; j < kRedZone; ++j) ok = ok && g_buffer[zones_[i] + j] == kCanary;
    TT_POISON(g_buffer + zones_[i], kRedZone);
    if (!ok) return false;
  }
  return true;
}

}  // namespace tt::tests
