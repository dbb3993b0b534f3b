// The apps end to end on the emulated board, against the same apps on the host: MNIST test
// digits and CIFAR-10 test images go to the board as camera frames over the link, Speech
// Commands clips as microphone audio; each inference the board reports must equal the
// host's (class, scores, output CRC32 and every layer's output CRC32). Also the supervision:
// garbage on the link is survived, a faulting firmware is reported with its fault, a hung
// one is stopped by the watchdog or the host's idle timeout, and a missing QEMU or image
// gives a clear error.
#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "apps/cifar10_camera/cifar10_camera_app.h"
#include "apps/kws/kws_app.h"
#include "apps/mnist_draw/mnist_draw_app.h"
#include "hal/fake/fake_microphone.h"
#include "hal/host/push_camera.h"
#include "sim/sim_board.h"
#include "tests/apps/app_test_support.h"
#include "tools/tinytwin/dataset_cifar10.h"
#include "tools/tinytwin/dataset_mnist.h"

namespace tt::tests::sim {
namespace {

using tests::apps::Recorder;
using tt::sim::SimBoard;
using tt::sim::SimOptions;
using tt::sim::SimReport;

constexpr int kInputs = 100;

bool have_qemu() { return !tt::sim::find_on_path("qemu-system-arm").empty(); }

SimOptions options(const char* firmware) {
  SimOptions o;
  o.firmware = firmware;
  o.plugin = TT_PLUGIN;
  o.idle_timeout_s = 60;
  o.wall_timeout_s = 900;
  return o;
}

#define TT_REQUIRE_BOARD(image)                                                   \
  if (!have_qemu()) GTEST_SKIP() << "qemu-system-arm not found: skipped";         \
  if (std::FILE* f = std::fopen(image, "rb")) {                                   \
    std::fclose(f);                                                               \
  } else {                                                                        \
    GTEST_SKIP() << image << " not built (cmake --build --preset fw-mps2-an500)"; \
  }

// The host's report and the board's must describe the same computation.
void expect_same(const tt::apps::InferenceReport& h, const SimReport& b, const std::string& what) {
  ASSERT_EQ(h.top, b.info.top) << what;
  ASSERT_EQ(h.class_count, b.info.class_count) << what;
  for (int i = 0; i < h.class_count; ++i) ASSERT_EQ(h.scores[i], b.info.scores[i]) << what;
  ASSERT_EQ(h.output_crc32, b.info.output_crc32) << what;
  ASSERT_EQ(static_cast<size_t>(h.op_count), b.op_crc32.size()) << what;
  for (int i = 0; i < h.op_count; ++i)
    ASSERT_EQ(h.op_crc32[i], b.op_crc32[i]) << what << " layer " << i;
  // Exact per-layer counts from the plugin, one per layer, all positive.
  ASSERT_EQ(b.op_instructions.size(), b.op_crc32.size()) << what;
  for (uint64_t n : b.op_instructions) ASSERT_GT(n, 0u) << what;
}

link::StartApp start_request(link::AppId app, int linked_index, uint8_t devices) {
  link::StartApp s;
  s.app = app;
  s.model_count = 1;
  s.source[0] = link::ModelSource::kLinked;
  s.index[0] = static_cast<uint8_t>(linked_index);
  s.devices = devices;
  return s;
}

// Frames (RGB888, w x h) through one image app on the host and on the board.
template <typename HostApp>
void compare_image_app(link::AppId id, const char* model,
                       const std::vector<std::vector<uint8_t>>& frames, int w, int h, int* agreed) {
  auto board = std::make_unique<SimBoard>(options(TT_FW_APP_IMAGE));
  ASSERT_TRUE(board->start()) << board->error();
  const int linked = board->linked_model(model);
  ASSERT_GE(linked, 0) << model
                       << " is not linked into the firmware: " << board->info().linked_models;
  ASSERT_TRUE(board->set_camera_format(0, w, h)) << board->error();
  std::string message;
  ASSERT_TRUE(board->start_app(start_request(id, linked, link::StartApp::kHasCamera), &message))
      << board->error();

  const hal::FrameFormat format{hal::PixelFormat::kRgb888, w, h, w * 3};
  hal::host::PushCamera camera(format);
  tests::apps::FakeBoard fake;
  hal::Board host_board = fake.board();
  host_board.camera = &camera;
  Recorder recorder;
  auto loaded = tests::apps::shipped_model(model);
  const tt::apps::ModelSlot slot = loaded->slot();
  HostApp app;
  ASSERT_NE(app.start(host_board, &slot, 1, &recorder), tt::apps::AppStatus::kModelError)
      << app.message();

  for (size_t i = 0; i < frames.size(); ++i) {
    ASSERT_TRUE(camera.push_frame(format, frames[i].data()));
    const size_t before = recorder.inferences.size();
    for (int k = 0; k < 50 && recorder.inferences.size() == before; ++k) app.step(10);
    ASSERT_EQ(recorder.inferences.size(), before + 1) << "host: no inference for input " << i;
    ASSERT_TRUE(board->send_frame(frames[i].data(), frames[i].size())) << board->error();
    SimReport r;
    ASSERT_TRUE(board->wait_report(&r, 60)) << "input " << i << ": " << board->error();
    expect_same(recorder.inferences.back(), r, std::string(model) + " input " + std::to_string(i));
    ++*agreed;
  }
  // The board drew its own LCD and sent it over: it shows more than a blank screen.
  std::vector<uint16_t> lcd(SimBoard::kLcdWidth * SimBoard::kLcdHeight);
  uint64_t flushes = 0;
  board->copy_lcd(lcd.data(), &flushes);
  EXPECT_GT(flushes, frames.size() / 2);
  EXPECT_GT(std::set<uint16_t>(lcd.begin(), lcd.end()).size(), 3u);
  app.stop();
  EXPECT_EQ(board->exit_board(), 0);
}

TEST(BoardApps, MnistDigitsAgreeWithHost) {
  TT_REQUIRE_BOARD(TT_FW_APP_IMAGE);
  TT_REQUIRE_SHARED(dir, "mnist");
  const tools::ImageSet set = tools::read_mnist(dir, kInputs);
  std::vector<std::vector<uint8_t>> frames;
  for (int64_t i = 0; i < set.count; ++i) {
    std::vector<uint8_t> f(28 * 28 * 3);
    for (int p = 0; p < 28 * 28; ++p) {
      f[p * 3] = f[p * 3 + 1] = f[p * 3 + 2] = set.pixels[i * 784 + p];
    }
    frames.push_back(std::move(f));
  }
  int agreed = 0;
  compare_image_app<tt::apps::MnistDrawApp>(link::AppId::kMnistDraw, "mnist_cnn", frames, 28, 28,
                                            &agreed);
  EXPECT_EQ(agreed, kInputs);
}

TEST(BoardApps, Cifar10ImagesAgreeWithHost) {
  TT_REQUIRE_BOARD(TT_FW_APP_IMAGE);
  TT_REQUIRE_SHARED(dir, "cifar10");
  const tools::ImageSet set = tools::read_cifar10(dir, kInputs);
  std::vector<std::vector<uint8_t>> frames;
  for (int64_t i = 0; i < set.count; ++i) {
    frames.emplace_back(set.pixels.begin() + i * 3072, set.pixels.begin() + (i + 1) * 3072);
  }
  int agreed = 0;
  compare_image_app<tt::apps::Cifar10CameraApp>(link::AppId::kCifar10Camera, "cifar10_cnn", frames,
                                                32, 32, &agreed);
  EXPECT_EQ(agreed, kInputs);
}

TEST(BoardApps, KeywordClipsAgreeWithHost) {
  TT_REQUIRE_BOARD(TT_FW_APP_IMAGE);
  TT_REQUIRE_SHARED(dir, "speech_commands");
  // 100 clips: 10 of each of the 10 keywords, back to back in one stream (each clip has its
  // own silence around the word; the link carries about 25 KB/s, so every second counts).
  // The words take turns, so no clip follows one of the same word (which the detector
  // would suppress as a repeat).
  const char* words[] = {"yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"};
  std::vector<std::vector<std::vector<int16_t>>> by_word;
  for (const char* word : words) by_word.push_back(tests::apps::speech_clips(word, kInputs / 10));
  std::vector<int16_t> stream;
  int clips = 0;
  for (int i = 0; i < kInputs / 10; ++i) {
    for (const auto& word_clips : by_word) {
      if (i >= static_cast<int>(word_clips.size())) continue;
      stream.insert(stream.end(), word_clips[i].begin(), word_clips[i].end());
      ++clips;
    }
  }
  ASSERT_EQ(clips, kInputs);

  hal::fake::FakeMicrophoneScript script;
  script.samples = stream.data();
  script.sample_count = static_cast<int>(stream.size());
  hal::fake::FakeMicrophone microphone(script);
  tests::apps::FakeBoard fake;
  hal::Board host_board = fake.board();
  host_board.microphone = &microphone;
  Recorder recorder;
  auto loaded = tests::apps::shipped_model("kws_dscnn");
  const tt::apps::ModelSlot slot = loaded->slot();
  tt::apps::KwsApp app;
  ASSERT_EQ(app.start(host_board, &slot, 1, &recorder), tt::apps::AppStatus::kOk) << app.message();
  for (int k = 0; k < 100000 && app.step(10) != tt::apps::AppStatus::kEndOfInput; ++k) {
  }
  ASSERT_GT(recorder.inferences.size(), static_cast<size_t>(kInputs));

  auto board = std::make_unique<SimBoard>(options(TT_FW_APP_IMAGE));
  ASSERT_TRUE(board->start()) << board->error();
  const int linked = board->linked_model("kws_dscnn");
  ASSERT_GE(linked, 0);
  // Only the inferences matter here: the LCD at most once per second of board time.
  link::StartApp request = start_request(link::AppId::kKws, linked, link::StartApp::kHasMicrophone);
  request.lcd_min_interval_ms = 1000;
  ASSERT_TRUE(board->start_app(request)) << board->error();
  ASSERT_TRUE(board->send_audio(stream.data(), stream.size())) << board->error();
  ASSERT_TRUE(board->send_audio_end()) << board->error();
  for (size_t i = 0; i < recorder.inferences.size(); ++i) {
    SimReport r;
    ASSERT_TRUE(board->wait_report(&r, 60)) << "window " << i << ": " << board->error();
    expect_same(recorder.inferences[i], r, "kws window " + std::to_string(i));
  }
  // The same keywords, in the same order.
  ASSERT_TRUE(board->ping()) << board->error();
  const std::vector<link::Keyword> board_words = board->take_keywords();
  ASSERT_EQ(board_words.size(), recorder.keywords.size());
  for (size_t i = 0; i < board_words.size(); ++i) {
    EXPECT_EQ(board_words[i].keyword, recorder.keywords[i].keyword) << "keyword " << i;
  }
  EXPECT_GE(recorder.keywords.size(), static_cast<size_t>(kInputs * 7 / 10));
  EXPECT_EQ(board->exit_board(), 0);
}

// Plans uploaded over the link, with garbage injected between frames: every request still
// succeeds and the run stays bit-exact with the host.
TEST(BoardSupervision, GarbageOnTheLinkIsSurvived) {
  TT_REQUIRE_BOARD(TT_FW_APP_IMAGE);
  auto board = std::make_unique<SimBoard>(options(TT_FW_APP_IMAGE));
  ASSERT_TRUE(board->start()) << board->error();
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<uint8_t> junk(1 + rng() % 300);
    for (uint8_t& b : junk) b = static_cast<uint8_t>(rng());
    if (round % 3 == 0) junk.insert(junk.begin(), link::kSync, link::kSync + 4);  // false sync
    ASSERT_TRUE(board->send_raw(junk.data(), junk.size()));
    ASSERT_TRUE(board->ping()) << "round " << round << ": " << board->error();
  }
  auto model = tests::apps::shipped_model("mnist_mlp");
  const auto* p = reinterpret_cast<const uint8_t*>(model->source.plan_words.data());
  ASSERT_TRUE(board->upload_plan(0, std::vector<uint8_t>(p, p + model->source.plan_bytes)))
      << board->error();
  std::vector<uint8_t> input(784, 17);
  SimReport r;
  ASSERT_TRUE(board->run_plan(0, input, &r)) << board->error();
  EXPECT_EQ(r.op_crc32.size(), static_cast<size_t>(model->source.plan.op_count()));
  // A truncated plan is refused by the board's own loader, and the board goes on.
  EXPECT_FALSE(board->upload_plan(1, std::vector<uint8_t>(p, p + 100)));
  EXPECT_NE(board->error().find("plan"), std::string::npos) << board->error();
  EXPECT_TRUE(board->ping()) << board->error();
  EXPECT_GT(board->link_stats().frames, 20u);
  EXPECT_EQ(board->exit_board(), 0);
}

TEST(BoardSupervision, FaultIsReportedWithExitCode) {
  TT_REQUIRE_BOARD(TT_FW_FAULT_IMAGE);
  SimOptions o = options(TT_FW_FAULT_IMAGE);
  o.idle_timeout_s = 20;
  SimBoard board(o);
  EXPECT_FALSE(board.start());
  EXPECT_NE(board.error().find("FAULT"), std::string::npos) << board.error();
  EXPECT_NE(board.error().find("exit status 3"), std::string::npos) << board.error();
}

TEST(BoardSupervision, WatchdogStopsAHungFirmware) {
  TT_REQUIRE_BOARD(TT_FW_WATCHDOG_IMAGE);
  SimOptions o = options(TT_FW_WATCHDOG_IMAGE);
  o.idle_timeout_s = 30;
  SimBoard board(o);
  EXPECT_FALSE(board.start());
  EXPECT_NE(board.error().find("exit status 3"), std::string::npos) << board.error();
}

TEST(BoardSupervision, IdleTimeoutStopsASilentBoard) {
  TT_REQUIRE_BOARD(TT_FW_SPIN_IMAGE);
  SimOptions o = options(TT_FW_SPIN_IMAGE);
  o.idle_timeout_s = 2;
  SimBoard board(o);
  EXPECT_FALSE(board.start());
  EXPECT_NE(board.error().find("sent nothing"), std::string::npos) << board.error();
  EXPECT_FALSE(board.alive());
}

TEST(BoardSupervision, MissingQemuOrImageIsAClearError) {
  SimOptions o = options("/nonexistent/tinytwin_fw");
  SimBoard no_image(o);
  EXPECT_FALSE(no_image.start());
  EXPECT_NE(no_image.error().find("firmware image not found"), std::string::npos);
  o = options(TT_FW_APP_IMAGE);
  o.qemu = "qemu-system-nonexistent";
  SimBoard no_qemu(o);
  EXPECT_FALSE(no_qemu.start());
  EXPECT_NE(no_qemu.error().find("not found on PATH"), std::string::npos) << no_qemu.error();
}

}  // namespace
}  // namespace tt::tests::sim
