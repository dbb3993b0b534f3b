// Audio files for the microphone tests, written with libsndfile into a temporary directory
// that is removed when the test program ends.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace tt::tests::hal {

// Interleaved float samples of a sine of `hz` at `amplitude` (0..1), the same in every
// channel.
std::vector<float> sine(int rate_hz, int channels, double seconds, double hz, double amplitude);

// Writes interleaved samples as 16-bit PCM; `format` is SF_FORMAT_WAV or SF_FORMAT_FLAC.
// Returns the path of `name` in the temporary directory.
std::string write_audio(const std::string& name, int format, int rate_hz, int channels,
                        const std::vector<float>& interleaved);
std::string write_audio_int16(const std::string& name, int rate_hz,
                              const std::vector<int16_t>& mono);

std::string audio_dir();

// Shared clips: a 16 kHz mono WAV ramp of 0.3 s (sample i = i - 2400, exact in int16) and a
// 44.1 kHz stereo FLAC 1 kHz sine of 0.5 s at amplitude 0.5.
std::string ramp_wav_16k();
std::string sine_flac_44k_stereo();
int16_t ramp_sample(int i);
constexpr int kRampSamples = 4800;

}  // namespace tt::tests::hal
