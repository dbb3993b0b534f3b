#include "gui/board_bridge.h"

#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <chrono>
#include <cstring>

#include "apps/common/labels.h"
#include "tools/tinytwin/model_source.h"

namespace tt::gui {
namespace {

int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// The labels the host's app would attach: by app and network, when the class count fits.
QStringList labels_for(AppKind app, int network, int class_count) {
  const char* const* table = nullptr;
  int size = 0;
  const bool keywords = app == AppKind::kKws || (app == AppKind::kMultinet && network == 0);
  if (keywords) {
    table = apps::kKwsLabels;
    size = 12;
  } else if (app == AppKind::kMnistDraw) {
    table = apps::kMnistLabels;
    size = 10;
  } else {
    table = apps::kCifar10Labels;
    size = 10;
  }
  QStringList labels;
  for (int c = 0; c < class_count; ++c) {
    labels << (class_count == size ? QString::fromUtf8(table[c]) : QString::number(c));
  }
  return labels;
}

}  // namespace

int image_network(AppKind app) {
  switch (app) {
    case AppKind::kMnistDraw:
    case AppKind::kCifar10Camera:
      return 0;
    case AppKind::kMultinet:
      return 1;
    case AppKind::kKws:
      return -1;
  }
  return -1;
}

InferenceResult make_board_result(const sim::SimReport& s, AppKind app,
                                  const link::HelloReply& info, int input_id) {
  InferenceResult r;
  apps::InferenceReport& rep = r.report;
  rep.network = s.info.network;
  rep.sequence = s.info.sequence;
  rep.started_ticks = s.info.started_ticks;
  rep.frontend_ticks = s.info.frontend_ticks;
  rep.inference_ticks = s.info.inference_ticks;
  rep.class_count = std::min<int>({s.info.class_count, link::kMaxScores, apps::kMaxReportClasses});
  std::copy(s.info.scores, s.info.scores + rep.class_count, rep.scores);
  rep.output_scale = s.info.output_scale;
  rep.output_zero_point = s.info.output_zero_point;
  rep.top = s.info.top;
  rep.op_count = static_cast<int32_t>(
      std::min<size_t>({s.op_ticks.size(), s.op_crc32.size(), size_t{apps::kMaxReportOps}}));
  std::copy(s.op_ticks.begin(), s.op_ticks.begin() + rep.op_count, rep.op_ticks);
  std::copy(s.op_crc32.begin(), s.op_crc32.begin() + rep.op_count, rep.op_crc32);
  rep.output_crc32 = s.info.output_crc32;
  r.app = app_name(app);
  r.model =
      QString::fromUtf8(s.info.model, static_cast<int>(strnlen(s.info.model, sizeof s.info.model)));
  r.labels = labels_for(app, rep.network, rep.class_count);
  r.ticks_per_second = info.ticks_per_second > 0 ? info.ticks_per_second : 1;
  r.tick_meaning = QString::fromUtf8(info.tick_meaning);
  r.on_board = true;
  for (size_t i = 0; i < s.op_instructions.size() && i < size_t{apps::kMaxReportOps}; ++i) {
    r.op_instructions.push_back(s.op_instructions[i]);
  }
  r.input_id = input_id;
  return r;
}

BoardBridge::BoardBridge(tools::BoardOptions options) : options_(std::move(options)) {
  qRegisterMetaType<BoardConfig>("tt::gui::BoardConfig");
}

BoardBridge::~BoardBridge() = default;

std::shared_ptr<sim::SimBoard> BoardBridge::board() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return board_;
}

QImage BoardBridge::lcd_image() {
  lcd_pending_.store(false);
  QImage image(sim::SimBoard::kLcdWidth, sim::SimBoard::kLcdHeight, QImage::Format_RGB16);
  image.fill(Qt::black);
  if (auto b = board()) b->copy_lcd(reinterpret_cast<uint16_t*>(image.bits()));
  return image;
}

bool BoardBridge::frame_wanted() const {
  if (state_.load() != State::kRunning) return false;
  return frame_in_flight_.load() < 0 || now_ms() - frame_sent_ms_.load() > kFrameTimeoutMs;
}

void BoardBridge::feed_frame(int input_id, const QByteArray& rgb) {
  frame_in_flight_.store(input_id);
  frame_sent_ms_.store(now_ms());
  QMetaObject::invokeMethod(
      this, [this, rgb] { write_frame(rgb); }, Qt::QueuedConnection);
}

bool BoardBridge::feed_audio(const int16_t* samples, int count) {
  if (state_.load() != State::kRunning) return false;
  if (audio_backlog_.load() + count > kMaxAudioBacklog) return false;
  audio_backlog_ += count;
  QVector<int16_t> chunk(samples, samples + count);
  QMetaObject::invokeMethod(
      this, [this, chunk] { write_audio(chunk); }, Qt::QueuedConnection);
  return true;
}

void BoardBridge::feed_button(bool pressed) {
  QMetaObject::invokeMethod(
      this,
      [this, pressed] {
        if (auto b = board(); b && state_.load() == State::kRunning) b->set_button(pressed);
      },
      Qt::QueuedConnection);
}

void BoardBridge::request(const BoardConfig& config) {
  ++pending_;
  wanted_.store(true);
  state_.store(State::kStarting);
  frame_in_flight_.store(-1);
  QMetaObject::invokeMethod(
      this, [this, config] { configure(config); }, Qt::QueuedConnection);
}

void BoardBridge::request_stop() {
  wanted_.store(false);
  if (state_.load() != State::kDead) state_.store(State::kOff);
  QMetaObject::invokeMethod(
      this,
      [this] {
        if (auto b = board(); b && b->alive() && !wanted_.load()) b->stop_app();
      },
      Qt::QueuedConnection);
}

void BoardBridge::shutdown() {
  state_.store(State::kOff);
  std::shared_ptr<sim::SimBoard> b;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    b.swap(board_);
  }
  if (b) {
    b->set_event_callback(nullptr);
    b->exit_board(5);
  }
}

bool BoardBridge::boot(QString* error) {
  std::string why;
  std::unique_ptr<sim::SimBoard> fresh = tools::open_board(options_, &why);
  if (!fresh) {
    *error = QString::fromStdString(why);
    return false;
  }
  std::shared_ptr<sim::SimBoard> b(std::move(fresh));
  // The callback runs on the board's reader thread, which lives exactly as long as the board:
  // it must not hold a shared_ptr (the last one would join the thread from itself).
  sim::SimBoard* raw = b.get();
  b->set_event_callback([this, raw](const sim::SimEvent& e) { on_event(raw, e); });
  {
    std::lock_guard<std::mutex> lock(mutex_);
    board_ = b;
  }
  const link::HelloReply& info = b->info();
  emit board_info(QString::fromUtf8(info.board),
                  tr("ticks: %1; %2")
                      .arg(QString::fromUtf8(info.tick_meaning),
                           options_.plugin == "none" ? tr("no exact counts")
                                                     : tr("exact counts by the QEMU plugin")));
  return true;
}

void BoardBridge::configure(const BoardConfig& config) {
  // Only the newest request is worth starting; a stop after it cancels it.
  if (--pending_ > 0 || !wanted_.load()) return;
  QString message;
  auto b = board();
  if (!b || !b->alive()) {
    if (!boot(&message)) {
      if (pending_.load() == 0) state_.store(State::kDead);
      emit app_started(config.serial, false, message);
      return;
    }
  } else {
    b->stop_app();
  }
  // The old app's last reports came before the stop's answer: what follows is the new one's.
  serial_.store(config.serial);
  app_.store(static_cast<int>(config.app));
  const bool ok = start_app(config, &message);
  // A newer request (or a stop) that came while the app started decides the state itself.
  if (pending_.load() == 0 && wanted_.load()) state_.store(ok ? State::kRunning : State::kDead);
  emit app_started(config.serial, ok, message);
}

bool BoardBridge::start_app(const BoardConfig& config, QString* message) {
  auto b = board();
  link::StartApp req;
  req.app = static_cast<link::AppId>(static_cast<int>(config.app));
  req.model_count = static_cast<uint8_t>(std::min<int>(config.models.size(), link::kMaxModelSlots));
  req.shared_arena = config.shared_arena;
  // Every flush crosses the link (the rate limit would hold back the last picture until the
  // next flush, and the feed sends the next frame only after the last result).
  req.lcd_min_interval_ms = 0;
  for (int i = 0; i < req.model_count; ++i) {
    const BoardModel& m = config.models[i];
    const int linked = m.shipped ? b->linked_model(m.name.toStdString()) : -1;
    if (linked >= 0) {
      req.source[i] = link::ModelSource::kLinked;
      req.index[i] = static_cast<uint8_t>(linked);
      continue;
    }
    if (!m.source) {
      *message = tr("%1 has no plan to upload").arg(m.name);
      return false;
    }
    const std::vector<uint8_t> plan = tools::plan_bytes(*m.source);
    if (plan.size() > b->info().max_plan_bytes) {
      *message = tr("%1 needs a %2-byte plan; the board holds %3 bytes per model")
                     .arg(m.name)
                     .arg(plan.size())
                     .arg(b->info().max_plan_bytes);
      return false;
    }
    emit log_line(1, tr("uploading %1 (%2 bytes) to the board").arg(m.name).arg(plan.size()));
    if (!b->upload_plan(i, plan)) {
      *message = tr("uploading %1: %2").arg(m.name, QString::fromStdString(b->error()));
      return false;
    }
    req.source[i] = link::ModelSource::kUploaded;
    req.index[i] = static_cast<uint8_t>(i);
  }
  if (config.frame_side > 0) {
    req.devices |= link::StartApp::kHasCamera;
    if (!b->set_camera_format(0, config.frame_side, config.frame_side)) {
      *message = QString::fromStdString(b->error());
      return false;
    }
  }
  if (config.microphone) req.devices |= link::StartApp::kHasMicrophone;
  std::string text;
  const bool ok = b->start_app(req, &text);
  *message = QString::fromStdString(ok ? text : (text.empty() ? b->error() : text));
  return ok;
}

void BoardBridge::write_frame(const QByteArray& rgb) {
  auto b = board();
  if (!b || state_.load() != State::kRunning) return;
  b->send_frame(reinterpret_cast<const uint8_t*>(rgb.constData()), static_cast<size_t>(rgb.size()));
}

void BoardBridge::write_audio(const QVector<int16_t>& samples) {
  auto b = board();
  if (b && state_.load() == State::kRunning) {
    b->send_audio(samples.constData(), static_cast<size_t>(samples.size()));
  }
  audio_backlog_ -= samples.size();
}

void BoardBridge::on_event(sim::SimBoard* b, const sim::SimEvent& e) {
  const auto app = static_cast<AppKind>(app_.load());
  switch (e.kind) {
    case sim::SimEvent::kLcd:
      if (!lcd_pending_.exchange(true)) emit lcd_changed();
      break;
    case sim::SimEvent::kReport:
      for (const sim::SimReport& r : b->take_reports()) {
        int input_id = -1;
        if (r.info.network == image_network(app)) input_id = frame_in_flight_.exchange(-1);
        InferenceResult result = make_board_result(r, app, b->info(), input_id);
        result.serial = serial_.load();
        emit inference(result);
      }
      break;
    case sim::SimEvent::kKeyword:
      for (const link::Keyword& k : b->take_keywords()) {
        const int i = k.keyword;
        emit keyword(KeywordResult{
            i >= 0 && i < 12 ? QString::fromUtf8(apps::kKwsLabels[i]) : QString::number(i), i,
            k.score});
      }
      break;
    case sim::SimEvent::kMessage:
      b->take_messages();
      emit app_message(QString::fromStdString(e.text));
      break;
    case sim::SimEvent::kLog:
      emit log_line(1, QString::fromStdString(e.text));
      break;
    case sim::SimEvent::kLed:
      emit led_changed(QColor((e.value >> 16) & 0xff, (e.value >> 8) & 0xff, e.value & 0xff));
      break;
    case sim::SimEvent::kAppStatus:
      emit app_message(QString::fromStdString(e.text));
      break;
    case sim::SimEvent::kDied:
      state_.store(State::kDead);
      emit died(QString::fromStdString(e.text));
      break;
  }
}

}  // namespace tt::gui
