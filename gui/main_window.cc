#include "gui/main_window.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QAudioDeviceInfo>
#include <QCloseEvent>
#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "gui/app_worker.h"
#include "gui/board_bridge.h"
#include "gui/board_panel.h"
#include "hal/host/qt_microphone.h"

namespace tt::gui {
namespace {

constexpr int kScreenshotFallbackMs = 15000;  // an app that never draws still gets a picture

QGroupBox* group(const QString& title, QWidget* content, QWidget* parent) {
  auto* box = new QGroupBox(title, parent);
  auto* layout = new QVBoxLayout(box);
  layout->addWidget(content);
  return box;
}

}  // namespace

MainWindow::MainWindow(const GuiOptions& options, QWidget* parent)
    : QMainWindow(parent), options_(options) {
  register_worker_types();
  qRegisterMetaType<TwinPair>("tt::gui::TwinPair");
  setWindowTitle(tr("TinyTwin"));
  build_toolbar();

  board_ = new BoardPanel(this);
  board_->setTitle(tr("Host"));
  board_->set_board_caption(tr("x86-64, simulated LCD"));
  emulated_ = new BoardPanel(this);
  emulated_->setTitle(tr("Emulated Cortex-M7"));
  emulated_->set_board_caption(tr("QEMU mps2-an500"));
  auto* top = new QHBoxLayout;
  top->addWidget(board_, 0);
  top->addWidget(emulated_, 0);
  top->addWidget(group(tr("Input"), build_inputs(), this), 1);
  top->addWidget(group(tr("Prediction"), build_prediction(), this), 1);
  auto* top_widget = new QWidget(this);
  top_widget->setLayout(top);
  top->setContentsMargins(0, 0, 0, 0);

  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->addWidget(top_widget);
  splitter->addWidget(build_analysis());
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  splitter->setChildrenCollapsible(false);
  auto* central = new QWidget(this);
  auto* central_layout = new QVBoxLayout(central);
  central_layout->setContentsMargins(8, 6, 8, 4);
  central_layout->addWidget(splitter);
  setCentralWidget(central);

  latency_ = new QLabel(this);
  rate_ = new QLabel(this);
  latency_->setMinimumWidth(260);
  rate_->setMinimumWidth(110);
  statusBar()->addPermanentWidget(latency_);
  statusBar()->addPermanentWidget(rate_);
  rate_clock_.start();

  for (BoardPanel* panel : {board_, emulated_}) {
    connect(panel, &BoardPanel::button_pressed, this, [this] { press_button(true); });
    connect(panel, &BoardPanel::button_released, this, [this] { press_button(false); });
  }
  qApp->installEventFilter(this);

  // The emulated board lives on a thread of its own: the link's writes block for as long as
  // the emulated UART needs. QEMU starts only when a request needs the board.
  tools::BoardOptions board_options;
  board_options.firmware = options_.firmware.toStdString();
  board_options.plugin = options_.plugin.toStdString();
  board_options.timeout_s = 1e8;  // the board lives as long as the window, not a CLI session
  bridge_ = new BoardBridge(board_options);
  bridge_->moveToThread(&board_thread_);
  board_thread_.setObjectName(QStringLiteral("tinytwin emulated board"));
  connect_bridge();
  board_thread_.start();

  // The desktop microphone belongs to this (the GUI) thread: QAudioInput needs its event loop.
  microphone_ = options_.no_microphone
                    ? std::make_unique<hal::host::QtMicrophone>(QAudioDeviceInfo())
                    : std::make_unique<hal::host::QtMicrophone>();
  worker_ = new AppWorker(microphone_.get(), bridge_);
  worker_->moveToThread(&worker_thread_);
  worker_thread_.setObjectName(QStringLiteral("tinytwin app worker"));
  connect_worker();
  worker_thread_.start();

  request_.app = options_.app;
  request_.models = options_.models;
  request_.backend = options_.backend;
  camera_choice_ = {CameraChoice::Kind::kWebcam, options_.webcam};
  if (!options_.video.isEmpty()) camera_choice_ = {CameraChoice::Kind::kVideo, options_.video};
  request_.camera = request_.app == AppKind::kMnistDraw && options_.video.isEmpty()
                        ? CameraChoice{CameraChoice::Kind::kPushed, QString()}
                        : camera_choice_;
  if (!options_.audio.isEmpty()) {
    request_.mic.kind = MicChoice::Kind::kFile;
    request_.mic.path = options_.audio;
  }
  {
    const QSignalBlocker block(app_box_);
    app_box_->setCurrentIndex(static_cast<int>(request_.app));
  }
  update_backend_view();
  inputs_->setCurrentIndex(input_tab_for(request_.app));
  if (!options_.image.isEmpty() && push_picture(options_.image)) {
    request_.camera = camera_choice_;
    inputs_->setCurrentIndex(kCameraTab);  // it shows the picture the app gets
  }
  apply_request();

  if (!options_.screenshot.isEmpty()) {
    QTimer::singleShot(kScreenshotFallbackMs + options_.screenshot_delay_ms, this,
                       &MainWindow::take_screenshot);
  }
  if (options_.quit_after_ms >= 0) {
    QTimer::singleShot(options_.quit_after_ms, this, [this] {
      shutdown_worker();
      shutdown_bridge();
      QCoreApplication::quit();
    });
  }
  resize(1480, 980);
}

MainWindow::~MainWindow() {
  qApp->removeEventFilter(this);
  shutdown_worker();
  shutdown_bridge();
}

void MainWindow::build_toolbar() {
  QToolBar* bar = addToolBar(tr("Main"));
  bar->setMovable(false);
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->addWidget(new QLabel(tr(" App: "), bar));
  app_box_ = new QComboBox(bar);
  for (AppKind k : kAllApps) app_box_->addItem(app_title(k), static_cast<int>(k));
  connect(app_box_, QOverload<int>::of(&QComboBox::activated), this,
          [this](int index) { switch_app(static_cast<AppKind>(index)); });
  bar->addWidget(app_box_);
  bar->addWidget(new QLabel(tr("  Backend: "), bar));
  backend_box_ = new QComboBox(bar);
  backend_box_->addItem(tr("Host"), static_cast<int>(Backend::kHost));
  backend_box_->addItem(tr("Emulated Cortex-M7"), static_cast<int>(Backend::kBoard));
  backend_box_->addItem(tr("Side by side"), static_cast<int>(Backend::kBoth));
  backend_box_->setToolTip(
      tr("Run the app on the host, on the emulated Cortex-M7 board (QEMU), or on both with "
         "the same inputs, comparing every layer's output"));
  connect(backend_box_, QOverload<int>::of(&QComboBox::activated), this,
          [this](int index) { set_backend(static_cast<Backend>(index)); });
  bar->addWidget(backend_box_);
  bar->addSeparator();
  model_button_ = new QToolButton(bar);
  model_button_->setText(tr("Load model…"));
  model_button_->setToolTip(tr("Run any supported .tflite or .ttm model in this app"));
  connect(model_button_, &QToolButton::clicked, this, &MainWindow::choose_model);
  bar->addWidget(model_button_);
  bar->addSeparator();
  bar->addAction(tr("Image…"), this, &MainWindow::choose_image)
      ->setToolTip(tr("A picture file as the camera's frame"));
  bar->addAction(tr("Video…"), this, &MainWindow::choose_video)
      ->setToolTip(tr("A video file as the camera"));
  bar->addAction(tr("Webcam"), this, &MainWindow::use_webcam)
      ->setToolTip(tr("The desktop's webcam as the camera"));
  bar->addSeparator();
  bar->addAction(tr("Audio…"), this, &MainWindow::choose_audio)
      ->setToolTip(tr("A WAV/FLAC file as the microphone, played in real time"));
  bar->addAction(tr("Microphone"), this, &MainWindow::use_microphone)
      ->setToolTip(tr("The desktop's microphone"));
}

void MainWindow::show_error(const QString& title, const QString& text) {
  last_error_ = text;
  on_log_line(static_cast<int>(hal::LogLevel::kError), text);
  // Not exec(): a modal loop here would stall the queued results behind it (and the tests).
  auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
  box->setAttribute(Qt::WA_DeleteOnClose);
  box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
  shutdown_worker();
  shutdown_bridge();
  event->accept();
}

void MainWindow::shutdown_worker() {
  if (worker_ == nullptr) return;
  disconnect(worker_, nullptr, this, nullptr);
  QMetaObject::invokeMethod(worker_, &AppWorker::shutdown, Qt::QueuedConnection);
  // Keep serving this thread's events while waiting: stopping the app stops the desktop
  // microphone, which does its Qt work here (a blocking call from the worker).
  while (!worker_thread_.wait(5)) {
    QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
  }
  delete worker_;
  worker_ = nullptr;
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
  const bool press = event->type() == QEvent::KeyPress;
  if ((press || event->type() == QEvent::KeyRelease) && worker_ != nullptr && isActiveWindow()) {
    auto* key = static_cast<QKeyEvent*>(event);
    QWidget* focus = QApplication::focusWidget();
    const bool typing = qobject_cast<QLineEdit*>(focus) != nullptr ||
                        qobject_cast<QAbstractSpinBox*>(focus) != nullptr;
    if (key->key() == Qt::Key_Space && !typing) {
      if (!key->isAutoRepeat() && press != space_down_) {
        space_down_ = press;
        board_->show_button_down(press);
        emulated_->show_button_down(press);
        press_button(press);
      }
      return true;
    }
  }
  return QMainWindow::eventFilter(watched, event);
}

void MainWindow::schedule_screenshot() {
  if (options_.screenshot.isEmpty() || screenshot_scheduled_) return;
  screenshot_scheduled_ = true;
  QTimer::singleShot(options_.screenshot_delay_ms, this, &MainWindow::take_screenshot);
}

void MainWindow::take_screenshot() {
  if (screenshot_taken_) return;
  screenshot_taken_ = true;
  const bool ok = grab().save(options_.screenshot, "PNG");
  if (!ok) qCritical("cannot write the screenshot %s", qPrintable(options_.screenshot));
  shutdown_worker();
  shutdown_bridge();
  QCoreApplication::exit(ok ? 0 : 1);
}

}  // namespace tt::gui
