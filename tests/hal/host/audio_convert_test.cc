// The conversion every host microphone applies: raw PCM decoding, float -> int16, down-mix
// and resampling to 16 kHz (libsamplerate), checked on signals whose result is known.
#include "hal/host/audio_convert.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "tests/hal/host/test_audio.h"

namespace tt::tests::hal {
namespace {

using tt::hal::host::decode_pcm;
using tt::hal::host::float_to_int16;
using tt::hal::host::MonoResampler;
using tt::hal::host::PcmEncoding;

std::vector<int16_t> convert(int rate, int channels, const std::vector<float>& in,
                             size_t block_frames = 0) {
  MonoResampler r(rate, channels);
  EXPECT_TRUE(r.ok()) << r.error();
  std::vector<int16_t> out;
  const size_t frames = in.size() / channels;
  if (block_frames == 0) block_frames = frames;
  for (size_t i = 0; i < frames; i += block_frames) {
    r.push(in.data() + i * channels, std::min(block_frames, frames - i), &out);
  }
  r.finish(&out);
  return out;
}

int zero_crossings(const std::vector<int16_t>& s, size_t from, size_t to) {
  int n = 0;
  for (size_t i = from + 1; i < to; ++i) n += (s[i - 1] < 0) != (s[i] < 0);
  return n;
}

double rms(const std::vector<int16_t>& s, size_t from, size_t to) {
  double sum = 0;
  for (size_t i = from; i < to; ++i) sum += static_cast<double>(s[i]) * s[i];
  return std::sqrt(sum / static_cast<double>(to - from));
}

TEST(DecodePcm, EveryEncodingScalesToPlusMinusOne) {
  const uint8_t u8[] = {0, 128, 255};
  float out[3];
  decode_pcm(u8, 3, PcmEncoding::kUInt8, out);
  EXPECT_FLOAT_EQ(out[0], -1.0f);
  EXPECT_FLOAT_EQ(out[1], 0.0f);
  EXPECT_FLOAT_EQ(out[2], 127.0f / 128.0f);

  const int16_t s16[] = {-32768, 16384, 32767};
  decode_pcm(reinterpret_cast<const uint8_t*>(s16), 3, PcmEncoding::kInt16, out);
  EXPECT_FLOAT_EQ(out[0], -1.0f);
  EXPECT_FLOAT_EQ(out[1], 0.5f);

  const int32_t s32[] = {std::numeric_limits<int32_t>::min(), 1 << 30, 0};
  decode_pcm(reinterpret_cast<const uint8_t*>(s32), 3, PcmEncoding::kInt32, out);
  EXPECT_FLOAT_EQ(out[0], -1.0f);
  EXPECT_FLOAT_EQ(out[1], 0.5f);
  EXPECT_FLOAT_EQ(out[2], 0.0f);

  const float f32[] = {-0.25f, 0.75f, 1.5f};
  uint8_t bytes[sizeof f32];
  std::memcpy(bytes, f32, sizeof f32);
  decode_pcm(bytes, 3, PcmEncoding::kFloat32, out);
  EXPECT_FLOAT_EQ(out[1], 0.75f);
  EXPECT_FLOAT_EQ(out[2], 1.5f);
}

TEST(FloatToInt16, RoundsAndClamps) {
  EXPECT_EQ(float_to_int16(0.5f), 16384);
  EXPECT_EQ(float_to_int16(-1.0f), -32768);
  EXPECT_EQ(float_to_int16(1.0f), 32767);
  EXPECT_EQ(float_to_int16(-3.0f), -32768);
  EXPECT_EQ(float_to_int16(2.6f / 32768.0f), 3);
  EXPECT_EQ(float_to_int16(-2.6f / 32768.0f), -3);
  EXPECT_EQ(float_to_int16(std::numeric_limits<float>::quiet_NaN()), 0);
}

TEST(MonoResampler, SixteenKiloHertzMonoPassesThroughExactly) {
  std::vector<float> in(1000);
  for (size_t i = 0; i < in.size(); ++i) in[i] = static_cast<float>(ramp_sample(i)) / 32768.0f;
  const auto out = convert(16000, 1, in);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < out.size(); ++i) ASSERT_EQ(out[i], ramp_sample(i));
}

TEST(MonoResampler, A1kHzSineAt44kStereoKeepsLengthFrequencyAndLevel) {
  const double amplitude = 0.5;
  const auto out = convert(44100, 2, sine(44100, 2, 1.0, 1000, amplitude), 441);
  EXPECT_NEAR(static_cast<double>(out.size()), 16000.0, 160.0);  // +-1 %
  // Away from the filter's start-up and tail: 0.1 .. 0.9 s.
  const size_t from = 1600, to = 14400;
  // 1 kHz crosses zero 2000 times a second.
  EXPECT_NEAR(zero_crossings(out, from, to), 2000 * 0.8, 4);
  const double want_rms = amplitude * 32768.0 / std::sqrt(2.0);
  EXPECT_NEAR(20 * std::log10(rms(out, from, to) / want_rms), 0.0, 1.0);  // within 1 dB
}

TEST(MonoResampler, DownMixAveragesTheChannels) {
  auto in = sine(48000, 2, 0.2, 440, 0.8);
  for (size_t i = 1; i < in.size(); i += 2) in[i] = -in[i];  // right = -left: cancels out
  const auto cancelled = convert(48000, 2, in);
  EXPECT_LT(rms(cancelled, 0, cancelled.size()), 2.0);
  std::vector<float> left_only = sine(48000, 2, 0.2, 440, 0.8);
  for (size_t i = 1; i < left_only.size(); i += 2) left_only[i] = 0;  // half the level
  const auto half = convert(48000, 2, left_only);
  const double want = 0.4 * 32768 / std::sqrt(2.0);
  EXPECT_NEAR(20 * std::log10(rms(half, 800, half.size() - 800) / want), 0.0, 1.0);
}

TEST(MonoResampler, BlockSizeDoesNotChangeTheResult) {
  const auto in = sine(22050, 1, 0.3, 300, 0.3);
  const auto whole = convert(22050, 1, in);
  const auto blocks = convert(22050, 1, in, 37);
  ASSERT_EQ(whole.size(), blocks.size());
  for (size_t i = 0; i < whole.size(); ++i) ASSERT_NEAR(whole[i], blocks[i], 1) << i;
}

TEST(MonoResampler, RefusesRatesLibsamplerateCannotReach) {
  MonoResampler r(10, 1);  // 16000 / 10 is beyond libsamplerate's ratio limit (256)
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.error().find("10 Hz"), std::string::npos) << r.error();
}

}  // namespace
}  // namespace tt::tests::hal
