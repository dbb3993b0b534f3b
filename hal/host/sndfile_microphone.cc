#include "hal/host/sndfile_microphone.h"

#include <sndfile.h>

#include <algorithm>
#include <cassert>
#include <memory>
#include <thread>
#include <utility>

#include "hal/host/audio_convert.h"

namespace tt::hal::host {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int64_t kNsPerSample = 1000000000 / Microphone::kSampleRateHz;  // 62500, exact
constexpr sf_count_t kReadFrames = 4096;

struct SndfileCloser {
  void operator()(SNDFILE* f) const { sf_close(f); }
};

bool fail(std::string* error, const std::string& path, const std::string& why) {
  if (error != nullptr) *error = "audio file '" + path + "': " + why;
  return false;
}

size_t silence_samples(int ms) {
  return ms > 0 ? static_cast<size_t>(ms) * Microphone::kSampleRateHz / 1000 : 0;
}

}  // namespace

SndfileMicrophone::SndfileMicrophone(SndfileMicrophoneOptions options)
    : options_(std::move(options)), name_("audio file: " + options_.path) {}

bool SndfileMicrophone::read_file_16k_mono(const std::string& path, std::vector<int16_t>* out,
                                           std::string* error) {
  assert(out != nullptr);
  out->clear();
  SF_INFO info{};
  std::unique_ptr<SNDFILE, SndfileCloser> file(sf_open(path.c_str(), SFM_READ, &info));
  if (!file) return fail(error, path, sf_strerror(nullptr));
  if (info.channels < 1 || info.samplerate < 1) {
    return fail(error, path, "no channels or no sample rate in its header");
  }
  const sf_count_t max_frames = static_cast<sf_count_t>(kMaxSeconds) * info.samplerate;
  const std::string too_long = "longer than " + std::to_string(kMaxSeconds) + " s";
  if (info.frames > max_frames) return fail(error, path, too_long);
  MonoResampler resampler(info.samplerate, info.channels);
  if (!resampler.ok()) return fail(error, path, resampler.error());
  if (info.frames > 0) {
    out->reserve(static_cast<size_t>(info.frames * kSampleRateHz / info.samplerate) + 64);
  }
  std::vector<float> block(static_cast<size_t>(kReadFrames) * info.channels);
  sf_count_t total = 0;
  for (sf_count_t n; (n = sf_readf_float(file.get(), block.data(), kReadFrames)) > 0;) {
    total += n;
    // The header may not state the length (or lie about it): check what was really read.
    if (total > max_frames) return fail(error, path, too_long);
    resampler.push(block.data(), static_cast<size_t>(n), out);
  }
  if (sf_error(file.get()) != SF_ERR_NO_ERROR) {
    return fail(error, path, sf_strerror(file.get()));
  }
  resampler.finish(out);
  return true;
}

HalStatus SndfileMicrophone::start() {
  if (started_) return HalStatus::kOk;
  std::vector<int16_t> file;
  if (!read_file_16k_mono(options_.path, &file, &error_)) return HalStatus::kNoDevice;
  error_.clear();
  clip_.assign(silence_samples(options_.lead_silence_ms), 0);
  clip_.insert(clip_.end(), file.begin(), file.end());
  clip_.resize(clip_.size() + silence_samples(options_.trail_silence_ms), 0);
  started_ = true;
  ended_ = false;
  pos_ = 0;
  delivered_ = 0;
  start_time_ = Clock::now();
  return HalStatus::kOk;
}

int64_t SndfileMicrophone::samples_due() const {
  const auto elapsed =
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start_time_);
  return elapsed.count() / kNsPerSample;
}

HalStatus SndfileMicrophone::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  assert(started_ && out != nullptr && got != nullptr && max_samples >= 1);
  *got = 0;
  if (!ended_ && (clip_.empty() || (!options_.loop && pos_ >= clip_.size()))) ended_ = true;
  if (ended_) return HalStatus::kEndOfStream;

  int64_t available = max_samples;
  if (options_.pacing == Pacing::kRealTime) {
    available = samples_due() - delivered_;
    if (available <= 0) {
      // Sleep until the next sample is due, or the timeout, whichever comes first.
      const auto next_due = start_time_ + std::chrono::nanoseconds((delivered_ + 1) * kNsPerSample);
      const auto give_up = Clock::now() + std::chrono::milliseconds(timeout_ms);
      std::this_thread::sleep_until(std::min(next_due, give_up));
      available = samples_due() - delivered_;
      if (available <= 0) return HalStatus::kTimeout;
    }
  }
  const size_t n = static_cast<size_t>(std::min<int64_t>(available, max_samples));
  size_t copied = 0;
  while (copied < n) {
    if (pos_ == clip_.size()) {
      if (!options_.loop) break;
      pos_ = 0;
    }
    const size_t take = std::min(n - copied, clip_.size() - pos_);
    std::copy_n(clip_.begin() + static_cast<std::ptrdiff_t>(pos_), take, out + copied);
    pos_ += take;
    copied += take;
  }
  *got = static_cast<int>(copied);
  delivered_ += static_cast<int64_t>(copied);
  return HalStatus::kOk;
}

}  // namespace tt::hal::host
