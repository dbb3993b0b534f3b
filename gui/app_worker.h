// The worker that runs an app: it lives on its own QThread and owns the app, its models and
// its HAL backends (except the desktop microphone, whose QAudioInput belongs to the GUI
// thread). A zero-interval QTimer steps the app with a short timeout, so between two steps
// the thread's event loop handles the GUI's requests (a new app, model or input) and the
// window never waits for an inference.
//
// Results leave by queued signals carrying copies (InferenceResult, QImage, QVector, ...);
// nothing the GUI receives points into the app. The GUI reaches the devices that are
// thread-safe by design (the pushed camera, the button, the LCD's front buffer) directly.
//
// Every request restarts the app: stop() first (devices closed, nothing running), then the
// models that changed are loaded, the inputs built and the app started again.
//
// On the emulated board (Backend kBoard / kBoth) the worker feeds the BoardBridge instead:
// it reads the camera and microphone itself, only as fast as the board takes them, and
// hands every frame (cut to the board's small square) and every sample to the board and,
// side by side, the very same ones to the host app through twin devices (worker_feed.cc).
#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QRect>
#include <QVector>
#include <atomic>
#include <memory>

#include "apps/common/app.h"
#include "gui/camera_tap.h"
#include "gui/microphone_tap.h"
#include "gui/model_set.h"
#include "gui/worker_request.h"
#include "gui/worker_types.h"
#include "hal/host/framebuffer_display.h"
#include "hal/host/host_led.h"
#include "hal/host/push_camera.h"
#include "hal/host/push_microphone.h"
#include "hal/host/queue_button.h"
#include "hal/host/steady_clock.h"
#include "hal/host/stream_log.h"

class QTimer;

namespace tt::apps {
class MnistDrawApp;
class Cifar10CameraApp;
class KwsApp;
class MultinetApp;
}  // namespace tt::apps

namespace tt::hal::host {
class OpenCvCamera;
class SndfileMicrophone;
}  // namespace tt::hal::host

namespace tt::gui {

class BoardBridge;
struct BoardConfig;

class AppWorker : public QObject, private apps::AppListener {
  Q_OBJECT

 public:
  static constexpr uint32_t kStepTimeoutMs = 20;
  // After a step that found no usable input, wait this long before the next one.
  static constexpr int kIdleIntervalMs = 50;
  // After a step that returned at once without input (the app only polled), this long.
  static constexpr int kPollIntervalMs = 5;

  // desktop_microphone: owned by the GUI thread, may be null; outlives the worker. bridge:
  // the emulated board (its own thread), may be null (host only); outlives the worker.
  explicit AppWorker(hal::Microphone* desktop_microphone, BoardBridge* bridge = nullptr);
  ~AppWorker() override;

  // Thread-safe, for the GUI thread.
  hal::host::PushCamera& pushed_camera() { return pushed_camera_; }
  hal::host::QueueButton& button() { return button_; }
  QImage lcd_image();  // a copy of the LCD's front buffer (RGB565)

 public slots:
  void apply(const tt::gui::WorkerRequest& request);
  // Stops the app and closes every device, then ends the worker's thread.
  void shutdown();

 signals:
  // serial: the WorkerRequest answered.
  void app_started(int serial, const QString& app, int status, const QString& message);
  void models_changed(int serial, const QVector<tt::gui::ModelDescriptionPtr>& models);
  // After every request: the files the app's slots hold (a model that failed to load left
  // its slot as it was).
  void model_paths(int serial, const QStringList& paths);
  void model_error(const QString& message);
  void inference(const tt::gui::InferenceResult& result);
  void keyword(const tt::gui::KeywordResult& keyword);
  void app_message(const QString& text);
  void log_line(int level, const QString& text);
  void lcd_changed();
  void led_changed(const QColor& colour);
  void camera_frame(const QImage& frame, const QRect& crop);
  void camera_state(tt::gui::InputState state, const QString& message);
  void microphone_state(tt::gui::InputState state, const QString& message);
  void audio_level(int peak);
  void mfcc_window(const QVector<float>& features);
  void multinet_snapshot(const tt::gui::MultinetSnapshot& snapshot);
  void input_ended();

 private slots:
  void step_once();

 private:
  void on_inference(const apps::InferenceReport& report) override;
  void on_keyword(const apps::KeywordReport& keyword) override;
  void on_message(const char* text) override;

  void stop_app();
  bool load_models(const WorkerRequest& request, bool app_changed);
  void setup_camera(const WorkerRequest& request);
  void setup_microphone(const WorkerRequest& request);
  apps::App* make_app(AppKind kind);
  apps::AppStatus start_app();
  void publish_side_data(bool force);
  void report_input_endings();
  MultinetSnapshot multinet_state() const;
  // The emulated board's feed (worker_feed.cc).
  BoardConfig board_config(const WorkerRequest& request) const;
  void start_feed();
  bool pump_inputs();  // true when something was fed
  bool pump_camera(bool alone);
  bool pump_microphone(bool alone);

  // Devices (thread-safe ones are used from the GUI thread too).
  hal::host::SteadyClock clock_;
  hal::host::CallbackLog log_;
  hal::host::FramebufferDisplay display_;
  hal::host::QueueButton button_;
  hal::host::HostLed led_;
  hal::host::PushCamera pushed_camera_;
  hal::Microphone* desktop_microphone_;
  std::unique_ptr<hal::host::OpenCvCamera> opencv_camera_;
  std::unique_ptr<hal::host::SndfileMicrophone> file_microphone_;
  CameraTap camera_tap_;
  MicrophoneTap microphone_tap_;
  hal::Board board_;
  std::atomic<bool> lcd_pending_{false};

  // The app (one of the four, created on demand) and its networks.
  WorkerRequest request_;
  ModelSet models_;
  std::unique_ptr<apps::MnistDrawApp> mnist_;
  std::unique_ptr<apps::Cifar10CameraApp> cifar10_;
  std::unique_ptr<apps::KwsApp> kws_;
  std::unique_ptr<apps::MultinetApp> multinet_;
  apps::App* app_ = nullptr;
  AppKind app_kind_ = AppKind::kMnistDraw;
  bool running_ = false;      // the worker steps (the host app, the board's feed or both)
  bool app_started_ = false;  // the host app was start()ed

  // The emulated board's feed and the host app's twin devices (side by side).
  BoardBridge* bridge_;
  std::unique_ptr<hal::host::PushCamera> twin_camera_;
  hal::host::PushMicrophone twin_microphone_;
  bool feeding_camera_ = false;
  bool feeding_microphone_ = false;
  std::vector<uint8_t> feed_buffer_;
  int next_input_id_ = 0;
  int twin_input_id_ = -1;  // the frame the host twin got last

  QTimer* step_timer_;
  QElapsedTimer since_preview_, since_level_, since_snapshot_;
  bool multinet_was_running_ = false;
  bool end_reported_ = false;
  hal::HalStatus camera_terminal_ = hal::HalStatus::kOk;
  hal::HalStatus microphone_terminal_ = hal::HalStatus::kOk;
};

}  // namespace tt::gui
