#include "apps/multinet/multinet_app.h"

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
using screen::text;

namespace {

constexpr Rect kStateBox{4, 18, 312, 32};
constexpr Rect kPreviewBox{4, 54, 128, 96};
constexpr int kInputScale = 2;
constexpr Rect kInputBox{136, 54, 32 * kInputScale, 32 * kInputScale};
constexpr Rect kLabelBox{136, 122, 66, 28};
constexpr int kMemoryX = 208;
constexpr int kMemoryY = 56;
constexpr Rect kTimelineBox{4, 156, 312, 68};
constexpr uint64_t kTimelineSeconds = 10;

uint32_t plan_arena(const Classifier& c) { return c.plan().header->arena_bytes; }

}  // namespace

const char* timeline_kind_name(TimelineKind k) {
  switch (k) {
    case TimelineKind::kAudioWindow:
      return "audio_window";
    case TimelineKind::kImageInference:
      return "image_inference";
    case TimelineKind::kKeyword:
      return "keyword";
    case TimelineKind::kClassifierOn:
      return "classifier_on";
    case TimelineKind::kClassifierOff:
      return "classifier_off";
  }
  return "unknown";
}

AppStatus MultinetApp::start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                             AppListener* listener) {
  stop();
  board_ = &board;
  listener_ = listener;
  message_[0] = '\0';
  report_ = InferenceReport();
  timeline_next_ = timeline_count_ = 0;
  image_inferences_ = audio_windows_ = 0;
  classifier_on_ = false;
  if (model_count < 2 || models == nullptr) {
    std::snprintf(message_, sizeof message_, "multinet needs two models: keywords, images");
    return AppStatus::kModelError;
  }
  AppStatus s = spotter_.load(models[0], config_, message_, sizeof message_);
  if (s != AppStatus::kOk) return s;
  s = image_.load(models[1], 32, kCifar10Labels, 10, message_, sizeof message_);
  if (s != AppStatus::kOk) return s;
  memory_.kws_plan_bytes = models[0].plan_bytes;
  memory_.image_plan_bytes = models[1].plan_bytes;
  memory_.kws_arena_bytes = plan_arena(spotter_.network());
  memory_.image_arena_bytes = plan_arena(image_.network());
  memory_.shared_arena = models[0].arena == models[1].arena;
  memory_.arena_bytes_used =
      memory_.shared_arena
          ? (memory_.kws_arena_bytes > memory_.image_arena_bytes ? memory_.kws_arena_bytes
                                                                 : memory_.image_arena_bytes)
          : memory_.kws_arena_bytes + memory_.image_arena_bytes;
  started_ = true;
  draw_static();
  camera_open_ = open_camera(board, &frame_);
  if (board.display != nullptr) {
    screen::notice(*board.display, kPreviewBox, camera_open_ ? "say \"go\"" : "no camera",
                   camera_open_ ? draw::kGrey : draw::kOrange);
  }
  s = AppStatus::kOk;
  if (board.microphone == nullptr || board.microphone->start() != HalStatus::kOk) {
    s = AppStatus::kNoInput;
    std::snprintf(message_, sizeof message_,
                  "no microphone: choose a WAV or FLAC file (the button toggles the classifier)");
    if (listener_ != nullptr) listener_->on_message(message_);
  } else {
    mic_started_ = true;
  }
  draw_state();
  if (board.display != nullptr) board.display->flush();
  return s;
}

void MultinetApp::stop() {
  if (board_ != nullptr) {
    if (mic_started_ && board_->microphone != nullptr) board_->microphone->stop();
    if (camera_open_ && board_->camera != nullptr) board_->camera->close();
  }
  mic_started_ = false;
  camera_open_ = false;
  started_ = false;
}

const TimelineEntry& MultinetApp::timeline(int32_t i) const {
  const int32_t k = (timeline_next_ - 1 - i + 2 * kTimelineEntries) % kTimelineEntries;
  return timeline_[k];
}

int32_t MultinetApp::timeline_size() const { return timeline_count_; }

void MultinetApp::add_timeline(const TimelineEntry& e) {
  timeline_[timeline_next_] = e;
  timeline_next_ = (timeline_next_ + 1) % kTimelineEntries;
  if (timeline_count_ < kTimelineEntries) ++timeline_count_;
}

void MultinetApp::set_classifier(bool on, const char* why) {
  if (on == classifier_on_) return;
  classifier_on_ = on;
  TimelineEntry e;
  e.kind = on ? TimelineKind::kClassifierOn : TimelineKind::kClassifierOff;
  e.start_ticks = board_->clock->ticks();
  add_timeline(e);
  std::snprintf(message_, sizeof message_, "image classifier %s (%s)%s", on ? "started" : "stopped",
                why, on && !camera_open_ ? ": but there is no camera" : "");
  if (listener_ != nullptr) listener_->on_message(message_);
  if (!on && camera_open_ && board_->display != nullptr) {
    screen::notice(*board_->display, kPreviewBox, "stopped", draw::kGrey);
  }
  draw_state();
}

AppStatus MultinetApp::step(uint32_t timeout_ms) {
  if (!started_) return AppStatus::kNotStarted;
  if (board_->button != nullptr) {
    for (hal::ButtonEvent e = board_->button->poll_event(); e != hal::ButtonEvent::kNone;
         e = board_->button->poll_event()) {
      if (e == hal::ButtonEvent::kPressed) set_classifier(!classifier_on_, "button");
    }
  }
  AppStatus result = AppStatus::kIdle;
  const bool want_image = classifier_on_ && camera_open_;
  if (mic_started_) {
    int got = 0;
    // While images are classified the audio is only polled, so neither input starves.
    const HalStatus r = board_->microphone->read(chunk_, sizeof chunk_ / sizeof chunk_[0], &got,
                                                 want_image ? 0 : timeout_ms);
    if (r == HalStatus::kOk) {
      int32_t done = 0;
      while (done < got) {
        int32_t used = 0;
        InferenceReport report;
        const SpotResult spot = spotter_.feed(chunk_ + done, got - done, &used, *board_->clock,
                                              &report, message_, sizeof message_);
        done += used;
        if (spot.failed) return AppStatus::kModelError;
        if (!spot.inferred) continue;
        ++audio_windows_;
        report.app = name();
        report.network = 0;
        if (listener_ != nullptr) listener_->on_inference(report);
        TimelineEntry e;
        e.kind = TimelineKind::kAudioWindow;
        e.value = report.top;
        e.start_ticks = report.started_ticks;
        e.duration_ticks = report.frontend_ticks + report.inference_ticks;
        add_timeline(e);
        result = AppStatus::kOk;
        const int32_t k = spot.event.keyword;
        if (k < 0) continue;
        KeywordReport kw;
        kw.keyword = k;
        kw.label = kKwsLabels[k];
        kw.score = spot.event.score;
        kw.ticks = board_->clock->ticks();
        e = TimelineEntry();
        e.kind = TimelineKind::kKeyword;
        e.value = k;
        e.start_ticks = kw.ticks;
        add_timeline(e);
        if (listener_ != nullptr) listener_->on_keyword(kw);
        if (board_->display != nullptr) {
          char line[32];
          std::snprintf(line, sizeof line, "heard \"%s\"    ", kw.label);
          text(*board_->display, 160, kStateBox.y + 4, line, draw::kYellow, 1);
        }
        if (k == kKwsGo) set_classifier(true, "\"go\"");
        if (k == kKwsStop) set_classifier(false, "\"stop\"");
      }
    } else if (r == HalStatus::kEndOfStream) {
      result = AppStatus::kEndOfInput;
    } else if (r == HalStatus::kDeviceLost) {
      std::snprintf(message_, sizeof message_, "microphone lost");
      result = AppStatus::kInputLost;
    }
  } else {
    result = AppStatus::kNoInput;
  }
  if (classifier_on_ && camera_open_) {
    const HalStatus r = board_->camera->read_frame(frame_.data, FrameBuffer::kMaxBytes,
                                                   mic_started_ ? 0 : timeout_ms);
    if (r == HalStatus::kOk) {
      InferenceReport report;
      report.app = name();
      report.network = 1;
      if (!image_.classify(frame_.format, frame_.data, *board_->clock, &report, message_,
                           sizeof message_)) {
        return AppStatus::kModelError;
      }
      ++image_inferences_;
      report_ = report;
      if (listener_ != nullptr) listener_->on_inference(report_);
      TimelineEntry e;
      e.kind = TimelineKind::kImageInference;
      e.value = report.top;
      e.start_ticks = report.started_ticks;
      e.duration_ticks = report.frontend_ticks + report.inference_ticks;
      add_timeline(e);
      if (board_->display != nullptr) {
        hal::Display& d = *board_->display;
        screen::camera_preview(d, kPreviewBox, frame_.format, frame_.data, image_.crop());
        screen::network_input(d, kInputBox.x, kInputBox.y, kInputScale, image_);
        char line[32];
        std::snprintf(line, sizeof line, "%.10s\n%d%%", kCifar10Labels[report.top],
                      static_cast<int>(screen::percent(report, report.top)));
        screen::notice(d, kLabelBox, line, draw::rgb565(80, 220, 120));
      }
      result = AppStatus::kOk;
    }
  }
  if (result == AppStatus::kOk) draw_state();
  if (board_->display != nullptr) board_->display->flush();
  return result;
}

void MultinetApp::draw_static() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  screen::clear(d);
  screen::title(d, "Multinet: KWS + CIFAR-10", "two networks");
  char line[40];
  const int y = kMemoryY;
  text(d, kMemoryX, y, "memory (bytes)", draw::kGrey);
  std::snprintf(line, sizeof line, "kws plan %6u", static_cast<unsigned>(memory_.kws_plan_bytes));
  text(d, kMemoryX, y + 12, line, draw::kWhite);
  std::snprintf(line, sizeof line, "  arena  %6u", static_cast<unsigned>(memory_.kws_arena_bytes));
  text(d, kMemoryX, y + 22, line, draw::kWhite);
  std::snprintf(line, sizeof line, "img plan %6u", static_cast<unsigned>(memory_.image_plan_bytes));
  text(d, kMemoryX, y + 34, line, draw::kWhite);
  std::snprintf(line, sizeof line, "  arena  %6u",
                static_cast<unsigned>(memory_.image_arena_bytes));
  text(d, kMemoryX, y + 44, line, draw::kWhite);
  std::snprintf(line, sizeof line, "%s", memory_.shared_arena ? "shared arena" : "partitioned");
  text(d, kMemoryX, y + 58, line, draw::kCyan);
  std::snprintf(line, sizeof line, "  total  %6u", static_cast<unsigned>(memory_.arena_bytes_used));
  text(d, kMemoryX, y + 68, line, draw::kCyan);
  screen::status(d, "say \"go\" / \"stop\" (or press the button)");
}

void MultinetApp::draw_state() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  text(d, kStateBox.x + 4, kStateBox.y + 4, classifier_on_ ? "classifier ON " : "classifier OFF",
       classifier_on_ ? draw::kGreen : draw::kOrange, 1);
  char line[48];
  std::snprintf(line, sizeof line, "windows %u  images %u", static_cast<unsigned>(audio_windows_),
                static_cast<unsigned>(image_inferences_));
  text(d, kStateBox.x + 4, kStateBox.y + 18, line, draw::kGrey, 1);
  // Timeline: the last kTimelineSeconds, audio windows on the top row, image inferences on
  // the middle row, keywords and classifier switches as marks on the bottom row.
  const hal::Surface s = d.surface();
  d.mark_dirty(draw::fill_rect(s, kTimelineBox, draw::rgb565(28, 32, 40)));
  if (timeline_count_ == 0) return;
  const uint64_t now = timeline(0).start_ticks + timeline(0).duration_ticks;
  const uint64_t span = kTimelineSeconds * board_->clock->ticks_per_second();
  const int row_h = kTimelineBox.h / 3;
  for (int32_t i = 0; i < timeline_count_; ++i) {
    const TimelineEntry& e = timeline(i);
    if (now - e.start_ticks > span) break;
    const int x = kTimelineBox.x + kTimelineBox.w - 1 -
                  static_cast<int>((now - e.start_ticks) * (kTimelineBox.w - 1) / span);
    int w = static_cast<int>(e.duration_ticks * (kTimelineBox.w - 1) / span);
    w = w < 2 ? 2 : w;
    int row = 2;
    uint16_t colour = draw::kYellow;
    if (e.kind == TimelineKind::kAudioWindow) {
      row = 0;
      colour = draw::kCyan;
    } else if (e.kind == TimelineKind::kImageInference) {
      row = 1;
      colour = draw::kGreen;
    } else if (e.kind != TimelineKind::kKeyword) {
      colour = e.kind == TimelineKind::kClassifierOn ? draw::kGreen : draw::kRed;
    }
    d.mark_dirty(
        draw::fill_rect(s, Rect{x, kTimelineBox.y + row * row_h + 2, w, row_h - 4}, colour));
  }
}

}  // namespace tt::apps
