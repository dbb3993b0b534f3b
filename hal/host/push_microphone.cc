#include "hal/host/push_microphone.h"

namespace tt::hal::host {

PushMicrophone::PushMicrophone(size_t capacity_samples, const char* name)
    : name_(name), ring_(capacity_samples) {}

HalStatus PushMicrophone::start() {
  if (!started_.exchange(true)) ring_.reset();
  return HalStatus::kOk;
}

HalStatus PushMicrophone::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  // Reading a stopped microphone is undefined by the interface; here it simply times out.
  *got = 0;
  if (!started_.load()) return HalStatus::kTimeout;
  return ring_.read(out, max_samples, got, timeout_ms);
}

void PushMicrophone::stop() { started_.store(false); }

void PushMicrophone::push(const int16_t* samples, size_t count) {
  if (started_.load()) ring_.push(samples, count);
}

}  // namespace tt::hal::host
