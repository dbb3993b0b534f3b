// tinytwin-gui's command line: what to run at start-up, where the inputs come from, and the
// two options that make the GUI scriptable for tests and demos (--screenshot, --quit-after-ms).
#pragma once

#include <QString>
#include <QStringList>

#include "gui/app_kind.h"
#include "gui/worker_request.h"

namespace tt::gui {

struct GuiOptions {
  AppKind app = AppKind::kMnistDraw;
  QStringList models;                    // per ModelSlot, in the app's order
  QString image;                         // a still picture pushed as the camera's frame
  QString video;                         // a video file or image sequence as the camera
  QString audio;                         // a WAV/FLAC file as the microphone (real time)
  QString webcam = QStringLiteral("0");  // the webcam's device index (or any OpenCV source)
  bool no_microphone = false;            // behave as if the desktop had no microphone
  Backend backend = Backend::kHost;      // where the app runs at start-up
  QString firmware;                      // the board's firmware ELF (default: the build's)
  QString plugin;                        // QEMU instruction-counter plugin; "none": off
  QString screenshot;  // write the window to this PNG shortly after the first LCD update, quit
  int screenshot_delay_ms = 1500;  // "shortly": time for the first results to arrive
  int quit_after_ms = -1;
};

// Parses the program's arguments (arguments[0] is the program). Returns false with *error
// set for a bad value; --help and --version print and exit (QCommandLineParser::process).
bool parse_gui_options(const QStringList& arguments, GuiOptions* options, QString* error);

}  // namespace tt::gui
