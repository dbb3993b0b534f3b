// A bump allocator over a static buffer for the checks (no heap on the board). Every
// allocation is followed by a red zone: poisoned for AddressSanitizer on the host, and filled
// with a canary pattern checked by redzones_intact() everywhere, so a kernel that writes
// past its output is caught on the MCU too.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tt::tests {

class TestArena {
 public:
  static constexpr int32_t kBytes = 1 << 20;
  static constexpr int32_t kRedZone = 32;

  void reset();
  void* alloc_bytes(int32_t bytes);  // 16-byte aligned; aborts the check run when full
  template <typename T>
  T* alloc(int32_t count) {
    return static_cast<T*>(alloc_bytes(static_cast<int32_t>(sizeof(T)) * count));
  }
  bool redzones_intact() const;
  int32_t used() const { return used_; }

 private:
  int32_t used_ = 0;
  int32_t zones_[4096] = {};  // offsets of the red zones in use
  int32_t num_zones_ = 0;
};

// The one arena the checks share (they run one at a time).
TestArena& arena();

}  // namespace tt::tests
