#include "hal/fake/fake_microphone.h"

#include "hal/fake/fake_check.h"

namespace tt::hal::fake {

FakeMicrophone::FakeMicrophone(const FakeMicrophoneScript& script) : script_(script) {
  TT_FAKE_CHECK(script.sample_count >= 0 && (script.sample_count == 0 || script.samples),
                "FakeMicrophone: bad sample buffer");
  TT_FAKE_CHECK(script.chunk_samples >= 1, "FakeMicrophone: chunk_samples < 1");
  TT_FAKE_CHECK(script.then == HalStatus::kDeviceLost || script.then == HalStatus::kEndOfStream,
                "FakeMicrophone: `then` must be kDeviceLost or kEndOfStream");
}

HalStatus FakeMicrophone::start() {
  if (started_) return HalStatus::kOk;
  if (script_.no_device) return HalStatus::kNoDevice;
  started_ = true;
  pos_ = 0;
  overrun_ = 0;
  return HalStatus::kOk;
}

HalStatus FakeMicrophone::read(int16_t* out, int max_samples, int* got, uint32_t /*timeout_ms*/) {
  TT_FAKE_CHECK(started_, "Microphone::read() on a stopped microphone");
  TT_FAKE_CHECK(out != nullptr && got != nullptr, "Microphone::read() with a null pointer");
  TT_FAKE_CHECK(max_samples >= 1, "Microphone::read() with max_samples < 1");
  *got = 0;
  if (pos_ == script_.overrun_at_sample && script_.overrun_samples > 0) {
    const int skip = script_.overrun_samples < script_.sample_count - pos_
                         ? script_.overrun_samples
                         : script_.sample_count - pos_;
    pos_ += skip;
    overrun_ += static_cast<uint32_t>(skip);
  }
  int limit = script_.sample_count;
  if (script_.stall_after_ms >= 0) {
    const long long stall_at =
        static_cast<long long>(script_.stall_after_ms) * kSampleRateHz / 1000;
    if (stall_at < limit) limit = static_cast<int>(stall_at);
    if (pos_ >= limit) return HalStatus::kTimeout;
  }
  if (pos_ >= limit) return script_.then;
  int n = limit - pos_;
  if (n > script_.chunk_samples) n = script_.chunk_samples;
  if (n > max_samples) n = max_samples;
  // Stop at the overrun point so the gap appears exactly where the script puts it.
  if (pos_ < script_.overrun_at_sample && pos_ + n > script_.overrun_at_sample) {
    n = script_.overrun_at_sample - pos_;
  }
  for (int i = 0; i < n; ++i) out[i] = script_.samples[pos_ + i];
  pos_ += n;
  *got = n;
  return HalStatus::kOk;
}

}  // namespace tt::hal::fake
