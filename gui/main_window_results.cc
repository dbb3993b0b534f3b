// MainWindow: showing what the worker reports (results, LCD, LED, inputs' states, models).
#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTabWidget>

#include "gui/app_worker.h"
#include "gui/audio_panel.h"
#include "gui/board_panel.h"
#include "gui/camera_preview.h"
#include "gui/layer_table.h"
#include "gui/layer_time_chart.h"
#include "gui/lcd_view.h"
#include "gui/led_indicator.h"
#include "gui/level_meter.h"
#include "gui/main_window.h"
#include "gui/memory_panel.h"
#include "gui/mfcc_heatmap.h"
#include "gui/multinet_panel.h"
#include "gui/prediction_bars.h"

namespace tt::gui {
namespace {

constexpr qint64 kRateWindowMs = 2000;  // frames per second over the last two seconds

}  // namespace

// Multinet's keywords have their own label; its bars show the image classifier.
int MainWindow::bars_network(AppKind app) { return app == AppKind::kMultinet ? 1 : 0; }

void MainWindow::connect_worker() {
  AppWorker* w = worker_;
  connect(w, &AppWorker::app_started, this, &MainWindow::on_app_started);
  connect(w, &AppWorker::models_changed, this,
          [this](int, const QVector<ModelDescriptionPtr>& models) { on_models_changed(models); });
  connect(w, &AppWorker::model_paths, this, [this](int serial, const QStringList& paths) {
    // The truth about which files run, unless a newer request replaced the one answered.
    if (serial == request_.serial) request_.models = paths;
  });
  connect(w, &AppWorker::model_error, this, &MainWindow::on_model_error);
  connect(w, &AppWorker::inference, this, &MainWindow::on_inference);
  connect(w, &AppWorker::keyword, this, &MainWindow::on_keyword);
  connect(w, &AppWorker::app_message, this, [this](const QString& text) {
    statusBar()->showMessage(text, 8000);
    on_log_line(static_cast<int>(hal::LogLevel::kInfo), text);
  });
  connect(w, &AppWorker::log_line, this, &MainWindow::on_log_line);
  connect(w, &AppWorker::lcd_changed, this, &MainWindow::on_lcd_changed);
  connect(w, &AppWorker::led_changed, board_->led(), &LedIndicator::set_colour);
  connect(w, &AppWorker::camera_frame, camera_, &CameraPreview::set_frame);
  connect(w, &AppWorker::camera_state, this, &MainWindow::on_camera_state);
  connect(w, &AppWorker::microphone_state, this, &MainWindow::on_microphone_state);
  connect(w, &AppWorker::audio_level, audio_->meter(), &LevelMeter::set_peak);
  connect(w, &AppWorker::mfcc_window, audio_->heatmap(), &MfccHeatmap::set_window);
  connect(w, &AppWorker::multinet_snapshot, this, [this](const MultinetSnapshot& s) {
    multinet_->set_snapshot(s);
    emit multinet_shown(s);
  });
  connect(w, &AppWorker::input_ended, this, [this] {
    statusBar()->showMessage(tr("input ended"), 8000);
    emit input_ended();
  });
}

void MainWindow::on_app_started(int serial, const QString& app, int status,
                                const QString& message) {
  const auto s = static_cast<apps::AppStatus>(status);
  // An answer to a request the window has since replaced is only reported.
  if (serial == request_.serial && s == apps::AppStatus::kModelError) {
    // The app could not use its models: go back to the ones it last ran with (or the
    // shipped ones) so the window stays useful; the message box says what was wrong.
    if (request_.models != confirmed_models_) {
      request_.models = confirmed_models_;
      apply_request();
    }
  } else if (serial == request_.serial) {
    confirmed_models_ = request_.models;
  }
  const QString text =
      message.isEmpty() ? tr("%1 started").arg(app) : tr("%1: %2").arg(app, message);
  statusBar()->showMessage(text, 8000);
  on_log_line(static_cast<int>(hal::LogLevel::kInfo), text);
  emit app_state_changed(app, status);
}

void MainWindow::on_models_changed(const QVector<ModelDescriptionPtr>& models) {
  models_ = models;
  update_network_choice();
  QString info;
  for (const ModelDescriptionPtr& m : models) {
    if (m) info += m->info_text + QLatin1Char('\n');
  }
  model_info_->setPlainText(info);
}

void MainWindow::update_network_choice() {
  const QSignalBlocker block(network_box_);
  network_box_->clear();
  for (const ModelDescriptionPtr& m : models_) network_box_->addItem(m ? m->name : tr("(none)"));
  network_box_->parentWidget()->setVisible(models_.size() > 1);
  const int shown = std::min<int>(bars_network(request_.app), models_.size() - 1);
  network_box_->setCurrentIndex(std::max(0, shown));
  show_network(std::max(0, shown));
  analysis_->setTabEnabled(2, request_.app == AppKind::kMultinet);
}

void MainWindow::show_network(int index) {
  shown_network_ = index;
  const ModelDescriptionPtr m = index >= 0 && index < models_.size() ? models_[index] : nullptr;
  layers_->set_model(m);
  QStringList names;
  if (m) {
    for (const tools::LayerInfo& l : m->layers) {
      names << QStringLiteral("%1 %2").arg(l.index).arg(QString::fromStdString(l.op));
    }
  }
  chart_->set_layers(names);
  memory_->set_model(m);
}

void MainWindow::on_model_error(const QString& message) {
  show_error(tr("Model not loaded"), message);
}

void MainWindow::on_inference(const InferenceResult& r) {
  const int network = r.report.network;
  if (network == shown_network_) {
    const QVector<double> seconds = r.op_seconds();
    layers_->set_times(seconds);
    chart_->set_times(seconds);
  }
  if (network == bars_network(request_.app)) {
    predictions_->set_scores(r.labels, r.probabilities());
    predictions_->set_caption(tr("%1 · inference %2").arg(r.model).arg(r.report.sequence));
  }
  update_status_rates(r);
  if (request_.backend == Backend::kBoth) {
    TwinPair pair;
    if (pairer_.add(r, &pair)) show_pair(pair);
  }
  emit inference_shown(r);
}

void MainWindow::update_status_rates(const InferenceResult& r) {
  const int network = std::clamp<int>(r.report.network, 0, 1);
  const qint64 now = rate_clock_.elapsed();
  QVector<qint64>& times = recent_[network];
  times.push_back(now);
  while (!times.isEmpty() && now - times.front() > kRateWindowMs) times.pop_front();
  if (network != bars_network(request_.app)) return;
  const double total_ms = r.seconds(r.report.frontend_ticks + r.report.inference_ticks) * 1e3;
  latency_->setText(tr("latency %1 ms (front-end %2 + network %3)")
                        .arg(total_ms, 0, 'f', 2)
                        .arg(r.seconds(r.report.frontend_ticks) * 1e3, 0, 'f', 2)
                        .arg(r.seconds(r.report.inference_ticks) * 1e3, 0, 'f', 2));
  const double span_s = times.size() > 1 ? (times.back() - times.front()) / 1e3 : 0.0;
  rate_->setText(span_s > 0 ? tr("%1 fps").arg((times.size() - 1) / span_s, 0, 'f', 1)
                            : tr("— fps"));
}

void MainWindow::on_keyword(const KeywordResult& k) {
  keyword_->setText(tr("<span style='font-size:15pt'>heard <b>“%1”</b></span> "
                       "&nbsp;score %2/255")
                        .arg(k.label.toHtmlEscaped())
                        .arg(k.score));
  multinet_->set_last_keyword(k.label);
  on_log_line(static_cast<int>(hal::LogLevel::kInfo), tr("keyword: %1").arg(k.label));
  emit keyword_shown(k);
}

void MainWindow::on_lcd_changed() {
  if (worker_ == nullptr) return;
  board_->lcd()->set_image(worker_->lcd_image());
  schedule_screenshot();
  emit lcd_shown();
}

void MainWindow::on_camera_state(InputState state, const QString& message) {
  switch (state) {
    case InputState::kUnused:
      camera_->set_message(tr("this app uses no camera"));
      break;
    case InputState::kLive:
      camera_->set_message(QString());
      break;
    case InputState::kNoDevice:
    case InputState::kEnded:
    case InputState::kLost:
      camera_->set_message(message);
      break;
  }
  if (!message.isEmpty()) statusBar()->showMessage(message, 8000);
}

void MainWindow::on_microphone_state(InputState state, const QString& message) {
  switch (state) {
    case InputState::kUnused:
      audio_->set_message(tr("this app uses no microphone"));
      break;
    case InputState::kLive:
    case InputState::kEnded:  // keep the last heat-map of a finished file in view
      audio_->set_message(QString());
      break;
    case InputState::kNoDevice:
    case InputState::kLost:
      audio_->set_message(message);
      break;
  }
  if (!message.isEmpty()) statusBar()->showMessage(message, 8000);
}

void MainWindow::on_log_line(int level, const QString& text) {
  const char* names[] = {"debug", "info", "warning", "error"};
  const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz"));
  log_->appendPlainText(
      QStringLiteral("%1 [%2] %3").arg(stamp, names[std::clamp(level, 0, 3)], text));
}

}  // namespace tt::gui
