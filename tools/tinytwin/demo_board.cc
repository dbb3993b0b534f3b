// demo_on_board: see demo_board.h. Small frames on purpose: the emulated UART carries about
// 25 KB/s, so digits go as 28x28 and photos as 32x32 RGB888 frames (both apps scale their
// input to that size anyway).
#include "tools/tinytwin/demo_board.h"

#include <cstdio>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

#include "apps/cifar10_camera/cifar10_camera_app.h"
#include "apps/common/labels.h"
#include "apps/mnist_draw/mnist_draw_app.h"
#include "hal/host/framebuffer_display.h"
#include "hal/host/push_camera.h"
#include "hal/host/queue_button.h"
#include "hal/host/sndfile_microphone.h"
#include "hal/host/steady_clock.h"
#include "hal/host/stream_log.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/demo_inputs.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tools {
namespace {

namespace host = tt::hal::host;

struct HostTwin {
  host::SteadyClock clock;
  host::StreamLog log{stderr, hal::LogLevel::kWarning};
  host::FramebufferDisplay display;
  host::QueueButton button;
};

struct Counts {
  int inputs = 0, agree = 0, correct = 0;
  uint64_t instructions = 0;  // of the last board inference
};

// One image app, frame by frame, on the board and on the host.
template <typename App>
bool run_frames(sim::SimBoard& board, link::AppId id, const char* model,
                const std::vector<cv::Mat>& frames, const std::vector<int>& truth, Counts* c) {
  const int w = frames[0].cols, h = frames[0].rows;
  const int linked = board.linked_model(model);
  if (linked < 0) {
    std::fprintf(stderr, "demo: the firmware has no linked %s\n", model);
    return false;
  }
  link::StartApp req;
  req.app = id;
  req.model_count = 1;
  req.source[0] = link::ModelSource::kLinked;
  req.index[0] = static_cast<uint8_t>(linked);
  req.devices = link::StartApp::kHasCamera;
  if (!board.set_camera_format(0, w, h) || !board.start_app(req)) return false;

  const hal::FrameFormat format{hal::PixelFormat::kRgb888, w, h, w * 3};
  host::PushCamera camera(format);
  HostTwin twin;
  hal::Board hb;
  hb.camera = &camera;
  hb.display = &twin.display;
  hb.button = &twin.button;
  hb.clock = &twin.clock;
  hb.log = &twin.log;
  std::string looked;
  const ModelSource src =
      load_model_source(find_shipped_model(std::string(model) + ".tflite", &looked));
  apps::ModelSlot slot;
  slot.plan = src.plan_words.data();
  slot.plan_bytes = src.plan_bytes;
  std::vector<uint32_t> arena(src.arena_words.size());
  slot.arena = arena.data();
  slot.arena_bytes = static_cast<uint32_t>(arena.size() * 4);
  slot.name = model;
  App app;
  if (app.start(hb, &slot, 1, nullptr) == apps::AppStatus::kModelError) return false;
  for (size_t i = 0; i < frames.size(); ++i) {
    const uint8_t* px = frames[i].ptr<uint8_t>();
    camera.push_frame(format, px);
    app.step(100);
    if (!board.send_frame(px, static_cast<size_t>(w) * h * 3)) return false;
    sim::SimReport r;
    if (!board.wait_report(&r, 60)) return false;
    ++c->inputs;
    c->agree += r.info.top == app.last_report().top &&
                r.op_crc32 ==
                    std::vector<uint32_t>(app.last_report().op_crc32,
                                          app.last_report().op_crc32 + app.last_report().op_count);
    if (!truth.empty()) c->correct += r.info.top == truth[i];
    c->instructions = 0;
    for (uint64_t n : r.op_instructions.empty() ? r.op_ticks : r.op_instructions)
      c->instructions += n;
  }
  app.stop();
  return board.stop_app();
}

cv::Mat to_frame(const cv::Mat& bgr_or_gray, int w, int h) {
  cv::Mat rgb, out;
  if (bgr_or_gray.channels() == 1) {
    cv::cvtColor(bgr_or_gray, rgb, cv::COLOR_GRAY2RGB);
  } else {
    cv::cvtColor(bgr_or_gray, rgb, cv::COLOR_BGR2RGB);
  }
  cv::resize(rgb, out, cv::Size(w, h), 0, 0, cv::INTER_AREA);
  return out.isContinuous() ? out : out.clone();
}

// multinet: "go ... stop" spoken while the sample video plays. The audio goes in quarter
// seconds, each followed by the video's next frame: the board's classifier, switched on and
// off by the keywords, classifies the newest frame it has while it is on.
bool multinet_on_board(sim::SimBoard& board, const std::string& dir, std::string* skipped) {
  TempDir tmp;
  const std::string wav = tmp.path() + "/go_stop.wav";
  std::string problem =
      speak_to_wav("<speak>go<break time=\"2500ms\"/>stop</speak>", "en", true, wav);
  std::vector<int16_t> speech;
  if (problem.empty()) host::SndfileMicrophone::read_file_16k_mono(wav, &speech, &problem);
  cv::VideoCapture video(dir + "/Megamind.avi");
  if (problem.empty() && !video.isOpened()) problem = "cannot open Megamind.avi";
  if (!problem.empty()) {
    *skipped = problem;
    return true;
  }
  std::vector<int16_t> audio(8000, 0);  // half a second before the first word
  audio.insert(audio.end(), speech.begin(), speech.end());
  audio.insert(audio.end(), 24000, 0);
  const int kws = board.linked_model("kws_dscnn"), image = board.linked_model("cifar10_cnn");
  link::StartApp req;
  req.app = link::AppId::kMultinet;
  req.model_count = 2;
  req.source[0] = req.source[1] = link::ModelSource::kLinked;
  req.index[0] = static_cast<uint8_t>(kws);
  req.index[1] = static_cast<uint8_t>(image);
  req.devices = link::StartApp::kHasCamera | link::StartApp::kHasMicrophone;
  if (kws < 0 || image < 0 || !board.set_camera_format(0, 32, 32) || !board.start_app(req)) {
    return false;
  }
  uint64_t instructions[2] = {0, 0};
  int counts[2] = {0, 0};
  const auto collect = [&](double wait_s) {
    sim::SimReport r;
    while (board.wait_report(&r, wait_s)) {
      const int n = r.info.network == 1 ? 1 : 0;
      ++counts[n];
      instructions[n] = 0;
      for (uint64_t c : r.op_instructions.empty() ? r.op_ticks : r.op_instructions) {
        instructions[n] += c;
      }
    }
  };
  constexpr size_t kQuarter = 4000;
  cv::Mat frame;
  for (size_t off = 0; off < audio.size(); off += kQuarter) {
    if (!board.send_audio(audio.data() + off, std::min(kQuarter, audio.size() - off))) return false;
    if (!video.read(frame)) {
      video.set(cv::CAP_PROP_POS_FRAMES, 0);  // the clip loops
      video.read(frame);
    }
    const int side = std::min(frame.cols, frame.rows);
    const cv::Mat small = to_frame(
        frame(cv::Rect((frame.cols - side) / 2, (frame.rows - side) / 2, side, side)), 32, 32);
    if (!board.send_frame(small.ptr<uint8_t>(), small.total() * 3)) return false;
    collect(0.0);
  }
  if (!board.send_audio_end() || !board.ping()) return false;
  collect(2.0);
  std::string heard;
  for (const link::Keyword& k : board.take_keywords()) {
    heard +=
        std::string(" ") + (k.keyword >= 0 && k.keyword < 12 ? apps::kKwsLabels[k.keyword] : "?");
  }
  std::printf(
      "multinet on the board: \"go ... stop\" (espeak-ng en) while Megamind.avi plays -> "
      "heard:%s; %d audio windows (%llu instructions each), %d image inferences (%llu "
      "instructions each)\n",
      heard.c_str(), counts[0], static_cast<unsigned long long>(instructions[0]), counts[1],
      static_cast<unsigned long long>(instructions[1]));
  return board.stop_app();
}

}  // namespace

int demo_on_board(const std::string& which, int64_t limit, const BoardOptions& bo) {
  std::string error;
  std::unique_ptr<sim::SimBoard> board = open_board(bo, &error);
  if (!board) return input_error("demo", error);
  std::printf("emulated board: %s; ticks: %s; linked models: %s\n", board->info().board,
              board->info().tick_meaning, board->info().linked_models);
  const std::string dir = opencv_samples_dir();
  const bool all = which == "all";
  if ((all || which == "mnist_draw") && !dir.empty()) {
    const cv::Mat sheet = cv::imread(dir + "/digits.png", cv::IMREAD_GRAYSCALE);
    const int n = limit > 0 && limit < 5000 ? static_cast<int>(limit) : 200;
    std::vector<cv::Mat> frames;
    std::vector<int> truth;
    for (int i = 0; i < n && !sheet.empty(); ++i) {
      const int row = i % 50, col = (i / 50) % 100;
      frames.push_back(to_frame(sheet(cv::Rect(col * 20, row * 20, 20, 20)), 28, 28));
      truth.push_back(row / 5);
    }
    Counts c;
    if (!frames.empty() && !run_frames<apps::MnistDrawApp>(*board, link::AppId::kMnistDraw,
                                                           "mnist_cnn", frames, truth, &c)) {
      return input_error("demo", "mnist_draw on the board: " + board->error());
    }
    std::printf(
        "mnist_draw on the board: %d digits of digits.png, %d right (%.1f %%), board == host "
        "for %d of %d (class and every layer's CRC32); %llu instructions per inference\n",
        c.inputs, c.correct, c.inputs ? 100.0 * c.correct / c.inputs : 0.0, c.agree, c.inputs,
        static_cast<unsigned long long>(c.instructions));
  }
  if ((all || which == "cifar10_camera") && !dir.empty()) {
    std::vector<cv::Mat> frames;
    std::vector<std::string> names;
    for (const char* name : {"aero1.jpg", "aero3.jpg", "apple.jpg", "baboon.jpg", "building.jpg",
                             "butterfly.jpg", "fruits.jpg", "HappyFish.jpg", "home.jpg", "lena.jpg",
                             "messi5.jpg", "orange.jpg", "starry_night.jpg"}) {
      const cv::Mat photo = cv::imread(dir + "/" + name, cv::IMREAD_COLOR);
      if (photo.empty()) continue;
      const int side = std::min(photo.cols, photo.rows);
      frames.push_back(to_frame(
          photo(cv::Rect((photo.cols - side) / 2, (photo.rows - side) / 2, side, side)), 32, 32));
      names.push_back(name);
    }
    Counts c;
    if (!frames.empty() && !run_frames<apps::Cifar10CameraApp>(*board, link::AppId::kCifar10Camera,
                                                               "cifar10_cnn", frames, {}, &c)) {
      return input_error("demo", "cifar10_camera on the board: " + board->error());
    }
    std::printf(
        "cifar10_camera on the board: %d photos, board == host for %d of %d; %llu "
        "instructions per inference\n",
        c.inputs, c.agree, c.inputs, static_cast<unsigned long long>(c.instructions));
  }
  if (all || which == "kws") {
    // Each keyword spoken on its own, then half a second of silence, as one stream.
    TempDir tmp;
    std::vector<int16_t> audio;
    std::string problem;
    for (int w = 2; w < 12 && problem.empty(); ++w) {
      const std::string wav = tmp.path() + "/word.wav";
      problem = speak_to_wav(apps::kKwsLabels[w], demo_voices()[0], false, wav);
      std::vector<int16_t> clip;
      if (problem.empty() && !host::SndfileMicrophone::read_file_16k_mono(wav, &clip, &problem)) {
        break;
      }
      audio.insert(audio.end(), clip.begin(), clip.end());
      audio.insert(audio.end(), 8000, 0);
    }
    if (!problem.empty()) {
      std::printf("kws on the board: skipped: %s\n", problem.c_str());
    } else {
      audio.insert(audio.end(), 16000, 0);
      const int linked = board->linked_model("kws_dscnn");
      link::StartApp req;
      req.app = link::AppId::kKws;
      req.model_count = 1;
      req.source[0] = link::ModelSource::kLinked;
      req.index[0] = static_cast<uint8_t>(linked < 0 ? 0 : linked);
      req.devices = link::StartApp::kHasMicrophone;
      if (linked < 0 || !board->start_app(req) || !board->send_audio(audio.data(), audio.size()) ||
          !board->send_audio_end() || !board->ping()) {
        return input_error("demo", "kws on the board: " + board->error());
      }
      // The ping is answered after the board has read all the audio; the last windows follow.
      sim::SimReport r;
      while (board->wait_report(&r, 2.0)) {
      }
      std::printf(
          "kws on the board: \"yes no up down left right on off stop go\" (espeak-ng %s) "
          "-> heard:",
          demo_voices()[0].c_str());
      for (const link::Keyword& k : board->take_keywords()) {
        std::printf(" %s", k.keyword >= 0 && k.keyword < 12 ? apps::kKwsLabels[k.keyword] : "?");
      }
      std::printf("\n");
    }
  }
  if ((all || which == "multinet") && !dir.empty()) {
    std::string skipped;
    if (!multinet_on_board(*board, dir, &skipped)) {
      return input_error("demo", "multinet on the board: " + board->error());
    }
    if (!skipped.empty()) std::printf("multinet on the board: skipped: %s\n", skipped.c_str());
  }
  const int code = board->exit_board();
  if (code != 0)
    return input_error("demo", "the board firmware exited with code " + std::to_string(code));
  return kExitOk;
}

}  // namespace tt::tools
