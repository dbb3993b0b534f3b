// MainWindow: the emulated Cortex-M7 board. The backend selector decides which boards show
// (the host's simulated one, the emulated one, or both at half size) and where the results
// come from; side by side, every host result is paired with the board's result for the
// same input (TwinPairer) and the layer table shows where, if anywhere, they part.
#include <QComboBox>
#include <QLabel>
#include <QStatusBar>
#include <QThread>

#include "gui/app_worker.h"
#include "gui/board_bridge.h"
#include "gui/board_panel.h"
#include "gui/layer_table.h"
#include "gui/lcd_view.h"
#include "gui/led_indicator.h"
#include "gui/main_window.h"
#include "gui/prediction_bars.h"

namespace tt::gui {
namespace {

quint64 total(const QVector<quint64>& v) {
  quint64 sum = 0;
  for (quint64 x : v) sum += x;
  return sum;
}

}  // namespace

void MainWindow::connect_bridge() {
  BoardBridge* b = bridge_;
  connect(b, &BoardBridge::app_started, this, &MainWindow::on_board_started);
  connect(b, &BoardBridge::board_info, this, [this](const QString& board, const QString& details) {
    emulated_->set_board_caption(board.section(QLatin1Char(' '), 0, 0));
    emulated_->setToolTip(tr("%1\n%2").arg(board, details));
    on_log_line(static_cast<int>(hal::LogLevel::kInfo),
                tr("emulated board: %1; %2").arg(board, details));
  });
  connect(b, &BoardBridge::died, this, &MainWindow::on_board_died);
  connect(b, &BoardBridge::inference, this, &MainWindow::on_board_inference);
  connect(b, &BoardBridge::keyword, this, [this](const KeywordResult& k) {
    if (request_.backend == Backend::kBoard) {
      on_keyword(k);
    } else {
      on_log_line(static_cast<int>(hal::LogLevel::kInfo), tr("board keyword: %1").arg(k.label));
    }
  });
  connect(b, &BoardBridge::app_message, this, [this](const QString& text) {
    on_log_line(static_cast<int>(hal::LogLevel::kInfo), tr("board: %1").arg(text));
  });
  connect(b, &BoardBridge::log_line, this, [this](int level, const QString& text) {
    on_log_line(level, tr("board: %1").arg(text));
  });
  connect(b, &BoardBridge::lcd_changed, this, [this] {
    if (bridge_ == nullptr) return;
    emulated_->lcd()->set_image(bridge_->lcd_image());
    if (request_.backend == Backend::kBoard) schedule_screenshot();
    emit board_lcd_shown();
  });
  connect(b, &BoardBridge::led_changed, emulated_->led(), &LedIndicator::set_colour);
}

void MainWindow::shutdown_bridge() {
  if (bridge_ == nullptr) return;
  disconnect(bridge_, nullptr, this, nullptr);
  QMetaObject::invokeMethod(bridge_, &BoardBridge::shutdown, Qt::QueuedConnection);
  board_thread_.quit();
  board_thread_.wait();
  delete bridge_;
  bridge_ = nullptr;
}

void MainWindow::set_backend(Backend backend) {
  if (backend == request_.backend) return;
  request_.backend = backend;
  update_backend_view();
  predictions_->clear();
  apply_request();
}

void MainWindow::update_backend_view() {
  const Backend b = request_.backend;
  {
    const QSignalBlocker block(backend_box_);
    backend_box_->setCurrentIndex(static_cast<int>(b));
  }
  board_->setVisible(b != Backend::kBoard);
  emulated_->setVisible(b != Backend::kHost);
  // Two 640x480 LCDs would crowd out the inputs: side by side both show 1:1.
  const int scale = b == Backend::kBoth ? 1 : LcdView::kScale;
  board_->lcd()->set_scale(scale);
  emulated_->lcd()->set_scale(scale);
  layers_->set_backend(b);
  agreement_->setVisible(b == Backend::kBoth);
  agreement_->clear();
}

void MainWindow::press_button(bool down) {
  if (worker_ != nullptr) {
    if (down) {
      worker_->button().press();
    } else {
      worker_->button().release();
    }
  }
  if (bridge_ != nullptr && request_.backend != Backend::kHost) bridge_->feed_button(down);
}

void MainWindow::on_board_started(int serial, bool ok, const QString& message) {
  const QString text = ok ? tr("emulated board: %1 started%2")
                                .arg(app_name(request_.app),
                                     message.isEmpty() ? QString() : QStringLiteral(": ") + message)
                          : tr("emulated board: %1").arg(message);
  statusBar()->showMessage(text, 8000);
  on_log_line(static_cast<int>(ok ? hal::LogLevel::kInfo : hal::LogLevel::kError), text);
  if (!ok && serial == request_.serial && request_.backend != Backend::kHost) {
    // The window stays useful: back to the host, with the reason in a message box.
    show_error(tr("The emulated board did not start"), message);
    set_backend(Backend::kHost);
  }
  emit board_started(ok, message);
}

void MainWindow::on_board_died(const QString& why) {
  emulated_->set_board_caption(tr("stopped"));
  if (request_.backend == Backend::kHost) return;  // it was stopping anyway
  show_error(tr("The emulated board stopped"), why);
  set_backend(Backend::kHost);
}

void MainWindow::on_board_inference(const InferenceResult& r) {
  if (r.serial != request_.serial || request_.backend == Backend::kHost) return;
  const int network = r.report.network;
  const QVector<quint64> cost = r.op_cost();
  const bool exact = !r.op_instructions.isEmpty();
  if (network == shown_network_) layers_->set_board_costs(cost, exact);
  if (request_.backend == Backend::kBoard && network == bars_network(request_.app)) {
    predictions_->set_scores(r.labels, r.probabilities());
    predictions_->set_caption(
        tr("%1 on the board · inference %2").arg(r.model).arg(r.report.sequence));
    latency_->setText(exact ? tr("board: %1 instructions per inference").arg(grouped(total(cost)))
                            : tr("board: %1 ticks per inference (%2)")
                                  .arg(grouped(total(cost)))
                                  .arg(r.tick_meaning));
  }
  if (request_.backend == Backend::kBoth) {
    TwinPair pair;
    if (pairer_.add(r, &pair)) show_pair(pair);
  }
  emit board_inference_shown(r);
}

void MainWindow::show_pair(const TwinPair& p) {
  const apps::InferenceReport& h = p.host.report;
  if (h.network == shown_network_) layers_->set_agreement(h, p.board.report);
  const QString input =
      p.host.input_id >= 0 ? tr("frame %1").arg(p.host.input_id) : tr("window %1").arg(h.sequence);
  if (p.outputs_equal) {
    agreement_->setStyleSheet(QStringLiteral("color: #1b6e20;"));
    agreement_->setText(tr("%1 (%2): host and board agree bit for bit: every layer's output "
                           "CRC32 and the scores (“%3”)")
                            .arg(input, p.host.model, p.host.top_label()));
  } else {
    agreement_->setStyleSheet(QStringLiteral("color: #b71c1c; font-weight: bold;"));
    const QString where =
        p.first_diverging >= 0
            ? tr("layer %1 is the first whose output differs").arg(p.first_diverging)
            : tr("the scores differ");
    agreement_->setText(
        tr("%1 (%2): %3; host says “%4”, board says “%5”")
            .arg(input, p.host.model, where, p.host.top_label(), p.board.top_label()));
    on_log_line(static_cast<int>(hal::LogLevel::kWarning), agreement_->text());
  }
  emit comparison_shown(p);
}

QString MainWindow::agreement_text() const { return agreement_->text(); }

}  // namespace tt::gui
