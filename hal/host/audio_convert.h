// Audio of any rate and channel count into what every Microphone delivers: 16 kHz mono int16.
// Channels are averaged (down-mix), the rate is converted with libsamplerate's band-limited
// sinc converter (SRC_SINC_MEDIUM_QUALITY: flat to ~0.45 of the output rate, so speech up
// to 7 kHz passes and nothing aliases), and samples become int16 as round(x * 32768)
// clamped to -32768..32767 (the inverse of libsndfile's int16 -> float scale, so 16-bit
// audio at 16 kHz passes through unchanged). Input at 16 kHz bypasses the resampler.
//
// Streaming: push() blocks of frames as they arrive, finish() at the end of the input to
// flush the few milliseconds the filter holds back. Used by SndfileMicrophone (files) and
// QtMicrophone (a device's native format). Not thread-safe: one producer at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tt::hal::host {

// Sample encodings of raw little-endian PCM (what a sound card delivers).
enum class PcmEncoding : uint8_t {
  kUInt8 = 0,  // offset binary, 128 = silence
  kInt16,
  kInt32,
  kFloat32,
};

constexpr int pcm_bytes(PcmEncoding e) {
  return e == PcmEncoding::kUInt8 ? 1 : e == PcmEncoding::kInt16 ? 2 : 4;
}

// Decodes `samples` little-endian samples to floats in -1..1 (integers scaled by 2^(bits-1)).
void decode_pcm(const uint8_t* bytes, size_t samples, PcmEncoding encoding, float* out);

// round(x * 32768) clamped to the int16 range.
int16_t float_to_int16(float x);

class MonoResampler {
 public:
  static constexpr int kOutputRateHz = 16000;

  // input_rate_hz and channels >= 1. On failure (libsamplerate refusing the ratio) ok() is
  // false and error() says why.
  MonoResampler(int input_rate_hz, int channels);
  ~MonoResampler();
  MonoResampler(const MonoResampler&) = delete;
  MonoResampler& operator=(const MonoResampler&) = delete;

  bool ok() const { return ok_; }
  const std::string& error() const { return error_; }
  int input_rate_hz() const { return rate_; }
  int channels() const { return channels_; }

  // Appends to `out` the 16 kHz samples of `frames` interleaved frames.
  void push(const float* interleaved, size_t frames, std::vector<int16_t>* out);
  // End of input: appends what the filter still holds. Call reset() before pushing again.
  void finish(std::vector<int16_t>* out);
  // Forgets all input so far (a new stream starts).
  void reset();

 private:
  void convert(const float* mono, size_t frames, bool end, std::vector<int16_t>* out);

  int rate_;
  int channels_;
  bool ok_ = true;
  std::string error_;
  void* src_ = nullptr;  // SRC_STATE*, kept out of this header with <samplerate.h>
  std::vector<float> mono_;
  std::vector<float> resampled_;
};

}  // namespace tt::hal::host
