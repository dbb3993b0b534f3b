// AppWorker: building what an app runs on from a request: its models and its inputs.
#include <exception>

#include "gui/app_worker.h"
#include "gui/asset_locator.h"
#include "hal/host/opencv_camera.h"
#include "hal/host/sndfile_microphone.h"

namespace tt::gui {

bool AppWorker::load_models(const WorkerRequest& request, bool app_changed) {
  const QStringList defaults = default_model_files(request.app);
  const int n = defaults.size();
  ModelSet next = models_;
  // The slots of another app mean other networks: start from empty slots then.
  if (app_changed) next = ModelSet();
  next.resize(n);
  bool changed = false;
  for (int i = 0; i < n; ++i) {
    QString path = i < request.models.size() ? request.models[i] : QString();
    if (path.isEmpty()) {
      QStringList looked;
      path = find_shipped_model(defaults[i], &looked);
      if (path.isEmpty()) {
        emit model_error(tr("The shipped model %1 was not found; looked in:\n%2")
                             .arg(defaults[i], looked.join('\n')));
        continue;
      }
    }
    if (path == next.path(i)) continue;
    try {
      next.set(i, load_model(path));
      changed = true;
    } catch (const std::exception& e) {
      // The previous model of this slot (if any) stays: a bad file never stops a working app.
      emit model_error(QString::fromUtf8(e.what()));
    }
  }
  if (!next.complete()) return false;
  models_ = std::move(next);
  models_.arrange(request.shared_arena);
  QVector<ModelDescriptionPtr> described;
  QStringList paths;
  for (int i = 0; i < models_.count(); ++i) {
    described << models_.model(i).description;
    paths << models_.path(i);
  }
  if (changed || app_changed || request.shared_arena != request_.shared_arena) {
    emit models_changed(request.serial, described);
  }
  emit model_paths(request.serial, paths);
  return true;
}

void AppWorker::setup_camera(const WorkerRequest& request) {
  camera_tap_.set_inner(nullptr);
  opencv_camera_.reset();  // the app was stopped, so nothing reads it any more
  if (!app_uses_camera(request.app)) {
    emit camera_state(InputState::kUnused, QString());
    return;
  }
  const CameraChoice& c = request.camera;
  if (c.kind == CameraChoice::Kind::kPushed) {
    pushed_camera_.set_available(true);
    camera_tap_.set_inner(&pushed_camera_);
    emit camera_state(InputState::kLive, QString());
    return;
  }
  hal::host::OpenCvCameraOptions options;
  options.source = c.source.toStdString();
  options.pacing = hal::host::Pacing::kRealTime;
  options.loop = c.kind == CameraChoice::Kind::kVideo;  // a demo video keeps playing
  opencv_camera_ = std::make_unique<hal::host::OpenCvCamera>(options);
  camera_tap_.set_inner(opencv_camera_.get());
  // Opened here to learn at once whether the device exists; the app's own open() of an open
  // camera changes nothing (tt/hal/camera.h), so the webcam is not opened twice.
  if (opencv_camera_->open() == hal::HalStatus::kOk) {
    emit camera_state(InputState::kLive, QString());
    return;
  }
  const QString why = QString::fromStdString(opencv_camera_->last_error());
  emit camera_state(InputState::kNoDevice,
                    c.kind == CameraChoice::Kind::kWebcam
                        ? tr("no webcam found: choose an image or video file")
                        : tr("cannot open the video: %1").arg(why));
  if (!why.isEmpty()) emit log_line(static_cast<int>(hal::LogLevel::kWarning), why);
}

void AppWorker::setup_microphone(const WorkerRequest& request) {
  microphone_tap_.set_inner(nullptr);
  file_microphone_.reset();
  if (!app_uses_microphone(request.app)) {
    emit microphone_state(InputState::kUnused, QString());
    return;
  }
  const MicChoice& m = request.mic;
  if (m.kind == MicChoice::Kind::kFile) {
    hal::host::SndfileMicrophoneOptions options;
    options.path = m.path.toStdString();
    options.pacing =
        m.real_time ? hal::host::Pacing::kRealTime : hal::host::Pacing::kAsFastAsPossible;
    options.lead_silence_ms = m.lead_silence_ms;
    options.trail_silence_ms = m.trail_silence_ms;
    file_microphone_ = std::make_unique<hal::host::SndfileMicrophone>(options);
    microphone_tap_.set_inner(file_microphone_.get());
  } else {
    microphone_tap_.set_inner(desktop_microphone_);
  }
  // Started here to learn whether the source exists; the app's start() of a started
  // microphone changes nothing (tt/hal/microphone.h).
  const hal::HalStatus s =
      microphone_tap_.inner() != nullptr ? microphone_tap_.start() : hal::HalStatus::kNoDevice;
  if (s == hal::HalStatus::kOk) {
    emit microphone_state(InputState::kLive, QString());
  } else if (m.kind == MicChoice::Kind::kFile) {
    emit microphone_state(InputState::kNoDevice,
                          tr("cannot read the audio file: %1")
                              .arg(QString::fromStdString(file_microphone_->last_error())));
  } else {
    emit microphone_state(InputState::kNoDevice, tr("no microphone found: choose a WAV/FLAC file"));
  }
}

}  // namespace tt::gui
