#include "apps/cifar10_camera/cifar10_camera_app.h"

#include <cstdio>

#include "apps/common/camera_view.h"
#include "apps/common/labels.h"
#include "apps/common/screen.h"
#include "hal/draw/colour.h"
#include "hal/draw/draw.h"
#include "hal/draw/text.h"

namespace tt::apps {

namespace draw = tt::hal::draw;
using hal::HalStatus;
using hal::Rect;

namespace {

constexpr Rect kPreviewBox{4, 18, 160, 120};
constexpr int kInputScale = 3;
constexpr Rect kInputBox{172, 18, 32 * kInputScale, 32 * kInputScale};
constexpr Rect kLabelBox{172, 118, 144, 20};
constexpr Rect kBarsLeft{4, 144, 154, 80};
constexpr Rect kBarsRight{162, 144, 154, 80};
constexpr const char* kNoCamera = "no camera: choose an image or video file";

}  // namespace

AppStatus Cifar10CameraApp::start(const hal::Board& board, const ModelSlot* models,
                                  int32_t model_count, AppListener* listener) {
  stop();
  board_ = &board;
  listener_ = listener;
  message_[0] = '\0';
  report_ = InferenceReport();
  paused_ = false;
  if (model_count < 1 || models == nullptr) {
    std::snprintf(message_, sizeof message_, "cifar10_camera needs one model");
    return AppStatus::kModelError;
  }
  AppStatus s = classifier_.load(models[0], 32, kCifar10Labels, 10, message_, sizeof message_);
  if (s != AppStatus::kOk) return s;
  started_ = true;
  draw_static();
  camera_open_ = open_camera(board, &frame_);
  s = camera_open_
          ? AppStatus::kOk
          : screen::no_camera(board, kPreviewBox, kNoCamera, message_, sizeof message_, listener_);
  if (board.display != nullptr) board.display->flush();
  return s;
}

void Cifar10CameraApp::stop() {
  if (camera_open_ && board_ != nullptr && board_->camera != nullptr) board_->camera->close();
  camera_open_ = false;
  started_ = false;
}

AppStatus Cifar10CameraApp::step(uint32_t timeout_ms) {
  if (!started_) return AppStatus::kNotStarted;
  if (board_->button != nullptr) {
    for (hal::ButtonEvent e = board_->button->poll_event(); e != hal::ButtonEvent::kNone;
         e = board_->button->poll_event()) {
      if (e != hal::ButtonEvent::kPressed) continue;
      paused_ = !paused_;
      if (board_->display != nullptr) {
        screen::status(*board_->display, paused_ ? "paused (button: resume)" : "resumed");
      }
    }
  }
  AppStatus result = AppStatus::kIdle;
  if (!camera_open_) {
    result = AppStatus::kNoInput;
  } else if (!paused_) {
    const HalStatus r = board_->camera->read_frame(frame_.data, FrameBuffer::kMaxBytes, timeout_ms);
    if (r == HalStatus::kOk) {
      InferenceReport report;
      report.app = name();
      if (classifier_.classify(frame_.format, frame_.data, *board_->clock, &report, message_,
                               sizeof message_)) {
        report_ = report;
        if (listener_ != nullptr) listener_->on_inference(report_);
        draw_result();
        result = AppStatus::kOk;
      } else {
        result = AppStatus::kModelError;
      }
    } else if (r == HalStatus::kEndOfStream) {
      result = AppStatus::kEndOfInput;
    } else if (r == HalStatus::kDeviceLost) {
      std::snprintf(message_, sizeof message_, "camera lost");
      result = AppStatus::kInputLost;
    }
  }
  if (board_->display != nullptr) board_->display->flush();
  return result;
}

void Cifar10CameraApp::draw_static() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  screen::clear(d);
  screen::title(d, "CIFAR-10 camera", classifier_.network().slot().name);
  d.mark_dirty(draw::draw_rect(
      d.surface(), Rect{kInputBox.x - 1, kInputBox.y - 1, kInputBox.w + 2, kInputBox.h + 2},
      draw::kGrey));
  screen::status(d, "button: pause / resume");
}

void Cifar10CameraApp::draw_result() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  screen::camera_preview(d, kPreviewBox, frame_.format, frame_.data, classifier_.crop());
  screen::network_input(d, kInputBox.x, kInputBox.y, kInputScale, classifier_);
  char line[96];
  std::snprintf(line, sizeof line, "%s %d%%",
                report_.labels != nullptr ? report_.labels[report_.top] : "?",
                static_cast<int>(screen::percent(report_, report_.top)));
  screen::notice(d, kLabelBox, line, draw::rgb565(80, 220, 120));
  screen::score_bars(d, kBarsLeft, report_, 0, 5);
  screen::score_bars(d, kBarsRight, report_, 5, 5);
  char net[24], prep[24];
  screen::format_ticks(net, sizeof net, report_.inference_ticks, *board_->clock);
  screen::format_ticks(prep, sizeof prep, report_.frontend_ticks, *board_->clock);
  std::snprintf(line, sizeof line, "net %s  prep %s  #%u", net, prep,
                static_cast<unsigned>(report_.sequence));
  screen::status(d, line);
}

}  // namespace tt::apps
