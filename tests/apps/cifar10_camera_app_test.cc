// cifar10_camera on a board of fakes: the app's camera path (crop, resize, quantize, DSP
// kernels) gives exactly what the reference kernels give on the same 32x32 input; CIFAR-10
// test images as frames are classified as `tinytwin eval` classifies them; the LCD, the
// pause button, a lost camera.
#include "apps/cifar10_camera/cifar10_camera_app.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "hal/draw/colour.h"
#include "hal/fake/fake_camera.h"
#include "kernels/runtime/executor.h"
#include "tests/apps/app_test_support.h"
#include "tools/tinytwin/dataset_cifar10.h"

namespace tt::tests::apps {
namespace {

using tt::apps::AppStatus;
using tt::apps::Cifar10CameraApp;
using tt::hal::FrameFormat;
using tt::hal::HalStatus;
using tt::hal::PixelFormat;
using tt::hal::fake::FakeCamera;
using tt::hal::fake::FakeCameraScript;
namespace kp = tt::kernels::plan;

// The network's scores for one 32x32 RGB image through the reference kernels, fed the way
// the model was trained (pixel / 255 at scale 1/255, zero point -128: q = pixel - 128).
std::vector<int8_t> reference_scores(const LoadedModel& m, const uint8_t* rgb) {
  const kp::LoadedPlan& plan = m.source.plan;
  int8_t* in = static_cast<int8_t*>(plan.mutable_data(plan.input_tensor(0)));
  for (int i = 0; i < 32 * 32 * 3; ++i) in[i] = static_cast<int8_t>(rgb[i] - 128);
  kp::RunOptions options;
  options.kernels = kp::KernelSet::kRef;
  EXPECT_TRUE(kp::run_plan(plan, options).ok());
  const int8_t* out = static_cast<const int8_t*>(plan.data(plan.output_tensor(0)));
  return std::vector<int8_t>(out, out + 10);
}

struct Played {
  std::vector<tt::apps::InferenceReport> reports;
};

void play(const std::vector<std::vector<uint8_t>>& frames, const FrameFormat& format,
          const LoadedModel& m, Played* out) {
  std::vector<const uint8_t*> images;
  for (const auto& f : frames) images.push_back(f.data());
  FakeCameraScript script;
  script.format = format;
  script.frames = static_cast<int>(frames.size());
  script.then = HalStatus::kEndOfStream;
  script.images = images.data();
  script.image_count = static_cast<int>(images.size());
  FakeCamera camera(script);
  FakeBoard fb;
  hal::Board board = fb.board();
  board.camera = &camera;
  static Cifar10CameraApp app;
  // The app gets its own arena: the model source's arena is used by reference_scores().
  std::vector<uint32_t> arena(m.arena_needed() / 4 + 1);
  const tt::apps::ModelSlot slot = m.slot_with_arena(arena.data(), arena.size() * 4);
  Recorder rec;
  ASSERT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kOk) << app.message();
  for (size_t i = 0; i < frames.size(); ++i) {
    ASSERT_EQ(app.step(0), AppStatus::kOk) << app.message();
    out->reports.push_back(app.last_report());
  }
  EXPECT_EQ(app.step(0), AppStatus::kEndOfInput);
  app.stop();
}

TEST(Cifar10CameraApp, AppPathIsBitExactWithReferenceKernels) {
  auto m = shipped_model("cifar10_cnn");
  std::mt19937 rng(7);
  std::vector<std::vector<uint8_t>> frames(12, std::vector<uint8_t>(32 * 32 * 3));
  for (auto& f : frames) {
    for (uint8_t& v : f) v = static_cast<uint8_t>(rng());
  }
  Played played;
  play(frames, FrameFormat{PixelFormat::kRgb888, 32, 32, 96}, *m, &played);
  ASSERT_EQ(played.reports.size(), frames.size());
  for (size_t i = 0; i < frames.size(); ++i) {
    const std::vector<int8_t> ref = reference_scores(*m, frames[i].data());
    EXPECT_EQ(0, std::memcmp(ref.data(), played.reports[i].scores, 10)) << "frame " << i;
  }
}

TEST(Cifar10CameraApp, ClassifiesCifar10TestImagesAsEvalDoes) {
  TT_REQUIRE_SHARED(dir, "cifar10");
  const tools::ImageSet set = tools::read_cifar10(dir, 200);
  auto m = shipped_model("cifar10_cnn");
  std::vector<std::vector<uint8_t>> frames;
  for (int i = 0; i < set.count; ++i) frames.emplace_back(set.image(i), set.image(i) + 3072);
  Played played;
  play(frames, FrameFormat{PixelFormat::kRgb888, 32, 32, 96}, *m, &played);
  int correct = 0;
  for (int i = 0; i < set.count; ++i) {
    const std::vector<int8_t> ref = reference_scores(*m, frames[i].data());
    ASSERT_EQ(0, std::memcmp(ref.data(), played.reports[i].scores, 10)) << "image " << i;
    correct += played.reports[i].top == set.labels[i];
  }
  EXPECT_GE(correct, set.count * 80 / 100);  // the model card says 85.96 % on all 10,000
}

TEST(Cifar10CameraApp, QvgaRgb565FramesAreCroppedToTheCentreSquare) {
  auto m = shipped_model("cifar10_cnn");
  FakeCameraScript script;  // the default: 320x240 RGB565, a generated pattern
  script.frames = 2;
  script.then = HalStatus::kDeviceLost;
  FakeCamera camera(script);
  FakeBoard fb;
  hal::Board board = fb.board();
  board.camera = &camera;
  static Cifar10CameraApp app;
  const tt::apps::ModelSlot slot = m->slot();
  Recorder rec;
  ASSERT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kOk);
  ASSERT_EQ(app.step(0), AppStatus::kOk);
  const auto crop = app.classifier().crop();
  EXPECT_EQ(crop.x, 40);
  EXPECT_EQ(crop.width, 240);
  EXPECT_EQ(crop.height, 240);
  // Preview, crop box (yellow) and network input are on the LCD.
  EXPECT_GE(fb.colours_in({4, 18, 160, 120}), 16);
  EXPECT_TRUE(fb.shows_colour({4, 18, 160, 120}, hal::draw::kYellow));
  EXPECT_GE(fb.colours_in({172, 18, 96, 96}), 16);
  EXPECT_GT(fb.display.flush_count(), 0);

  fb.button.click();  // pause: no frame is read
  EXPECT_EQ(app.step(0), AppStatus::kIdle);
  EXPECT_TRUE(app.paused());
  EXPECT_EQ(rec.inferences.size(), 1u);
  fb.button.click();
  EXPECT_EQ(app.step(0), AppStatus::kOk);
  EXPECT_EQ(app.step(0), AppStatus::kInputLost);
  EXPECT_EQ(rec.inferences.size(), 2u);
}

TEST(Cifar10CameraApp, NoCameraAndWrongModel) {
  auto m = shipped_model("cifar10_cnn");
  FakeBoard fb;
  hal::Board board = fb.board();
  static Cifar10CameraApp app;
  tt::apps::ModelSlot slot = m->slot();
  Recorder rec;
  EXPECT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kNoInput);
  EXPECT_NE(std::string(app.message()).find("no camera"), std::string::npos);
  EXPECT_TRUE(fb.shows_colour({4, 18, 160, 120}, hal::draw::kOrange));
  auto mnist = shipped_model("mnist_mlp");
  slot = mnist->slot();
  EXPECT_EQ(app.start(board, &slot, 1, &rec), AppStatus::kModelError);
  EXPECT_NE(std::string(app.message()).find("3072"), std::string::npos) << app.message();
}

}  // namespace
}  // namespace tt::tests::apps
