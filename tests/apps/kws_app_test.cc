// The keyword spotter and the kws app on a board of fakes: streaming MFCCs equal the batch
// front-end (the training path) for any chunking, a spoken word is reported exactly once,
// the LCD, a missing microphone.
#include "apps/kws/kws_app.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "apps/common/labels.h"
#include "hal/draw/colour.h"
#include "hal/fake/fake_microphone.h"
#include "kernels/frontend/mfcc.h"
#include "tests/apps/app_test_support.h"

namespace tt::tests::apps {
namespace {

using tt::apps::AppStatus;
using tt::apps::KeywordSpotter;
using tt::apps::KwsApp;
using tt::hal::HalStatus;
using tt::hal::fake::FakeMicrophone;
using tt::hal::fake::FakeMicrophoneScript;
namespace kf = tt::kernels::frontend;

TEST(KeywordSpotter, StreamingWindowsEqualBatchMfccForAnyChunking) {
  auto m = shipped_model("kws_dscnn");
  std::mt19937 rng(3);
  std::vector<int16_t> audio(16000 * 2 + 777);
  for (auto& v : audio) v = static_cast<int16_t>(static_cast<int>(rng() % 20001) - 10000);
  static KeywordSpotter spotter;
  char message[128];
  ASSERT_EQ(spotter.load(m->slot(), {}, message, sizeof message), AppStatus::kOk) << message;
  hal::fake::FakeClock clock;
  int windows = 0;
  size_t pos = 0;
  while (pos < audio.size()) {
    const int32_t n = std::min<int32_t>(1 + rng() % 900, static_cast<int32_t>(audio.size() - pos));
    int32_t used = 0;
    tt::apps::InferenceReport report;
    const tt::apps::SpotResult r =
        spotter.feed(audio.data() + pos, n, &used, clock, &report, message, sizeof message);
    ASSERT_GT(used, 0);
    pos += used;
    if (!r.inferred) continue;
    ++windows;
    // The window that just completed starts (frames_seen - 49) hops into the audio.
    const int start = (spotter.frames_seen() - kf::kFramesPerClip) * kf::kFrameStride;
    std::vector<float> batch(kf::kClipFeatures);
    ASSERT_EQ(
        kf::compute_mfcc(audio.data() + start, kf::kClipSamples, batch.data(), kf::kClipFeatures),
        kernels::Status::kOk);
    ASSERT_EQ(0, std::memcmp(batch.data(), spotter.window_features(), sizeof(float) * 490))
        << "window " << windows;
    EXPECT_EQ(report.class_count, 12);
  }
  // 2.05 s of audio: the first window at 1 s, then one every 200 ms.
  EXPECT_EQ(windows, 1 + (audio.size() / 320 - 1 - 49 + 1) / 10);
}

// A clip with a second of silence before and after: the window slides over the word.
std::vector<int16_t> padded(const std::vector<int16_t>& clip) {
  std::vector<int16_t> out(16000, 0);
  out.insert(out.end(), clip.begin(), clip.end());
  out.resize(out.size() + 16000, 0);
  return out;
}

struct KwsRun {
  Recorder rec;
  int steps = 0;
};

void run_kws(const std::vector<int16_t>& audio, const std::string& model, KwsRun* run) {
  auto m = shipped_model(model);
  FakeMicrophoneScript script;
  script.samples = audio.data();
  script.sample_count = static_cast<int>(audio.size());
  script.chunk_samples = 1000;
  FakeMicrophone mic(script);
  FakeBoard fb;
  hal::Board board = fb.board();
  board.microphone = &mic;
  static KwsApp app;
  const tt::apps::ModelSlot slot = m->slot();
  ASSERT_EQ(app.start(board, &slot, 1, &run->rec), AppStatus::kOk) << app.message();
  AppStatus s;
  while ((s = app.step(0)) != AppStatus::kEndOfInput) {
    ASSERT_TRUE(s == AppStatus::kOk || s == AppStatus::kIdle) << app.message();
    ++run->steps;
  }
  EXPECT_EQ(app.keywords_reported(), static_cast<int32_t>(run->rec.keywords.size()));
  app.stop();
}

TEST(KwsApp, SpokenWordsAreReportedOnce) {
  TT_REQUIRE_SHARED(dir, "speech_commands");
  int right = 0, total = 0;
  for (const char* word : {"yes", "go", "stop", "left"}) {
    for (const auto& clip : speech_clips(word, 10)) {
      KwsRun run;
      run_kws(padded(clip), "kws_dscnn", &run);
      // 3 s of audio: 11 windows; never more than one report per spoken word.
      EXPECT_EQ(run.rec.inferences.size(), 11u);
      EXPECT_LE(run.rec.keywords.size(), 1u) << word;
      right += run.rec.keywords.size() == 1 && std::string(run.rec.keywords[0].label) == word;
      ++total;
    }
  }
  EXPECT_GE(right, total * 8 / 10) << right << " of " << total << " clips reported correctly";
}

TEST(KwsApp, SilenceReportsNothingAndTheLcdShowsTheWindow) {
  std::vector<int16_t> quiet(16000 * 2, 0);
  KwsRun run;
  run_kws(quiet, "kws_dscnn", &run);
  EXPECT_TRUE(run.rec.keywords.empty());
  ASSERT_FALSE(run.rec.inferences.empty());
  EXPECT_EQ(run.rec.inferences.back().top, tt::apps::kKwsSilence);
  EXPECT_STREQ(run.rec.inferences.back().labels[0], "silence");
}

TEST(KwsApp, NoMicrophoneAndWrongModel) {
  auto m = shipped_model("kws_dscnn");
  FakeBoard fb;
  hal::Board board = fb.board();
  static KwsApp app;
  tt::apps::ModelSlot slot = m->slot();
  Recorder rec;
  EXPECT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kNoInput);
  EXPECT_NE(std::string(app.message()).find("no microphone"), std::string::npos);
  EXPECT_TRUE(fb.shows_colour({4, 58, 245, 60}, hal::draw::kOrange));
  EXPECT_EQ(app.step(10), AppStatus::kNoInput);

  FakeMicrophoneScript lost;
  std::vector<int16_t> audio(4000, 100);
  lost.samples = audio.data();
  lost.sample_count = 4000;
  lost.then = HalStatus::kDeviceLost;
  FakeMicrophone mic(lost);
  board.microphone = &mic;
  ASSERT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kOk);
  AppStatus s = AppStatus::kOk;
  for (int i = 0; i < 100 && s != AppStatus::kInputLost; ++i) s = app.step(0);
  EXPECT_EQ(s, AppStatus::kInputLost);

  auto cifar = shipped_model("cifar10_cnn");
  slot = cifar->slot();
  EXPECT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kModelError);
  EXPECT_NE(std::string(app.message()).find("490"), std::string::npos) << app.message();
}

}  // namespace
}  // namespace tt::tests::apps
