#include "hal/host/audio_convert.h"

#include <samplerate.h>

#include <cassert>
#include <cmath>
#include <cstring>

namespace tt::hal::host {
namespace {

constexpr size_t kOutputBlock = 4096;

SRC_STATE* state(void* p) { return static_cast<SRC_STATE*>(p); }

template <typename T>
T load_le(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);  // x86 and Cortex-M are little-endian, like the data
  return v;
}

}  // namespace

void decode_pcm(const uint8_t* bytes, size_t samples, PcmEncoding encoding, float* out) {
  const size_t step = static_cast<size_t>(pcm_bytes(encoding));
  for (size_t i = 0; i < samples; ++i) {
    const uint8_t* p = bytes + i * step;
    switch (encoding) {
      case PcmEncoding::kUInt8:
        out[i] = (static_cast<float>(p[0]) - 128.0f) / 128.0f;
        break;
      case PcmEncoding::kInt16:
        out[i] = static_cast<float>(load_le<int16_t>(p)) / 32768.0f;
        break;
      case PcmEncoding::kInt32:
        out[i] = static_cast<float>(static_cast<double>(load_le<int32_t>(p)) / 2147483648.0);
        break;
      case PcmEncoding::kFloat32:
        out[i] = load_le<float>(p);
        break;
    }
  }
}

int16_t float_to_int16(float x) {
  const float scaled = x * 32768.0f;
  if (std::isnan(scaled)) return 0;
  if (scaled <= -32768.0f) return -32768;
  if (scaled >= 32767.0f) return 32767;
  return static_cast<int16_t>(std::lrint(scaled));
}

MonoResampler::MonoResampler(int input_rate_hz, int channels)
    : rate_(input_rate_hz), channels_(channels) {
  assert(input_rate_hz >= 1 && channels >= 1);
  if (rate_ == kOutputRateHz) return;
  const double ratio = static_cast<double>(kOutputRateHz) / rate_;
  if (!src_is_valid_ratio(ratio)) {
    ok_ = false;
    error_ = "cannot resample from " + std::to_string(rate_) + " Hz to 16000 Hz";
    return;
  }
  int err = 0;
  src_ = src_new(SRC_SINC_MEDIUM_QUALITY, 1, &err);
  if (src_ == nullptr) {
    ok_ = false;
    error_ = std::string("libsamplerate: ") + src_strerror(err);
  }
}

MonoResampler::~MonoResampler() {
  if (src_ != nullptr) src_delete(state(src_));
}

void MonoResampler::push(const float* interleaved, size_t frames, std::vector<int16_t>* out) {
  assert(ok_ && (interleaved != nullptr || frames == 0) && out != nullptr);
  mono_.resize(frames);
  for (size_t i = 0; i < frames; ++i) {
    float sum = 0;
    for (int c = 0; c < channels_; ++c) sum += interleaved[i * channels_ + c];
    mono_[i] = sum / static_cast<float>(channels_);
  }
  convert(mono_.data(), frames, false, out);
}

void MonoResampler::finish(std::vector<int16_t>* out) {
  assert(ok_ && out != nullptr);
  convert(nullptr, 0, true, out);
}

void MonoResampler::reset() {
  if (src_ != nullptr) src_reset(state(src_));
}

void MonoResampler::convert(const float* mono, size_t frames, bool end, std::vector<int16_t>* out) {
  if (src_ == nullptr) {  // 16 kHz in, 16 kHz out
    for (size_t i = 0; i < frames; ++i) out->push_back(float_to_int16(mono[i]));
    return;
  }
  static const float kNoInput = 0;
  resampled_.resize(kOutputBlock);
  SRC_DATA d{};
  d.data_in = frames > 0 ? mono : &kNoInput;
  d.input_frames = static_cast<long>(frames);
  d.src_ratio = static_cast<double>(kOutputRateHz) / rate_;
  d.end_of_input = end ? 1 : 0;
  for (;;) {
    d.data_out = resampled_.data();
    d.output_frames = static_cast<long>(resampled_.size());
    if (src_process(state(src_), &d) != 0) return;  // only on misuse; nothing sensible to add
    for (long i = 0; i < d.output_frames_gen; ++i) out->push_back(float_to_int16(resampled_[i]));
    d.data_in += d.input_frames_used;
    d.input_frames -= d.input_frames_used;
    // Done when the input is used up and, at the end, the filter has nothing left to give.
    if (d.input_frames == 0 && (!end || d.output_frames_gen == 0)) break;
    if (d.input_frames_used == 0 && d.output_frames_gen == 0) break;
  }
}

}  // namespace tt::hal::host
