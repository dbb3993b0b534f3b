#include "apps/kws/kws_app.h"

#include <cstdio>

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

constexpr Rect kHeardBox{4, 18, 312, 34};
constexpr Rect kHeatBox{4, 58, 245, 60};
constexpr Rect kLevelBox{256, 58, 60, 10};
constexpr Rect kBarsLeft{4, 124, 154, 96};
constexpr Rect kBarsRight{162, 124, 154, 96};
constexpr const char* kNoMicrophone = "no microphone: choose a WAV or FLAC file";

}  // namespace

AppStatus KwsApp::start(const hal::Board& board, const ModelSlot* models, int32_t model_count,
                        AppListener* listener) {
  stop();
  board_ = &board;
  listener_ = listener;
  message_[0] = '\0';
  report_ = InferenceReport();
  keywords_ = 0;
  if (model_count < 1 || models == nullptr) {
    std::snprintf(message_, sizeof message_, "kws needs one model");
    return AppStatus::kModelError;
  }
  AppStatus s = spotter_.load(models[0], config_, message_, sizeof message_);
  if (s != AppStatus::kOk) return s;
  started_ = true;
  draw_static();
  s = AppStatus::kOk;
  if (board.microphone == nullptr || board.microphone->start() != HalStatus::kOk) {
    s = AppStatus::kNoInput;
    std::snprintf(message_, sizeof message_, "%s", kNoMicrophone);
    if (board.display != nullptr) {
      screen::notice(*board.display, kHeatBox, "no microphone", draw::kOrange);
    }
    if (listener_ != nullptr) listener_->on_message(message_);
  } else {
    mic_started_ = true;
  }
  if (board.display != nullptr) board.display->flush();
  return s;
}

void KwsApp::stop() {
  if (mic_started_ && board_ != nullptr && board_->microphone != nullptr) {
    board_->microphone->stop();
  }
  mic_started_ = false;
  started_ = false;
}

AppStatus KwsApp::step(uint32_t timeout_ms) {
  if (!started_) return AppStatus::kNotStarted;
  if (board_->button != nullptr) {
    for (hal::ButtonEvent e = board_->button->poll_event(); e != hal::ButtonEvent::kNone;
         e = board_->button->poll_event()) {
      if (e == hal::ButtonEvent::kPressed && board_->display != nullptr) {
        screen::notice(*board_->display, kHeardBox, "listening...", draw::kGrey);
      }
    }
  }
  AppStatus result = AppStatus::kIdle;
  if (!mic_started_) {
    result = AppStatus::kNoInput;
  } else {
    int got = 0;
    const HalStatus r =
        board_->microphone->read(chunk_, sizeof chunk_ / sizeof chunk_[0], &got, timeout_ms);
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
        report.app = name();
        report_ = report;
        if (listener_ != nullptr) listener_->on_inference(report_);
        if (spot.event.keyword >= 0) {
          ++keywords_;
          KeywordReport k;
          k.keyword = spot.event.keyword;
          k.label = kKwsLabels[k.keyword];
          k.score = spot.event.score;
          k.ticks = board_->clock->ticks();
          if (listener_ != nullptr) listener_->on_keyword(k);
        }
        draw_window(spot);
        result = AppStatus::kOk;
      }
      if (board_->display != nullptr) {
        screen::level_bar(*board_->display, kLevelBox, spotter_.peak_level());
      }
    } else if (r == HalStatus::kEndOfStream) {
      result = AppStatus::kEndOfInput;
    } else if (r == HalStatus::kDeviceLost) {
      std::snprintf(message_, sizeof message_, "microphone lost");
      result = AppStatus::kInputLost;
    }
  }
  if (board_->display != nullptr) board_->display->flush();
  return result;
}

void KwsApp::draw_static() {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  screen::clear(d);
  screen::title(d, "Keyword spotting", spotter_.network().slot().name);
  screen::notice(d, kHeardBox, "listening...", draw::kGrey);
  screen::status(d, "say: yes no up down left right on off stop go");
}

void KwsApp::draw_window(const SpotResult& r) {
  if (board_->display == nullptr) return;
  hal::Display& d = *board_->display;
  if (r.event.keyword >= 0) {
    char line[48];
    std::snprintf(line, sizeof line, "\"%s\"  (%d%%)", kKwsLabels[r.event.keyword],
                  static_cast<int>(r.event.score * 100 / 256));
    d.mark_dirty(draw::fill_rect(d.surface(), kHeardBox, screen::kBackground));
    draw::TextStyle big;
    big.scale = 3;
    big.fg = draw::rgb565(80, 220, 120);
    d.mark_dirty(draw::draw_text(d.surface(), kHeardBox.x + 8, kHeardBox.y + 6, line, big));
  }
  heat_.draw(d, kHeatBox, spotter_);
  screen::score_bars(d, kBarsLeft, report_, 0, 6);
  screen::score_bars(d, kBarsRight, report_, 6, 6);
  char line[96], net[24], prep[24];
  screen::format_ticks(net, sizeof net, report_.inference_ticks, *board_->clock);
  screen::format_ticks(prep, sizeof prep, report_.frontend_ticks, *board_->clock);
  std::snprintf(line, sizeof line, "net %s  mfcc %s  window #%u", net, prep,
                static_cast<unsigned>(report_.sequence));
  screen::status(d, line);
}

}  // namespace tt::apps
