#include "gui/app_worker.h"

#include <QThread>
#include <QTimer>

#include "apps/cifar10_camera/cifar10_camera_app.h"
#include "apps/kws/kws_app.h"
#include "apps/mnist_draw/mnist_draw_app.h"
#include "apps/multinet/multinet_app.h"
#include "gui/board_bridge.h"
#include "hal/host/opencv_camera.h"
#include "hal/host/sndfile_microphone.h"
#include "kernels/frontend/mfcc.h"

namespace tt::gui {
namespace {

constexpr qint64 kPreviewIntervalMs = 66;  // ~15 previews per second are plenty to watch
constexpr qint64 kLevelIntervalMs = 50;    // a meter updated 20 times a second looks live
constexpr qint64 kSnapshotIntervalMs = 100;

QColor to_qcolor(const hal::LedColour& c) { return QColor(c.r, c.g, c.b); }

}  // namespace

AppWorker::AppWorker(hal::Microphone* desktop_microphone, BoardBridge* bridge)
    : log_([this](hal::LogLevel level, const char* text) {
        emit log_line(static_cast<int>(level), QString::fromUtf8(text));
      }),
      desktop_microphone_(desktop_microphone),
      bridge_(bridge),
      step_timer_(new QTimer(this)) {
  // Coalesce: one queued notice until the GUI has fetched the picture, however fast the app
  // flushes, so a slow GUI never piles up repaints.
  display_.set_shown_callback([this](hal::Rect) {
    if (!lcd_pending_.exchange(true)) emit lcd_changed();
  });
  led_.set_change_callback([this](hal::LedColour c) { emit led_changed(to_qcolor(c)); });
  board_.name = "host";
  board_.display = &display_;
  board_.button = &button_;
  board_.led = &led_;
  board_.clock = &clock_;
  board_.log = &log_;
  step_timer_->setInterval(0);
  connect(step_timer_, &QTimer::timeout, this, &AppWorker::step_once);
}

AppWorker::~AppWorker() { stop_app(); }

QImage AppWorker::lcd_image() {
  lcd_pending_.store(false);
  QImage image(display_.width(), display_.height(), QImage::Format_RGB16);
  // Format_RGB16 rows are 4-byte aligned; 320 pixels * 2 bytes are, so the rows are packed.
  display_.copy_front(reinterpret_cast<uint16_t*>(image.bits()), nullptr);
  return image;
}

apps::App* AppWorker::make_app(AppKind kind) {
  // Only one app object exists at a time: each holds frame buffers of a few hundred KB.
  mnist_.reset();
  cifar10_.reset();
  kws_.reset();
  multinet_.reset();
  switch (kind) {
    case AppKind::kMnistDraw:
      mnist_ = std::make_unique<apps::MnistDrawApp>();
      return mnist_.get();
    case AppKind::kCifar10Camera:
      cifar10_ = std::make_unique<apps::Cifar10CameraApp>();
      return cifar10_.get();
    case AppKind::kKws:
      kws_ = std::make_unique<apps::KwsApp>();
      return kws_.get();
    case AppKind::kMultinet:
      multinet_ = std::make_unique<apps::MultinetApp>();
      return multinet_.get();
  }
  return nullptr;
}

void AppWorker::stop_app() {
  step_timer_->stop();
  if (app_ != nullptr && app_started_) app_->stop();
  app_started_ = false;
  running_ = false;
  feeding_camera_ = feeding_microphone_ = false;
  // The app closes what it opened; these make sure a device opened by the pre-checks of
  // setup_camera()/setup_microphone() is released too (closing twice does nothing).
  camera_tap_.close();
  microphone_tap_.stop();
}

void AppWorker::apply(const WorkerRequest& request) {
  stop_app();
  const bool app_changed = app_ == nullptr || request.app != app_kind_;
  if (!load_models(request, app_changed)) {
    emit app_started(request.serial, app_name(request.app),
                     static_cast<int>(apps::AppStatus::kModelError), tr("no usable model"));
    return;
  }
  request_ = request;
  if (app_changed) {
    app_ = make_app(request.app);
    app_kind_ = request.app;
  }
  setup_camera(request);
  setup_microphone(request);
  const bool feed = request.backend != Backend::kHost && bridge_ != nullptr;
  if (feed) {
    // The host app (side by side) reads what the feed hands it, frame for frame.
    twin_camera_ = std::make_unique<hal::host::PushCamera>(
        hal::FrameFormat{hal::PixelFormat::kRgb888, BoardBridge::kFrameSide,
                         BoardBridge::kFrameSide, BoardBridge::kFrameSide * 3},
        "frames fed to the board");
    board_.camera = app_uses_camera(app_kind_) ? twin_camera_.get() : nullptr;
    board_.microphone = app_uses_microphone(app_kind_) ? &twin_microphone_ : nullptr;
    bridge_->request(board_config(request));
  } else {
    board_.camera = app_uses_camera(app_kind_) ? &camera_tap_ : nullptr;
    board_.microphone = app_uses_microphone(app_kind_) ? &microphone_tap_ : nullptr;
    twin_camera_.reset();
    if (bridge_ != nullptr) bridge_->request_stop();
  }

  const bool on_host = request.backend != Backend::kBoard || !feed;
  const apps::AppStatus status = on_host ? start_app() : apps::AppStatus::kOk;
  emit app_started(request.serial, app_name(app_kind_), static_cast<int>(status),
                   on_host ? QString::fromUtf8(app_->message()) : tr("runs on the emulated board"));
  // A model the app cannot use (kModelError) leaves the app stopped; the GUI says why and
  // the user picks another model.
  if (status == apps::AppStatus::kModelError) {
    emit model_error(QString::fromUtf8(app_->message()));
    return;
  }
  running_ = true;
  if (feed) start_feed();
  end_reported_ = false;
  camera_terminal_ = microphone_terminal_ = hal::HalStatus::kOk;
  since_preview_.start();
  since_level_.start();
  since_snapshot_.start();
  step_timer_->setInterval(0);
  step_timer_->start();
}

apps::AppStatus AppWorker::start_app() {
  app_started_ = true;  // stop() is due even when start() fails half-way
  return app_->start(board_, models_.model_slots(), models_.count(), this);
}

void AppWorker::shutdown() {
  stop_app();
  opencv_camera_.reset();
  file_microphone_.reset();
  camera_tap_.set_inner(nullptr);
  microphone_tap_.set_inner(nullptr);
  thread()->quit();
}

void AppWorker::step_once() {
  if (!running_) return;
  const bool fed = (feeding_camera_ || feeding_microphone_) && pump_inputs();
  if (!app_started_) {  // the board alone: only its feed
    publish_side_data(false);
    report_input_endings();
    step_timer_->setInterval(fed ? 0 : kPollIntervalMs);
    return;
  }
  QElapsedTimer took;
  took.start();
  const apps::AppStatus s = app_->step(kStepTimeoutMs);
  const bool waited = took.elapsed() >= 2;
  publish_side_data(false);
  report_input_endings();
  if (s == apps::AppStatus::kEndOfInput && !end_reported_) {
    end_reported_ = true;
    emit input_ended();
  }
  // An app that polls its inputs (multinet while it classifies images) returns kIdle at
  // once; stepping it again at once would spin a core for nothing.
  int interval = 0;
  if (s == apps::AppStatus::kIdle && !waited) interval = kPollIntervalMs;
  if (s != apps::AppStatus::kOk && s != apps::AppStatus::kIdle) interval = kIdleIntervalMs;
  step_timer_->setInterval(interval);
}

void AppWorker::publish_side_data(bool force) {
  QImage frame;
  QRect crop;
  if ((force || since_preview_.elapsed() >= kPreviewIntervalMs) &&
      camera_tap_.take_preview(&frame, &crop)) {
    since_preview_.restart();
    emit camera_frame(frame, crop);
  }
  if (board_.microphone != nullptr && (force || since_level_.elapsed() >= kLevelIntervalMs)) {
    since_level_.restart();
    emit audio_level(microphone_tap_.take_peak());
  }
  if (multinet_ && app_started_) {
    const bool on = multinet_->classifier_running();
    if (force || on != multinet_was_running_ || since_snapshot_.elapsed() >= kSnapshotIntervalMs) {
      multinet_was_running_ = on;
      since_snapshot_.restart();
      emit multinet_snapshot(multinet_state());
    }
  }
}

void AppWorker::report_input_endings() {
  auto message = [](hal::HalStatus s, const QString& what) {
    return s == hal::HalStatus::kEndOfStream ? QObject::tr("%1 ended").arg(what)
                                             : QObject::tr("%1 was lost").arg(what);
  };
  if (camera_tap_.terminal_status() != camera_terminal_) {
    camera_terminal_ = camera_tap_.terminal_status();
    emit camera_state(
        camera_terminal_ == hal::HalStatus::kEndOfStream ? InputState::kEnded : InputState::kLost,
        message(camera_terminal_, tr("the video")));
  }
  if (microphone_tap_.terminal_status() != microphone_terminal_) {
    microphone_terminal_ = microphone_tap_.terminal_status();
    emit microphone_state(microphone_terminal_ == hal::HalStatus::kEndOfStream ? InputState::kEnded
                                                                               : InputState::kLost,
                          message(microphone_terminal_, tr("the audio")));
  }
}

MultinetSnapshot AppWorker::multinet_state() const {
  MultinetSnapshot s;
  s.classifier_running = multinet_->classifier_running();
  s.image_inferences = multinet_->image_inferences();
  s.audio_windows = multinet_->audio_windows();
  s.memory = multinet_->memory();
  for (int32_t i = multinet_->timeline_size() - 1; i >= 0; --i) {
    s.timeline.push_back(multinet_->timeline(i));
  }
  s.now_ticks = clock_.ticks();
  s.ticks_per_second = clock_.ticks_per_second();
  return s;
}

void AppWorker::on_inference(const apps::InferenceReport& report) {
  InferenceResult result =
      make_inference_result(report, clock_.ticks_per_second(), clock_.tick_meaning());
  // Side by side: the frame this classified is the one the feed handed the twin camera last
  // (the feed pushes and the app reads on this thread, one after the other).
  if (twin_camera_ && report.network == image_network(app_kind_)) result.input_id = twin_input_id_;
  result.serial = request_.serial;
  emit inference(result);
  constexpr int kFeatures = kernels::frontend::kClipFeatures;
  if (kws_) {
    const float* f = kws_->spotter().window_features();
    emit mfcc_window(QVector<float>(f, f + kFeatures));
  } else if (multinet_ && report.network == 0) {
    // multinet keeps its spotter private; the features of the same second of audio are what
    // compute_mfcc() gives (keyword_spotter.h), so the heat-map shows the same picture.
    std::vector<int16_t> audio(MicrophoneTap::kHistorySamples);
    microphone_tap_.last_second(audio.data());
    QVector<float> features(kFeatures);
    if (kernels::frontend::compute_mfcc(audio.data(), static_cast<int>(audio.size()),
                                        features.data(), kFeatures) == kernels::Status::kOk) {
      emit mfcc_window(features);
    }
  }
  if (multinet_) publish_side_data(true);
}

void AppWorker::on_keyword(const apps::KeywordReport& k) {
  emit keyword(
      KeywordResult{QString::fromUtf8(k.label != nullptr ? k.label : ""), k.keyword, k.score});
}

void AppWorker::on_message(const char* text) {
  emit app_message(QString::fromUtf8(text != nullptr ? text : ""));
}

}  // namespace tt::gui
