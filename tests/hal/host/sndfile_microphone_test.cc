// SndfileMicrophone: the Microphone conformance suite over audio files (16 kHz mono WAV,
// 44.1 kHz stereo FLAC, real time, looping with silence, missing and non-audio files), then
// exact sample delivery, the added silences, looping, restarting and real-time pacing.
#include "hal/host/sndfile_microphone.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <vector>

#include "tests/hal/conformance/microphone_conformance.h"
#include "tests/hal/host/test_audio.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::host::Pacing;
using tt::hal::host::SndfileMicrophone;
using tt::hal::host::SndfileMicrophoneOptions;

using PathOf = std::string (*)();
std::string missing_file() { return audio_dir() + "/missing.wav"; }
std::string text_file() {
  const std::string path = audio_dir() + "/notes.txt";
  std::ofstream(path) << "not audio\n";
  return path;
}

SndfileMicrophoneOptions opts(Pacing pacing, int lead_ms = 0, int trail_ms = 0, bool loop = false) {
  SndfileMicrophoneOptions o;
  o.pacing = pacing;
  o.lead_silence_ms = lead_ms;
  o.trail_silence_ms = trail_ms;
  o.loop = loop;
  return o;
}

MicrophoneCase mic_case(const char* label, PathOf path, SndfileMicrophoneOptions options) {
  return MicrophoneCase{label, [path, options]() mutable {
                          options.path = path();
                          return std::make_shared<SndfileMicrophone>(options);
                        }};
}

INSTANTIATE_TEST_SUITE_P(
    Sndfile, MicrophoneConformance,
    ::testing::Values(mic_case("wav_16k_mono_fast", ramp_wav_16k, opts(Pacing::kAsFastAsPossible)),
                      mic_case("flac_44k_stereo_fast", sine_flac_44k_stereo,
                               opts(Pacing::kAsFastAsPossible)),
                      mic_case("wav_real_time", ramp_wav_16k, opts(Pacing::kRealTime)),
                      mic_case("looping_with_silence_fast", ramp_wav_16k,
                               opts(Pacing::kAsFastAsPossible, 20, 20, true)),
                      mic_case("missing_file", missing_file, opts(Pacing::kAsFastAsPossible)),
                      mic_case("not_audio", text_file, opts(Pacing::kAsFastAsPossible))),
    case_name<MicrophoneCase>);

// Everything a started microphone delivers until it ends (or `limit` samples).
std::vector<int16_t> read_all(SndfileMicrophone& mic, size_t limit = 1u << 22) {
  std::vector<int16_t> all, chunk(777);
  while (all.size() < limit) {
    int got = 0;
    const HalStatus s = mic.read(chunk.data(), static_cast<int>(chunk.size()), &got, 1000);
    if (s != HalStatus::kOk) {
      EXPECT_EQ(s, HalStatus::kEndOfStream);
      break;
    }
    all.insert(all.end(), chunk.begin(), chunk.begin() + got);
  }
  return all;
}

TEST(SndfileMicrophone, A16kHzWavIsDeliveredExactlyThenEnds) {
  SndfileMicrophoneOptions o = opts(Pacing::kAsFastAsPossible);
  o.path = ramp_wav_16k();
  SndfileMicrophone mic(o);
  ASSERT_EQ(mic.start(), HalStatus::kOk) << mic.last_error();
  const auto all = read_all(mic);
  ASSERT_EQ(all.size(), static_cast<size_t>(kRampSamples));
  for (int i = 0; i < kRampSamples; ++i) ASSERT_EQ(all[i], ramp_sample(i)) << i;
  int got = -1;
  int16_t x;
  EXPECT_EQ(mic.read(&x, 1, &got, 0), HalStatus::kEndOfStream);
  EXPECT_EQ(got, 0);
  EXPECT_EQ(mic.overrun_samples(), 0u);
}

TEST(SndfileMicrophone, LeadAndTrailSilenceHaveTheirLengths) {
  SndfileMicrophoneOptions o = opts(Pacing::kAsFastAsPossible, 250, 100);
  o.path = ramp_wav_16k();
  SndfileMicrophone mic(o);
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  const auto all = read_all(mic);
  ASSERT_EQ(all.size(), 4000u + kRampSamples + 1600u);
  for (size_t i = 0; i < 4000; ++i) ASSERT_EQ(all[i], 0) << i;
  for (int i = 0; i < kRampSamples; ++i) ASSERT_EQ(all[4000 + i], ramp_sample(i)) << i;
  for (size_t i = 4000 + kRampSamples; i < all.size(); ++i) ASSERT_EQ(all[i], 0) << i;
  EXPECT_EQ(mic.clip().size(), all.size());
}

TEST(SndfileMicrophone, LoopPlaysClipAndSilenceAgainAndAgain) {
  SndfileMicrophoneOptions o = opts(Pacing::kAsFastAsPossible, 10, 0, true);
  o.path = ramp_wav_16k();
  SndfileMicrophone mic(o);
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  const size_t pass = 160 + kRampSamples;
  const auto all = read_all(mic, 3 * pass);
  ASSERT_GE(all.size(), 3 * pass);
  for (size_t i = 0; i < 3 * pass; ++i) {
    const size_t k = i % pass;
    ASSERT_EQ(all[i], k < 160 ? 0 : ramp_sample(static_cast<int>(k - 160))) << i;
  }
}

TEST(SndfileMicrophone, StartAfterStopPlaysFromTheBeginning) {
  SndfileMicrophoneOptions o = opts(Pacing::kAsFastAsPossible);
  o.path = ramp_wav_16k();
  SndfileMicrophone mic(o);
  std::vector<int16_t> chunk(100);
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(mic.start(), HalStatus::kOk);
    EXPECT_EQ(mic.start(), HalStatus::kOk);  // already started: nothing changes
    int got = 0;
    ASSERT_EQ(mic.read(chunk.data(), 100, &got, 0), HalStatus::kOk);
    ASSERT_EQ(got, 100);
    EXPECT_EQ(chunk[0], ramp_sample(0)) << run;
    mic.stop();
    EXPECT_FALSE(mic.is_started());
  }
}

TEST(SndfileMicrophone, A44kStereoFlacBecomes16kMono) {
  std::vector<int16_t> samples;
  std::string error;
  ASSERT_TRUE(SndfileMicrophone::read_file_16k_mono(sine_flac_44k_stereo(), &samples, &error))
      << error;
  EXPECT_NEAR(static_cast<double>(samples.size()), 8000.0, 80.0);
  int crossings = 0;
  for (size_t i = 1601; i < 6400; ++i) crossings += (samples[i - 1] < 0) != (samples[i] < 0);
  EXPECT_NEAR(crossings, 2000 * 0.3, 4);  // 1 kHz over 0.3 s
  SndfileMicrophoneOptions o = opts(Pacing::kAsFastAsPossible);
  o.path = sine_flac_44k_stereo();
  SndfileMicrophone mic(o);
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  EXPECT_EQ(read_all(mic), samples);
}

TEST(SndfileMicrophone, UnreadableFilesAreNoDeviceWithAReason) {
  for (const std::string& path : {missing_file(), text_file()}) {
    SndfileMicrophoneOptions o;
    o.path = path;
    SndfileMicrophone mic(o);
    EXPECT_EQ(mic.start(), HalStatus::kNoDevice) << path;
    EXPECT_FALSE(mic.is_started());
    const std::string& e = mic.last_error();
    EXPECT_NE(e.find(path), std::string::npos) << e;
    EXPECT_GT(e.size(), path.size() + 16) << "no reason given: " << e;
    std::vector<int16_t> samples{1, 2, 3};
    std::string error;
    EXPECT_FALSE(SndfileMicrophone::read_file_16k_mono(path, &samples, &error));
    EXPECT_TRUE(samples.empty());
    EXPECT_EQ(error, e);
  }
}

TEST(SndfileMicrophone, RealTimePacingDoesNotDeliverAheadOfTheClock) {
  // Half a second of audio (8000 samples, mostly silence) must take at least ~0.5 s; loose
  // bound 0.3 s. A timing-goal test would be flaky; this only checks that pacing happens.
  SndfileMicrophoneOptions o = opts(Pacing::kRealTime, 200, 0);
  o.path = ramp_wav_16k();
  SndfileMicrophone mic(o);
  const auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(mic.start(), HalStatus::kOk);
  std::vector<int16_t> chunk(4000);
  int total = 0;
  while (total < 8000) {
    int got = 0;
    ASSERT_EQ(mic.read(chunk.data(), 4000, &got, 1000), HalStatus::kOk);
    total += got;
  }
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(300));
  int got = 0;
  mic.read(chunk.data(), 4000, &got, 0);  // right after: only what became due meanwhile
  EXPECT_LT(got, 4000);
}

}  // namespace
}  // namespace tt::tests::hal
