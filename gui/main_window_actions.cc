// MainWindow: the actions that change what the worker runs (app, model, camera, microphone)
// and the file pickers that lead to them.
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QTabWidget>
#include <QToolButton>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "gui/app_worker.h"
#include "gui/asset_locator.h"
#include "gui/audio_panel.h"
#include "gui/drawing_canvas.h"
#include "gui/main_window.h"
#include "gui/prediction_bars.h"
#include "hal/host/push_camera_cv.h"

namespace tt::gui {
namespace {

QString camera_text(const CameraChoice& c) {
  switch (c.kind) {
    case CameraChoice::Kind::kPushed:
      return QObject::tr("Source: pushed frames (drawing canvas or picture file)");
    case CameraChoice::Kind::kWebcam:
      return QObject::tr("Source: webcam %1").arg(c.source);
    case CameraChoice::Kind::kVideo:
      return QObject::tr("Source: video %1").arg(QFileInfo(c.source).fileName());
  }
  return QString();
}

}  // namespace

MainWindow::InputTab MainWindow::input_tab_for(AppKind app) {
  switch (app) {
    case AppKind::kMnistDraw:
      return kDrawTab;
    case AppKind::kKws:
      return kMicrophoneTab;
    case AppKind::kCifar10Camera:
    case AppKind::kMultinet:
      return kCameraTab;
  }
  return kCameraTab;
}

void MainWindow::apply_request() {
  if (worker_ == nullptr) return;
  ++request_.serial;
  pairer_.reset();  // both apps restart: what waits for a twin never gets one
  const WorkerRequest r = request_;
  AppWorker* w = worker_;
  QMetaObject::invokeMethod(
      w, [w, r] { w->apply(r); }, Qt::QueuedConnection);
  camera_source_->setText(camera_text(request_.camera));
  audio_->set_source_text(request_.mic.kind == MicChoice::Kind::kFile
                              ? tr("Source: file %1").arg(QFileInfo(request_.mic.path).fileName())
                              : tr("Source: desktop microphone"));
}

void MainWindow::switch_app(AppKind kind) {
  if (kind == request_.app && worker_ != nullptr) return;
  request_.app = kind;
  request_.models.clear();  // each app starts with its shipped networks
  confirmed_models_.clear();
  if (kind == AppKind::kMnistDraw && request_.camera.kind == CameraChoice::Kind::kWebcam) {
    request_.camera = CameraChoice{CameraChoice::Kind::kPushed, QString()};
  } else if (kind != AppKind::kMnistDraw) {
    request_.camera = camera_choice_;
  }
  {
    const QSignalBlocker block(app_box_);
    app_box_->setCurrentIndex(static_cast<int>(kind));
  }
  predictions_->clear();
  keyword_->clear();
  inputs_->setCurrentIndex(input_tab_for(kind));
  apply_request();
}

bool MainWindow::push_picture(const QString& path) {
  if (worker_ == nullptr) return false;
  // OpenCV decodes it, as it would for the webcam backend, so a picture reaches the app the
  // same way whichever way it comes in.
  const cv::Mat image = cv::imread(path.toStdString(), cv::IMREAD_UNCHANGED);
  if (image.empty()) {
    show_error(tr("Cannot open the picture"), tr("%1 is not a picture OpenCV can read.").arg(path));
    return false;
  }
  if (!hal::host::push_image_fitted(worker_->pushed_camera(), image)) {
    show_error(tr("Cannot use the picture"), tr("%1 has an unsupported pixel layout.").arg(path));
    return false;
  }
  camera_choice_ = CameraChoice{CameraChoice::Kind::kPushed, path};
  return true;
}

bool MainWindow::open_image_file(const QString& path) {
  if (!push_picture(path)) return false;
  if (request_.app != AppKind::kKws) inputs_->setCurrentIndex(kCameraTab);
  // The pushed camera keeps its last frame and offers it again when the app (re)opens it, so
  // a picture pushed before a restart reaches the restarted app at once; an app already
  // reading pushed frames simply gets the new one.
  if (request_.camera.kind != CameraChoice::Kind::kPushed) {
    request_.camera = camera_choice_;
    apply_request();
  }
  camera_source_->setText(tr("Source: picture %1").arg(QFileInfo(path).fileName()));
  return true;
}

void MainWindow::push_canvas_frame(const QImage& frame) {
  if (worker_ == nullptr) return;
  const QImage rgb = frame.convertToFormat(QImage::Format_RGB888);
  const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                     static_cast<size_t>(rgb.bytesPerLine()));
  cv::Mat bgr;
  cv::cvtColor(view, bgr, cv::COLOR_RGB2BGR);  // OpenCV's pictures are BGR
  hal::host::push_image_fitted(worker_->pushed_camera(), bgr);
  if (request_.camera.kind != CameraChoice::Kind::kPushed) {
    request_.camera = CameraChoice{CameraChoice::Kind::kPushed, QString()};
    apply_request();
  }
}

void MainWindow::use_canvas() {
  inputs_->setCurrentIndex(kDrawTab);
  push_canvas_frame(canvas_->frame());
}

void MainWindow::open_video_file(const QString& path) {
  camera_choice_ = CameraChoice{CameraChoice::Kind::kVideo, path};
  request_.camera = camera_choice_;
  if (request_.app != AppKind::kKws) inputs_->setCurrentIndex(kCameraTab);
  apply_request();
}

void MainWindow::use_webcam() {
  camera_choice_ = CameraChoice{CameraChoice::Kind::kWebcam, options_.webcam};
  request_.camera = camera_choice_;
  if (request_.app != AppKind::kKws) inputs_->setCurrentIndex(kCameraTab);
  apply_request();
}

void MainWindow::open_audio_file(const QString& path, bool real_time) {
  request_.mic.kind = MicChoice::Kind::kFile;
  request_.mic.path = path;
  request_.mic.real_time = real_time;
  if (request_.app == AppKind::kKws) inputs_->setCurrentIndex(kMicrophoneTab);
  apply_request();
}

void MainWindow::use_microphone() {
  request_.mic = MicChoice();
  if (request_.app == AppKind::kKws) inputs_->setCurrentIndex(kMicrophoneTab);
  apply_request();
}

void MainWindow::load_model_file(const QString& path, int slot) {
  while (request_.models.size() < app_network_count(request_.app)) request_.models << QString();
  if (slot < 0 || slot >= request_.models.size()) return;
  request_.models[slot] = path;
  apply_request();
}

void MainWindow::set_shared_arena(bool shared) {
  if (request_.shared_arena == shared) return;
  request_.shared_arena = shared;
  apply_request();
}

void MainWindow::choose_model() {
  int slot = 0;
  if (app_network_count(request_.app) > 1) {
    // multinet runs two networks: ask which one the file replaces.
    QMenu menu(this);
    QAction* kws = menu.addAction(tr("Keyword network…"));
    menu.addAction(tr("Image network…"));
    QAction* chosen = menu.exec(model_button_->mapToGlobal(QPoint(0, model_button_->height())));
    if (chosen == nullptr) return;
    slot = chosen == kws ? 0 : 1;
  }
  const QString path =
      QFileDialog::getOpenFileName(this, tr("Load a model"), shipped_models_dir(),
                                   tr("TinyML models (*.tflite *.ttm);;All files (*)"));
  if (!path.isEmpty()) load_model_file(path, slot);
}

void MainWindow::choose_image() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open a picture"), QString(),
      tr("Pictures (*.png *.jpg *.jpeg *.bmp *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)"));
  if (!path.isEmpty()) open_image_file(path);
}

void MainWindow::choose_video() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open a video"), QString(),
      tr("Videos (*.mp4 *.avi *.mkv *.mov *.webm *.mjpeg);;All files (*)"));
  if (!path.isEmpty()) open_video_file(path);
}

void MainWindow::choose_audio() {
  const QString path = QFileDialog::getOpenFileName(
      this, tr("Open an audio file"), QString(), tr("Audio (*.wav *.flac *.ogg);;All files (*)"));
  if (!path.isEmpty()) open_audio_file(path);
}

}  // namespace tt::gui
