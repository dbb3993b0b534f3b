#include "tests/hal/host/test_audio.h"

#include <gtest/gtest.h>
#include <sndfile.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

namespace tt::tests::hal {
namespace {

namespace fs = std::filesystem;

class AudioCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(audio_dir(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kCleanup =
    ::testing::AddGlobalTestEnvironment(new AudioCleanup);

}  // namespace

std::string audio_dir() {
  static const std::string dir = [] {
    const fs::path p =
        fs::temp_directory_path() / ("tt_hal_host_audio_" + std::to_string(::getpid()));
    fs::create_directories(p);
    return p.string();
  }();
  return dir;
}

std::vector<float> sine(int rate_hz, int channels, double seconds, double hz, double amplitude) {
  const size_t frames = static_cast<size_t>(std::lround(seconds * rate_hz));
  std::vector<float> out(frames * channels);
  for (size_t i = 0; i < frames; ++i) {
    const float v = static_cast<float>(amplitude * std::sin(2 * M_PI * hz * i / rate_hz));
    for (int c = 0; c < channels; ++c) out[i * channels + c] = v;
  }
  return out;
}

std::string write_audio(const std::string& name, int format, int rate_hz, int channels,
                        const std::vector<float>& interleaved) {
  const std::string path = audio_dir() + "/" + name;
  SF_INFO info{};
  info.samplerate = rate_hz;
  info.channels = channels;
  info.format = format | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (f == nullptr) {
    ADD_FAILURE() << "cannot write " << path << ": " << sf_strerror(nullptr);
    return path;
  }
  sf_writef_float(f, interleaved.data(), static_cast<sf_count_t>(interleaved.size() / channels));
  sf_close(f);
  return path;
}

std::string write_audio_int16(const std::string& name, int rate_hz,
                              const std::vector<int16_t>& mono) {
  const std::string path = audio_dir() + "/" + name;
  SF_INFO info{};
  info.samplerate = rate_hz;
  info.channels = 1;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (f == nullptr) {
    ADD_FAILURE() << "cannot write " << path << ": " << sf_strerror(nullptr);
    return path;
  }
  sf_writef_short(f, mono.data(), static_cast<sf_count_t>(mono.size()));
  sf_close(f);
  return path;
}

int16_t ramp_sample(int i) { return static_cast<int16_t>(i - kRampSamples / 2); }

std::string ramp_wav_16k() {
  static const std::string path = [] {
    std::vector<int16_t> ramp(kRampSamples);
    for (int i = 0; i < kRampSamples; ++i) ramp[i] = ramp_sample(i);
    return write_audio_int16("ramp_16k.wav", 16000, ramp);
  }();
  return path;
}

std::string sine_flac_44k_stereo() {
  static const std::string path =
      write_audio("sine_44k_stereo.flac", SF_FORMAT_FLAC, 44100, 2, sine(44100, 2, 0.5, 1000, 0.5));
  return path;
}

}  // namespace tt::tests::hal
