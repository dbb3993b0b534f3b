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
  setWindowTitle(tr("TinyTwin"));
  build_toolbar();

  board_ = new BoardPanel(this);
  board_->set_board_caption(tr("host backend (x86-64)"));
  auto* top = new QHBoxLayout;
  top->addWidget(board_, 0);
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

  connect(board_, &BoardPanel::button_pressed, this, [this] {
    if (worker_ != nullptr) worker_->button().press();
  });
  connect(board_, &BoardPanel::button_released, this, [this] {
    if (worker_ != nullptr) worker_->button().release();
  });
  qApp->installEventFilter(this);

  // The desktop microphone belongs to this (the GUI) thread: QAudioInput needs its event loop.
  microphone_ = options_.no_microphone
                    ? std::make_unique<hal::host::QtMicrophone>(QAudioDeviceInfo())
                    : std::make_unique<hal::host::QtMicrophone>();
  worker_ = new AppWorker(microphone_.get());
  worker_->moveToThread(&worker_thread_);
  worker_thread_.setObjectName(QStringLiteral("tinytwin app worker"));
  connect_worker();
  worker_thread_.start();

  request_.app = options_.app;
  request_.models = options_.models;
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
      QCoreApplication::quit();
    });
  }
  resize(1480, 980);
}

MainWindow::~MainWindow() {
  qApp->removeEventFilter(this);
  shutdown_worker();
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
        if (press) {
          worker_->button().press();
        } else {
          worker_->button().release();
        }
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
  QCoreApplication::exit(ok ? 0 : 1);
}

}  // namespace tt::gui
