#include "apps/mnist_draw/mnist_draw_app.h"

#include <cstdio>

#include "apps/common/frame_view.h"
#include "apps/common/labels.h"
#include "apps/common/screen.h"
#include "hal/draw/blit.h"
#include "hal/draw/colour.h"
#include "hal/draw/draw.h"
#include "hal/draw/text.h"
#include "kernels/frontend/mnist_prepare.h"

namespace tt::apps {

namespace draw = tt::hal::draw;
namespace kf = tt::kernels::frontend;
using hal::HalStatus;
using hal::Rect;

namespace {

constexpr int kDigitScale = 4;
constexpr Rect kDigitBox{8, 24, 28 * kDigitScale, 28 * kDigitScale};
constexpr Rect kPredictionBox{8, 142, 120, 60};
constexpr Rect kBarsBox{132, 22, 184, 200};
constexpr const char* kNoCamera = "no camera: draw on the canvas or choose an image";

}  // namespace

AppStatus MnistDrawApp::start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                              AppListener* listener) {
  stop();
  board_ = &board;
  listener_ = listener;
  message_[0] = '\0';
  report_ = InferenceReport();
  have_frame_ = false;
  if (model_count < 1 || models == nullptr) {
    std::snprintf(message_, sizeof message_, "mnist_draw needs one model");
    return AppStatus::kModelError;
  }
  ClassifierSpec spec;
  spec.role = "MNIST";
  spec.input_elements = 28 * 28;
  spec.min_classes = 10;
  spec.max_classes = 10;
  spec.labels = kMnistLabels;
  spec.label_count = 10;
  AppStatus s = net_.load(models[0], spec, message_, sizeof message_);
  if (s != AppStatus::kOk) return s;
  if (kf::make_pixel_quantizer(kf::unit_range_normalization(1), net_.input_scale(),
                               net_.input_zero_point(), &quantizer_) != kernels::Status::kOk) {
    std::snprintf(message_, sizeof message_, "MNIST model '%s': unusable input quantization",
                  models[0].name);
    return AppStatus::kModelError;
  }
  started_ = true;
  draw_static();
  camera_open_ = open_camera(board, &frame_);
  s = camera_open_
          ? AppStatus::kOk
          : screen::no_camera(board, kDigitBox, kNoCamera, message_, sizeof message_, listener_);
  if (board.display != nullptr) board.display->flush();
  return s;
}

void MnistDrawApp::stop() {
  if (camera_open_ && board_ != nullptr && board_->camera != nullptr) board_->camera->close();
  camera_open_ = false;
  started_ = false;
}

AppStatus MnistDrawApp::step(uint32_t timeout_ms) {
  if (!started_) return AppStatus::kNotStarted;
  bool classify_now = false;
  if (board_->button != nullptr) {
    for (hal::ButtonEvent e = board_->button->poll_event(); e != hal::ButtonEvent::kNone;
         e = board_->button->poll_event()) {
      if (e == hal::ButtonEvent::kPressed) classify_now = have_frame_;
    }
  }
  AppStatus result = AppStatus::kIdle;
  if (!camera_open_) {
    result = AppStatus::kNoInput;
  } else {
    const HalStatus r = board_->camera->read_frame(frame_.data, FrameBuffer::kMaxBytes,
                                                   classify_now ? 0 : timeout_ms);
    if (r == HalStatus::kOk) {
      have_frame_ = true;
      classify_now = classify_now || config_.classify_every_frame;
    } else if (r == HalStatus::kEndOfStream) {
      result = AppStatus::kEndOfInput;
    } else if (r == HalStatus::kDeviceLost) {
      std::snprintf(message_, sizeof message_, "camera lost");
      result = AppStatus::kInputLost;
    }
  }
  if (classify_now) {
    const AppStatus c = classify();
    if (c != AppStatus::kIdle) result = c;
  }
  if (board_->display != nullptr) board_->display->flush();
  return result;
}

bool MnistDrawApp::dark_ink() const {
  if (config_.ink != InkPolarity::kAuto) return config_.ink == InkPolarity::kDarkOnLight;
  // Paper and most canvases are mostly background: a bright frame means dark ink. Every
  // 4th pixel of every 4th row is plenty for a mean.
  const kf::ImageView v = frame_view(frame_.format, frame_.data);
  const int bpp = frame_.format.format == hal::PixelFormat::kRgb888 ? 3 : 2;
  uint64_t sum = 0, n = 0;
  for (int y = 0; y < v.height; y += 4) {
    const uint8_t* row = v.data + static_cast<size_t>(y) * v.stride;
    for (int x = 0; x < v.width; x += 4) {
      const uint8_t* p = row + x * bpp;
      if (bpp == 3) {
        sum += (p[0] + 2u * p[1] + p[2]) / 4;
      } else {
        const uint16_t c = static_cast<uint16_t>(p[0] | (p[1] << 8));
        sum += (draw::red_of(c) + 2u * draw::green_of(c) + draw::blue_of(c)) / 4;
      }
      ++n;
    }
  }
  return n > 0 && sum / n > 127;
}

AppStatus MnistDrawApp::classify() {
  const hal::Clock& clock = *board_->clock;
  const uint64_t t0 = clock.ticks();
  kf::MnistPrepareOptions options;
  options.dark_ink = dark_ink();
  options.ink_threshold = config_.ink_threshold;
  const kf::MnistPrepareResult prep =
      kf::mnist_prepare(frame_view(frame_.format, frame_.data), options, digit_);
  if (prep.status != kernels::Status::kOk) {
    std::snprintf(message_, sizeof message_, "frame %dx%d not usable: %s", frame_.format.width,
                  frame_.format.height, kernels::status_name(prep.status));
    return AppStatus::kInputLost;
  }
  if (board_->display != nullptr) {
    draw::Image digit{digit_, 28, 28, 28, draw::ImageFormat::kGrey8};
    board_->display->mark_dirty(
        draw::blit(board_->display->surface(), digit, kDigitBox.x, kDigitBox.y, kDigitScale));
  }
  if (prep.empty) {
    if (board_->display != nullptr) {
      screen::notice(*board_->display, kPredictionBox, "draw a digit", draw::kGrey);
    }
    return AppStatus::kIdle;
  }
  kf::quantize_pixels(quantizer_, digit_, 28 * 28, net_.input());
  InferenceReport report;
  report.app = name();
  report.network = 0;
  report.started_ticks = t0;
  report.frontend_ticks = clock.ticks() - t0;
  if (!net_.run(clock, &report, message_, sizeof message_)) return AppStatus::kModelError;
  report_ = report;
  if (listener_ != nullptr) listener_->on_inference(report_);
  draw_result();
  return AppStatus::kOk;
}

void MnistDrawApp::draw_static() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  screen::clear(d);
  screen::title(d, "MNIST draw", net_.slot().name);
  d.mark_dirty(draw::draw_rect(
      d.surface(), Rect{kDigitBox.x - 1, kDigitBox.y - 1, kDigitBox.w + 2, kDigitBox.h + 2},
      draw::kGrey));
  screen::notice(d, kPredictionBox, "draw a digit", draw::kGrey);
  screen::status(d, "button: classify again");
}

void MnistDrawApp::draw_result() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, kPredictionBox, screen::kBackground));
  draw::TextStyle big;
  big.scale = 2;
  big.fg = draw::kWhite;
  d.mark_dirty(draw::draw_text(s, kPredictionBox.x, kPredictionBox.y + 4, "Predicted:", big));
  char line[96];
  std::snprintf(line, sizeof line, "%s", report_.labels ? report_.labels[report_.top] : "?");
  big.scale = 3;
  big.fg = draw::rgb565(80, 220, 120);
  d.mark_dirty(draw::draw_text(s, kPredictionBox.x + 4, kPredictionBox.y + 26, line, big));
  std::snprintf(line, sizeof line, "%d%%", static_cast<int>(screen::percent(report_, report_.top)));
  big.scale = 2;
  big.fg = draw::kWhite;
  d.mark_dirty(draw::draw_text(s, kPredictionBox.x + 40, kPredictionBox.y + 30, line, big));
  screen::score_bars(d, kBarsBox, report_, 0, 10);
  char net[24], prep[24];
  screen::format_ticks(net, sizeof net, report_.inference_ticks, *board_->clock);
  screen::format_ticks(prep, sizeof prep, report_.frontend_ticks, *board_->clock);
  std::snprintf(line, sizeof line, "net %s  prep %s  #%u", net, prep,
                static_cast<unsigned>(report_.sequence));
  screen::status(d, line);
}

}  // namespace tt::apps
