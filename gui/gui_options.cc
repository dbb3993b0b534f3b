#include "gui/gui_options.h"

#include <QCommandLineParser>

namespace tt::gui {

bool parse_gui_options(const QStringList& arguments, GuiOptions* o, QString* error) {
  QCommandLineParser p;
  p.setApplicationDescription(QStringLiteral(
      "TinyTwin desktop GUI: TinyML apps on the host with their LCD, inputs, predictions, "
      "per-layer timings and memory."));
  p.addHelpOption();
  p.addVersionOption();
  QStringList names;
  for (AppKind k : kAllApps) names << app_name(k);
  const QCommandLineOption app_opt(QStringLiteral("app"),
                                   QStringLiteral("App to start: %1.").arg(names.join(", ")),
                                   QStringLiteral("NAME"), QStringLiteral("mnist_draw"));
  const QCommandLineOption model_opt(
      QStringLiteral("model"),
      QStringLiteral("A .tflite or .ttm model; repeat for the app's networks in order "
                     "(multinet: keyword, then image). Default: the shipped models."),
      QStringLiteral("PATH"));
  const QCommandLineOption image_opt(QStringLiteral("image"),
                                     QStringLiteral("A picture file as the camera's frame."),
                                     QStringLiteral("FILE"));
  const QCommandLineOption video_opt(
      QStringLiteral("video"), QStringLiteral("A video file or image sequence as the camera."),
      QStringLiteral("FILE"));
  const QCommandLineOption audio_opt(QStringLiteral("audio"),
                                     QStringLiteral("A WAV/FLAC file as the microphone."),
                                     QStringLiteral("FILE"));
  const QCommandLineOption webcam_opt(QStringLiteral("webcam"),
                                      QStringLiteral("Webcam device index (default 0)."),
                                      QStringLiteral("INDEX"), QStringLiteral("0"));
  const QCommandLineOption no_mic_opt(QStringLiteral("no-microphone"),
                                      QStringLiteral("Do not use the desktop microphone."));
  const QCommandLineOption backend_opt(
      QStringLiteral("backend"),
      QStringLiteral("Where the app runs: host, qemu (the emulated Cortex-M7 board) or both, "
                     "side by side on the same inputs."),
      QStringLiteral("WHERE"), QStringLiteral("host"));
  const QCommandLineOption firmware_opt(
      QStringLiteral("firmware"),
      QStringLiteral("The board firmware ELF (default: $TT_FIRMWARE, else the fw-mps2-an500 "
                     "build's tinytwin_fw)."),
      QStringLiteral("ELF"));
  const QCommandLineOption plugin_opt(
      QStringLiteral("plugin"),
      QStringLiteral("QEMU instruction-counter plugin for exact per-layer counts, or none "
                     "(default: $TT_QEMU_PLUGIN, else the host build's)."),
      QStringLiteral("SO"));
  const QCommandLineOption shot_opt(
      QStringLiteral("screenshot"),
      QStringLiteral("Write the window to PNG shortly after the first LCD update, then quit."),
      QStringLiteral("PNG"));
  const QCommandLineOption delay_opt(
      QStringLiteral("screenshot-delay-ms"),
      QStringLiteral("Time between the first LCD update and the screenshot (default 1500)."),
      QStringLiteral("N"), QStringLiteral("1500"));
  const QCommandLineOption quit_opt(QStringLiteral("quit-after-ms"),
                                    QStringLiteral("Quit after N milliseconds."),
                                    QStringLiteral("N"));
  p.addOptions({app_opt, model_opt, image_opt, video_opt, audio_opt, webcam_opt, no_mic_opt,
                backend_opt, firmware_opt, plugin_opt, shot_opt, delay_opt, quit_opt});
  p.process(arguments);

  if (!app_from_name(p.value(app_opt), &o->app)) {
    *error =
        QStringLiteral("unknown app '%1' (one of: %2)").arg(p.value(app_opt), names.join(", "));
    return false;
  }
  o->models = p.values(model_opt);
  if (o->models.size() > app_network_count(o->app)) {
    *error = QStringLiteral("%1 runs %2 network(s) but %3 --model options were given")
                 .arg(app_name(o->app))
                 .arg(app_network_count(o->app))
                 .arg(o->models.size());
    return false;
  }
  if (!backend_from_name(p.value(backend_opt), &o->backend)) {
    *error = QStringLiteral("unknown backend '%1' (host, qemu or both)").arg(p.value(backend_opt));
    return false;
  }
  o->firmware = p.value(firmware_opt);
  o->plugin = p.value(plugin_opt);
  o->image = p.value(image_opt);
  o->video = p.value(video_opt);
  o->audio = p.value(audio_opt);
  o->webcam = p.value(webcam_opt);
  o->no_microphone = p.isSet(no_mic_opt);
  o->screenshot = p.value(shot_opt);
  bool delay_ok = false;
  o->screenshot_delay_ms = p.value(delay_opt).toInt(&delay_ok);
  if (!delay_ok || o->screenshot_delay_ms < 0) {
    *error = QStringLiteral("--screenshot-delay-ms needs a number of milliseconds >= 0");
    return false;
  }
  if (p.isSet(quit_opt)) {
    bool ok = false;
    o->quit_after_ms = p.value(quit_opt).toInt(&ok);
    if (!ok || o->quit_after_ms < 0) {
      *error = QStringLiteral("--quit-after-ms needs a number of milliseconds >= 0");
      return false;
    }
  }
  if (!o->image.isEmpty() && !o->video.isEmpty()) {
    *error = QStringLiteral("--image and --video both choose the camera; give one");
    return false;
  }
  return true;
}

}  // namespace tt::gui
