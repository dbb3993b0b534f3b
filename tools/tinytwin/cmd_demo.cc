// `tinytwin demo`: the four apps, headless, on inputs every machine with run.sh's packages
// has: OpenCV's 5,000 handwritten digits (mnist_draw), its sample photos and video
// (cifar10_camera), keywords spoken by espeak-ng (kws) and a spoken "go ... stop" over the
// video (multinet). The apps run exactly as in the GUI and the firmware: the same App
// objects on host HAL backends (push camera, OpenCV video camera, libsndfile microphone, an
// in-memory LCD). Prints predictions and per-layer timings, or JSON with --json.
#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <string>
#include <vector>

#include "apps/cifar10_camera/cifar10_camera_app.h"
#include "apps/common/labels.h"
#include "apps/kws/kws_app.h"
#include "apps/mnist_draw/mnist_draw_app.h"
#include "apps/multinet/multinet_app.h"
#include "hal/host/framebuffer_display.h"
#include "hal/host/host_led.h"
#include "hal/host/opencv_camera.h"
#include "hal/host/push_camera.h"
#include "hal/host/push_camera_cv.h"
#include "hal/host/queue_button.h"
#include "hal/host/sndfile_microphone.h"
#include "hal/host/steady_clock.h"
#include "hal/host/stream_log.h"
#include "tools/tinytwin/board_session.h"
#include "tools/tinytwin/cli_args.h"
#include "tools/tinytwin/commands.h"
#include "tools/tinytwin/demo_board.h"
#include "tools/tinytwin/demo_inputs.h"
#include "tools/tinytwin/demo_stats.h"
#include "tools/tinytwin/model_source.h"

namespace tt::tools {
namespace {

namespace fs = std::filesystem;
namespace host = tt::hal::host;
using apps::AppStatus;
using nlohmann::json;

constexpr const char* kUsage =
    "usage: tinytwin demo [--app mnist_draw|cifar10_camera|kws|multinet|all] [--json]\n"
    "                     [--limit N] [--lcd DIR] [--backend host|qemu] [board options]\n"
    "  Runs the apps headless on OpenCV's sample data (Debian opencv-doc: digits.png,\n"
    "  photos, a video) and keywords spoken by espeak-ng, with the shipped models, and\n"
    "  prints the predictions and per-layer host timings.\n"
    "  --limit N  at most N digits / video frames (default: all 5,000 digits, 150 frames)\n"
    "  --lcd DIR  also write each app's final LCD as DIR/APP.png\n"
    "  --backend qemu  run mnist_draw, cifar10_camera and kws on the emulated Cortex-M7 board\n"
    "             (inputs over the link; each also run on the host to show they agree)\n"
    "board options (--backend qemu):\n";

struct Options {
  std::string app = "all";
  std::string backend = "host";
  BoardOptions board;
  bool json = false;
  int64_t limit = -1;
  std::string lcd_dir;
};

// A desktop board without devices; each section plugs in its camera and microphone.
struct DemoBoard {
  host::SteadyClock clock;
  host::StreamLog log{stderr, hal::LogLevel::kWarning};
  host::FramebufferDisplay display;
  host::QueueButton button;
  host::HostLed led;
  hal::Board board(hal::Camera* camera, hal::Microphone* microphone) {
    hal::Board b;
    b.name = "host";
    b.camera = camera;
    b.microphone = microphone;
    b.display = &display;
    b.button = &button;
    b.led = &led;
    b.clock = &clock;
    b.log = &log;
    return b;
  }
};

struct Model {
  ModelSource source;
  std::string name;
  apps::ModelSlot slot() const {
    apps::ModelSlot s;
    s.plan = source.plan_words.data();
    s.plan_bytes = source.plan_bytes;
    s.arena = const_cast<uint32_t*>(source.arena_words.data());
    s.arena_bytes = static_cast<uint32_t>(source.arena_words.size() * 4);
    s.name = name.c_str();
    return s;
  }
};

std::unique_ptr<Model> shipped(const std::string& name) {
  std::string looked;
  const std::string path = find_shipped_model(name + ".tflite", &looked);
  if (path.empty()) throw compiler::ModelError("shipped model " + name + " not found in:" + looked);
  auto m = std::make_unique<Model>();
  m->source = load_model_source(path);
  m->name = name;
  return m;
}

struct Section {
  const Options& options;
  DemoBoard& board;
  json& out;
  void say(const char* fmt, ...) const __attribute__((format(printf, 2, 3)));
  void skip(const std::string& app, const std::string& why) const {
    out[app] = {{"skipped", why}};
    say("%s: skipped: %s\n", app.c_str(), why.c_str());
  }
  void save_lcd(const std::string& app) const {
    if (options.lcd_dir.empty()) return;
    const std::string path = (fs::path(options.lcd_dir) / (app + ".png")).string();
    if (!board.display.write_png(path)) say("  (could not write %s)\n", path.c_str());
  }
};

void Section::say(const char* fmt, ...) const {
  if (options.json) return;
  va_list args;
  va_start(args, fmt);
  std::vprintf(fmt, args);
  va_end(args);
}

const char* label(const apps::InferenceReport& r) {
  return r.labels != nullptr && r.top >= 0 ? r.labels[r.top] : "?";
}

// --- mnist_draw: the 5,000 digits of digits.png (50 rows of 100; 5 rows per digit) ---
int run_mnist(const Section& s) {
  const std::string dir = opencv_samples_dir();
  if (dir.empty()) {
    s.skip("mnist_draw", "OpenCV's sample data is absent (Debian package opencv-doc)");
    return kExitOk;
  }
  const cv::Mat sheet = cv::imread(dir + "/digits.png", cv::IMREAD_GRAYSCALE);
  if (sheet.cols != 2000 || sheet.rows != 1000) {
    return input_error("demo", dir + "/digits.png is not the 2000x1000 digit sheet");
  }
  auto model = shipped("mnist_cnn");
  host::PushCamera camera;
  auto app = std::make_unique<apps::MnistDrawApp>();
  DemoRecorder rec;
  const apps::ModelSlot slot = model->slot();
  hal::Board board = s.board.board(&camera, nullptr);
  if (app->start(board, &slot, 1, &rec) != AppStatus::kOk)
    return input_error("demo", app->message());
  const int n =
      s.options.limit > 0 && s.options.limit < 5000 ? static_cast<int>(s.options.limit) : 5000;
  int correct = 0, per_digit[10] = {}, per_digit_n[10] = {};
  for (int i = 0; i < n; ++i) {
    // Spread a limited run over all ten digits: walk the sheet column-wise across rows.
    const int row = (i % 50), col = (i / 50) % 100, digit = row / 5;
    host::push_image_fitted(camera, sheet(cv::Rect(col * 20, row * 20, 20, 20)));
    if (app->step(0) != AppStatus::kOk) continue;
    const bool ok = app->last_report().top == digit;
    correct += ok;
    per_digit[digit] += ok;
    ++per_digit_n[digit];
  }
  app->stop();
  const LayerTimes times = layer_times(rec.reports, 0, model->source.plan, model->name);
  s.say("mnist_draw: %d handwritten digits of OpenCV's digits.png drawn onto the camera -> %s\n", n,
        model->name.c_str());
  s.say("  accuracy %.2f %% (%d / %d); per digit:", 100.0 * correct / n, correct, n);
  json recall = json::object();
  for (int d = 0; d < 10; ++d) {
    const double r = per_digit_n[d] ? 100.0 * per_digit[d] / per_digit_n[d] : 0.0;
    s.say(" %d:%.0f%%", d, r);
    recall[std::to_string(d)] = r;
  }
  s.say("\n");
  print_layer_times(s.options.json ? LayerTimes{} : times);
  s.save_lcd("mnist_draw");
  s.out["mnist_draw"] = {{"model", model->name},
                         {"input", "opencv-doc digits.png"},
                         {"digits", n},
                         {"correct", correct},
                         {"accuracy", static_cast<double>(correct) / n},
                         {"recall_percent", recall},
                         {"timing", layer_times_json(times)}};
  return kExitOk;
}

// --- cifar10_camera: OpenCV's sample photos, then its sample video as a webcam ---
int run_cifar10(const Section& s) {
  const std::string dir = opencv_samples_dir();
  if (dir.empty()) {
    s.skip("cifar10_camera", "OpenCV's sample data is absent (Debian package opencv-doc)");
    return kExitOk;
  }
  auto model = shipped("cifar10_cnn");
  const apps::ModelSlot slot = model->slot();
  auto app = std::make_unique<apps::Cifar10CameraApp>();
  DemoRecorder rec;
  s.say(
      "cifar10_camera: OpenCV's sample photos and video -> %s (classes: airplane, "
      "automobile, bird, cat, deer, dog, frog, horse, ship, truck)\n",
      model->name.c_str());
  json photos = json::array();
  host::PushCamera still;
  hal::Board board = s.board.board(&still, nullptr);
  if (app->start(board, &slot, 1, &rec) != AppStatus::kOk)
    return input_error("demo", app->message());
  for (const char* name : {"aero1.jpg", "aero3.jpg", "apple.jpg", "baboon.jpg", "building.jpg",
                           "butterfly.jpg", "fruits.jpg", "HappyFish.jpg", "home.jpg", "lena.jpg",
                           "messi5.jpg", "orange.jpg", "starry_night.jpg"}) {
    if (!fs::exists(dir + "/" + name)) continue;  // the set differs between OpenCV versions
    const cv::Mat photo = cv::imread(dir + "/" + name, cv::IMREAD_COLOR);
    if (photo.empty()) continue;
    host::push_image_fitted(still, photo, host::FitMode::kCover);
    if (app->step(0) != AppStatus::kOk) continue;
    const apps::InferenceReport& r = app->last_report();
    s.say("  %-18s -> %-10s %3d %%\n", name, label(r),
          static_cast<int>(r.probability(r.top) * 100.0f + 0.5f));
    photos.push_back({{"file", name}, {"label", label(r)}, {"probability", r.probability(r.top)}});
  }
  app->stop();
  // The sample video through cv::VideoCapture, as a webcam would deliver it.
  host::OpenCvCameraOptions video;
  video.source = dir + "/Megamind.avi";
  video.pacing = host::Pacing::kAsFastAsPossible;
  host::OpenCvCamera camera(video);
  board = s.board.board(&camera, nullptr);
  json video_json = json::object();
  if (app->start(board, &slot, 1, &rec) == AppStatus::kOk) {
    const int limit = s.options.limit > 0 ? static_cast<int>(s.options.limit) : 150;
    std::map<std::string, int> counts;
    int frames = 0;
    for (; frames < limit;) {
      const AppStatus st = app->step(100);
      if (st == AppStatus::kOk) {
        ++frames;
        ++counts[label(app->last_report())];
      } else if (st != AppStatus::kIdle) {
        break;
      }
    }
    s.say("  Megamind.avi       -> %d frames:", frames);
    for (const auto& [l, c] : counts) s.say(" %s %d", l.c_str(), c);
    s.say("\n");
    video_json = {{"file", "Megamind.avi"}, {"frames", frames}, {"labels", counts}};
    app->stop();
  } else {
    s.say("  Megamind.avi: %s (%s)\n", app->message(), camera.last_error().c_str());
  }
  const LayerTimes times = layer_times(rec.reports, 0, model->source.plan, model->name);
  print_layer_times(s.options.json ? LayerTimes{} : times);
  s.save_lcd("cifar10_camera");
  s.out["cifar10_camera"] = {{"model", model->name},
                             {"photos", photos},
                             {"video", video_json},
                             {"timing", layer_times_json(times)}};
  return kExitOk;
}

// Plays a WAV file through the kws app; returns the reported keywords.
std::vector<std::string> spot(apps::KwsApp& app, DemoBoard& b, const apps::ModelSlot& slot,
                              const std::string& wav, DemoRecorder* rec) {
  host::SndfileMicrophoneOptions o;
  o.path = wav;
  o.pacing = host::Pacing::kAsFastAsPossible;
  o.lead_silence_ms = 500;
  o.trail_silence_ms = 1200;
  host::SndfileMicrophone mic(o);
  hal::Board board = b.board(nullptr, &mic);
  const size_t before = rec->keywords.size();
  std::vector<std::string> heard;
  if (app.start(board, &slot, 1, rec) != AppStatus::kOk) return heard;
  for (int i = 0; i < 100000 && app.step(0) != AppStatus::kEndOfInput; ++i) {
  }
  app.stop();
  for (size_t k = before; k < rec->keywords.size(); ++k) heard.push_back(rec->keywords[k].label);
  return heard;
}

// --- kws: the ten keywords, each spoken by every demo voice ---
int run_kws(const Section& s) {
  auto model = shipped("kws_dscnn");
  const apps::ModelSlot slot = model->slot();
  auto app = std::make_unique<apps::KwsApp>();
  DemoRecorder rec;
  TempDir tmp;
  const std::vector<std::string>& voices = demo_voices();
  s.say(
      "kws: the ten keywords spoken by espeak-ng in %zu voices the model was not trained on "
      "-> %s\n  %-6s",
      voices.size(), model->name.c_str(), "");
  for (const std::string& v : voices) s.say(" %-13.13s", v.c_str());
  s.say("\n");
  int right = 0, total = 0, extra = 0;
  json clips = json::array();
  for (int w = 2; w < 12; ++w) {
    const std::string word = apps::kKwsLabels[w];
    s.say("  %-6s", word.c_str());
    for (size_t v = 0; v < voices.size(); ++v) {
      const std::string wav = tmp.path() + "/" + word + "_" + std::to_string(v) + ".wav";
      const std::string err = speak_to_wav(word, voices[v], false, wav);
      if (!err.empty()) {
        s.say("\n");
        s.skip("kws", err);
        return kExitOk;
      }
      const std::vector<std::string> heard = spot(*app, s.board, slot, wav, &rec);
      const bool ok = heard.size() == 1 && heard[0] == word;
      right += ok;
      extra += heard.size() > 1 ? static_cast<int>(heard.size()) - 1 : 0;
      ++total;
      std::string cell = heard.empty() ? "-" : heard[0];
      for (size_t k = 1; k < heard.size(); ++k) cell += "," + heard[k];
      s.say(" %-13.13s", ok ? "ok" : cell.c_str());
      clips.push_back({{"word", word}, {"voice", voices[v]}, {"heard", heard}});
    }
    s.say("\n");
  }
  s.say("  reported exactly once and right: %d of %d clips (%.1f %%); extra reports: %d\n", right,
        total, 100.0 * right / total, extra);
  const LayerTimes times = layer_times(rec.reports, 0, model->source.plan, model->name);
  print_layer_times(s.options.json ? LayerTimes{} : times);
  s.save_lcd("kws");
  s.out["kws"] = {{"model", model->name},   {"clips", clips},
                  {"right", right},         {"total", total},
                  {"extra_reports", extra}, {"timing", layer_times_json(times)}};
  return kExitOk;
}

// --- multinet: "go ... stop" spoken over the sample video ---
int run_multinet(const Section& s) {
  const std::string dir = opencv_samples_dir();
  if (dir.empty()) {
    s.skip("multinet", "OpenCV's sample data is absent (Debian package opencv-doc)");
    return kExitOk;
  }
  TempDir tmp;
  const std::string wav = tmp.path() + "/go_stop.wav";
  const std::string voice = "en";
  const std::string err =
      speak_to_wav("<speak>go<break time=\"2500ms\"/>stop</speak>", voice, true, wav);
  if (!err.empty()) {
    s.skip("multinet", err);
    return kExitOk;
  }
  auto kws = shipped("kws_dscnn");
  auto image = shipped("cifar10_cnn");
  // Both networks resident, one arena: they never run at the same time.
  const uint32_t arena =
      std::max(kws->source.plan.header->arena_bytes, image->source.plan.header->arena_bytes);
  std::vector<uint32_t> shared(arena / 4 + 1);
  apps::ModelSlot slots[2] = {kws->slot(), image->slot()};
  for (apps::ModelSlot& sl : slots) {
    sl.arena = shared.data();
    sl.arena_bytes = static_cast<uint32_t>(shared.size() * 4);
  }
  host::SndfileMicrophoneOptions mo;
  mo.path = wav;
  mo.pacing = host::Pacing::kAsFastAsPossible;
  mo.lead_silence_ms = 500;
  mo.trail_silence_ms = 1500;
  host::SndfileMicrophone mic(mo);
  host::OpenCvCameraOptions co;
  co.source = dir + "/Megamind.avi";
  co.pacing = host::Pacing::kAsFastAsPossible;
  co.loop = true;
  host::OpenCvCamera camera(co);
  auto app = std::make_unique<apps::MultinetApp>();
  DemoRecorder rec;
  hal::Board board = s.board.board(&camera, &mic);
  if (app->start(board, slots, 2, &rec) != AppStatus::kOk)
    return input_error("demo", app->message());
  for (int i = 0; i < 100000 && app->step(0) != AppStatus::kEndOfInput; ++i) {
  }
  const bool left_on = app->classifier_running();
  app->stop();
  s.say("multinet: \"go ... stop\" spoken by espeak-ng (%s) while Megamind.avi plays -> %s + %s\n",
        voice.c_str(), kws->name.c_str(), image->name.c_str());
  // The timeline, oldest first.
  json timeline = json::array();
  std::string line;
  for (int32_t i = app->timeline_size() - 1; i >= 0; --i) {
    const apps::TimelineEntry& e = app->timeline(i);
    timeline.push_back({{"kind", apps::timeline_kind_name(e.kind)}, {"value", e.value}});
  }
  // Windows and images between two events are folded into one line.
  int windows = 0, images = 0;
  auto flush = [&] {
    if (windows + images > 0) s.say("    %d audio windows, %d image inferences\n", windows, images);
    windows = images = 0;
  };
  for (const auto& e : timeline) {
    const std::string kind = e["kind"].get<std::string>();
    if (kind == "audio_window") {
      ++windows;
    } else if (kind == "image_inference") {
      ++images;
    } else {
      flush();
      if (kind == "keyword") {
        s.say("    keyword \"%s\"\n", apps::kKwsLabels[e["value"].get<int>()]);
      } else {
        s.say("    %s\n", kind.c_str());
      }
    }
  }
  flush();
  const apps::MultinetMemory& m = app->memory();
  s.say("  audio windows %u, image inferences %u, classifier %s at the end\n",
        static_cast<unsigned>(app->audio_windows()), static_cast<unsigned>(app->image_inferences()),
        left_on ? "still on" : "off");
  s.say("  memory: plans %u + %u bytes; arenas %u and %u bytes, %s: %u bytes\n",
        static_cast<unsigned>(m.kws_plan_bytes), static_cast<unsigned>(m.image_plan_bytes),
        static_cast<unsigned>(m.kws_arena_bytes), static_cast<unsigned>(m.image_arena_bytes),
        m.shared_arena ? "shared" : "partitioned", static_cast<unsigned>(m.arena_bytes_used));
  std::vector<std::string> heard;
  for (const auto& k : rec.keywords) heard.push_back(k.label);
  s.save_lcd("multinet");
  s.out["multinet"] = {{"models", {kws->name, image->name}},
                       {"voice", voice},
                       {"keywords", heard},
                       {"audio_windows", app->audio_windows()},
                       {"image_inferences", app->image_inferences()},
                       {"classifier_on_at_end", left_on},
                       {"timeline_newest_64", timeline},
                       {"memory",
                        {{"kws_plan_bytes", m.kws_plan_bytes},
                         {"image_plan_bytes", m.image_plan_bytes},
                         {"kws_arena_bytes", m.kws_arena_bytes},
                         {"image_arena_bytes", m.image_arena_bytes},
                         {"shared_arena", m.shared_arena},
                         {"arena_bytes_used", m.arena_bytes_used}}}};
  return kExitOk;
}

}  // namespace

int cmd_demo(int argc, char** argv) {
  Options o;
  for (int i = 0; i < argc; ++i) {
    std::string value, board_error;
    if (is_help(argv[i])) {
      std::fputs(kUsage, stdout);
      std::fputs(kBoardOptionsUsage, stdout);
      return kExitOk;
    } else if (parse_board_option(argc, argv, i, &o.board, &board_error)) {
      if (!board_error.empty()) return usage_error("demo", board_error, kUsage);
    } else if (std::strcmp(argv[i], "--backend") == 0 && option_value(argc, argv, i, &value)) {
      if (value != "host" && value != "qemu") {
        return usage_error("demo", "--backend takes host or qemu", kUsage);
      }
      o.backend = value;
    } else if (std::strcmp(argv[i], "--json") == 0) {
      o.json = true;
    } else if (std::strcmp(argv[i], "--app") == 0 && option_value(argc, argv, i, &value)) {
      o.app = value;
    } else if (std::strcmp(argv[i], "--limit") == 0 && option_value(argc, argv, i, &value)) {
      o.limit = std::atoll(value.c_str());
      if (o.limit < 1) return usage_error("demo", "--limit must be at least 1", kUsage);
    } else if (std::strcmp(argv[i], "--lcd") == 0 && option_value(argc, argv, i, &value)) {
      o.lcd_dir = value;
    } else {
      return usage_error("demo", std::string("unexpected argument '") + argv[i] + "'", kUsage);
    }
  }
  using Runner = int (*)(const Section&);
  const std::vector<std::pair<std::string, Runner>> sections = {{"mnist_draw", run_mnist},
                                                                {"cifar10_camera", run_cifar10},
                                                                {"kws", run_kws},
                                                                {"multinet", run_multinet}};
  bool known = o.app == "all";
  for (const auto& [name, run] : sections) known = known || name == o.app;
  if (!known) return usage_error("demo", "unknown app '" + o.app + "'", kUsage);
  if (o.backend == "qemu") {
    try {
      return demo_on_board(o.app, o.limit, o.board);
    } catch (const std::exception& e) {
      return input_error("demo", e.what());
    }
  }
  if (!o.lcd_dir.empty()) {
    std::error_code ec;
    fs::create_directories(o.lcd_dir, ec);
  }
  DemoBoard board;
  json out = json::object();
  Section section{o, board, out};
  try {
    for (const auto& [name, run] : sections) {
      if (o.app != "all" && o.app != name) continue;
      const int rc = run(section);
      if (rc != kExitOk) return rc;
      section.say("\n");
    }
  } catch (const std::exception& e) {
    return input_error("demo", e.what());
  }
  if (o.json) std::printf("%s\n", out.dump(2).c_str());
  return kExitOk;
}

}  // namespace tt::tools
