// multinet on a board of fakes: both networks resident (shared or partitioned arena, as
// reported), "go" starts and "stop" stops the image classifier, the button toggles it, the
// timeline records what ran.
#include "apps/multinet/multinet_app.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "apps/kws/kws_app.h"
#include "hal/fake/fake_camera.h"
#include "hal/fake/fake_microphone.h"
#include "tests/apps/app_test_support.h"

namespace tt::tests::apps {
namespace {

using tt::apps::AppStatus;
using tt::apps::MultinetApp;
using tt::apps::TimelineKind;
using tt::hal::HalStatus;
using tt::hal::fake::FakeCamera;
using tt::hal::fake::FakeCameraScript;
using tt::hal::fake::FakeMicrophone;
using tt::hal::fake::FakeMicrophoneScript;

struct Networks {
  std::shared_ptr<LoadedModel> kws = shipped_model("kws_dscnn");
  std::shared_ptr<LoadedModel> image = shipped_model("cifar10_cnn");
  std::vector<uint32_t> shared_arena;
  tt::apps::ModelSlot slots[2];
  explicit Networks(bool shared) {
    if (shared) {
      const uint32_t bytes = std::max(kws->arena_needed(), image->arena_needed());
      shared_arena.resize(bytes / 4 + 1);
      slots[0] = kws->slot_with_arena(shared_arena.data(), bytes);
      slots[1] = image->slot_with_arena(shared_arena.data(), bytes);
    } else {
      slots[0] = kws->slot();
      slots[1] = image->slot();
    }
  }
};

FakeCameraScript endless_camera() {
  FakeCameraScript s;
  s.frames = -1;
  return s;
}

TEST(MultinetApp, ReportsTheMemoryOfBothNetworks) {
  for (bool shared : {true, false}) {
    Networks nets(shared);
    FakeBoard fb;
    hal::Board board = fb.board();
    static MultinetApp app;
    Recorder rec;
    EXPECT_EQ(app.start(board, nets.slots, 2, &rec), AppStatus::kNoInput);  // no microphone
    const tt::apps::MultinetMemory& mem = app.memory();
    EXPECT_EQ(mem.shared_arena, shared);
    EXPECT_EQ(mem.kws_arena_bytes, nets.kws->arena_needed());
    EXPECT_EQ(mem.image_arena_bytes, nets.image->arena_needed());
    EXPECT_EQ(mem.arena_bytes_used, shared ? std::max(mem.kws_arena_bytes, mem.image_arena_bytes)
                                           : mem.kws_arena_bytes + mem.image_arena_bytes);
    EXPECT_EQ(mem.kws_plan_bytes, nets.kws->source.plan_bytes);
  }
}

TEST(MultinetApp, ButtonTogglesTheClassifierAndTheTimelineRecordsIt) {
  Networks nets(true);
  std::vector<int16_t> quiet(16000 * 3, 0);
  FakeMicrophoneScript ms;
  ms.samples = quiet.data();
  ms.sample_count = static_cast<int>(quiet.size());
  ms.chunk_samples = 1600;
  FakeMicrophone mic(ms);
  FakeCamera camera(endless_camera());
  FakeBoard fb;
  hal::Board board = fb.board();
  board.microphone = &mic;
  board.camera = &camera;
  static MultinetApp app;
  Recorder rec;
  ASSERT_EQ(app.start(board, nets.slots, 2, &rec), AppStatus::kOk) << app.message();
  for (int i = 0; i < 5; ++i) app.step(0);
  EXPECT_FALSE(app.classifier_running());
  EXPECT_EQ(app.image_inferences(), 0u);
  fb.button.click();
  for (int i = 0; i < 5; ++i) app.step(0);
  EXPECT_TRUE(app.classifier_running());
  EXPECT_EQ(app.image_inferences(), 5u);
  fb.button.click();
  for (int i = 0; i < 5; ++i) app.step(0);
  EXPECT_FALSE(app.classifier_running());
  EXPECT_EQ(app.image_inferences(), 5u);
  // Newest first: off, then five images, then on.
  ASSERT_GE(app.timeline_size(), 7);
  int32_t i = 0;
  while (app.timeline(i).kind == TimelineKind::kAudioWindow) ++i;
  EXPECT_EQ(app.timeline(i).kind, TimelineKind::kClassifierOff);
  int images = 0;
  for (++i; app.timeline(i).kind != TimelineKind::kClassifierOn; ++i) {
    images += app.timeline(i).kind == TimelineKind::kImageInference;
  }
  EXPECT_EQ(images, 5);
  // Both networks' reports reached the listener, audio windows included (KWS always on).
  EXPECT_GT(app.audio_windows(), 0u);
  int kws_reports = 0;
  for (const auto& r : rec.inferences) kws_reports += r.network == 0;
  EXPECT_EQ(kws_reports, static_cast<int>(app.audio_windows()));
}

std::vector<int16_t> first_recognized(const std::string& word) {
  auto kws = shipped_model("kws_dscnn");
  for (const auto& clip : speech_clips(word, 10)) {
    std::vector<int16_t> audio(8000, 0);
    audio.insert(audio.end(), clip.begin(), clip.end());
    audio.resize(audio.size() + 16000, 0);
    FakeMicrophoneScript ms;
    ms.samples = audio.data();
    ms.sample_count = static_cast<int>(audio.size());
    FakeMicrophone mic(ms);
    FakeBoard fb;
    hal::Board board = fb.board();
    board.microphone = &mic;
    static tt::apps::KwsApp app;
    const tt::apps::ModelSlot slot = kws->slot();
    Recorder rec;
    if (app.start(board, &slot, 1, &rec) != AppStatus::kOk) return {};
    while (app.step(0) != AppStatus::kEndOfInput) {
    }
    if (rec.keywords.size() == 1 && word == rec.keywords[0].label) return clip;
  }
  return {};
}

TEST(MultinetApp, GoStartsAndStopStopsTheImageClassifier) {
  TT_REQUIRE_SHARED(dir, "speech_commands");
  // The toggling is under test here, not the recognition (kws_app_test measures that): use
  // the first clips the keyword app alone reports as their word.
  const auto go = first_recognized("go");
  const auto stop = first_recognized("stop");
  ASSERT_FALSE(go.empty());
  ASSERT_FALSE(stop.empty());
  std::vector<int16_t> audio(16000, 0);
  audio.insert(audio.end(), go.begin(), go.end());
  audio.resize(audio.size() + 32000, 0);
  audio.insert(audio.end(), stop.begin(), stop.end());
  audio.resize(audio.size() + 32000, 0);
  Networks nets(true);
  FakeMicrophoneScript ms;
  ms.samples = audio.data();
  ms.sample_count = static_cast<int>(audio.size());
  ms.chunk_samples = 1600;
  FakeMicrophone mic(ms);
  FakeCamera camera(endless_camera());
  FakeBoard fb;
  hal::Board board = fb.board();
  board.microphone = &mic;
  board.camera = &camera;
  static MultinetApp app;
  Recorder rec;
  ASSERT_EQ(app.start(board, nets.slots, 2, &rec), AppStatus::kOk) << app.message();
  std::vector<bool> running;
  // Bounded: with the classifier on, the endless camera keeps every step busy.
  for (int i = 0; i < 2000 && app.step(0) != AppStatus::kEndOfInput; ++i) {
    running.push_back(app.classifier_running());
  }
  ASSERT_EQ(rec.keywords.size(), 2u);
  EXPECT_STREQ(rec.keywords[0].label, "go");
  EXPECT_STREQ(rec.keywords[1].label, "stop");
  EXPECT_FALSE(running.front());
  EXPECT_FALSE(running.back());
  // On exactly once, for a contiguous stretch, and images only then.
  int switches = 0;
  for (size_t i = 1; i < running.size(); ++i) switches += running[i] != running[i - 1];
  EXPECT_EQ(switches, 2);
  EXPECT_GT(app.image_inferences(), 0u);
  int images = 0;
  for (const auto& r : rec.inferences) images += r.network == 1;
  EXPECT_EQ(images, static_cast<int>(app.image_inferences()));
}

}  // namespace
}  // namespace tt::tests::apps
