// What the GUI asks the worker to run: the app, its models, and where its camera frames and
// audio come from. Sent as a whole (a queued call with a copy), so the worker always
// restarts from one consistent description and never sees half an update.
#pragma once

#include <QString>
#include <QStringList>

#include "gui/app_kind.h"

namespace tt::gui {

struct CameraChoice {
  enum class Kind {
    kPushed,  // the drawing canvas and still pictures, pushed by the GUI
    kWebcam,  // OpenCvCamera on a device index ("0") or any other source string
    kVideo,   // OpenCvCamera on a video file or image sequence, paced and looping
  };
  Kind kind = Kind::kPushed;
  QString source;
};

struct MicChoice {
  enum class Kind {
    kDevice,  // the desktop microphone (QtMicrophone, owned by the GUI thread)
    kFile,    // SndfileMicrophone on a WAV/FLAC file
  };
  Kind kind = Kind::kDevice;
  QString path;
  bool real_time = true;  // a file plays at 16 kHz of wall-clock time (off: as fast as read)
  int lead_silence_ms = 500;
  int trail_silence_ms = 1000;
};

// Where the app runs: on the host, on the emulated Cortex-M7 board (QEMU), or on both, fed
// the same frames and samples so their results can be compared layer by layer.
enum class Backend { kHost, kBoard, kBoth };

inline QString backend_name(Backend b) {
  return b == Backend::kHost
             ? QStringLiteral("host")
             : (b == Backend::kBoard ? QStringLiteral("qemu") : QStringLiteral("both"));
}
inline bool backend_from_name(const QString& name, Backend* b) {
  for (Backend c : {Backend::kHost, Backend::kBoard, Backend::kBoth}) {
    if (name == backend_name(c)) {
      *b = c;
      return true;
    }
  }
  return false;
}

struct WorkerRequest {
  // Counts the window's requests; the worker's answers carry it, so the window can tell an
  // answer to its latest request from one to a request it has since replaced.
  int serial = 0;
  AppKind app = AppKind::kMnistDraw;
  QStringList models;  // one path per ModelSlot; "" (or missing) = the shipped default
  CameraChoice camera;
  MicChoice mic;
  bool shared_arena = true;  // multinet: one arena for both networks
  Backend backend = Backend::kHost;
};

}  // namespace tt::gui
