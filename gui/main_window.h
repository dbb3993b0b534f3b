// The TinyTwin window: the board (LCD, button, LED) on the left, the inputs (drawing canvas,
// camera preview with its crop box, microphone level and MFCC heat-map) in the middle, the
// prediction on the right, and below them the analysis tabs (per-layer table and chart,
// memory with the tensor-lifetime map, multinet's timeline, the model description, the log).
//
// The window owns the worker thread and talks to it only by queued calls and signals; the
// desktop microphone lives here because QAudioInput belongs to the GUI thread. Methods
// named like the toolbar's actions are what the actions call, so tests drive the same code.
#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QThread>
#include <QVector>
#include <memory>

#include "gui/gui_options.h"
#include "gui/model_description.h"
#include "gui/twin_pairer.h"
#include "gui/worker_request.h"
#include "gui/worker_types.h"

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace tt::hal::host {
class QtMicrophone;
}

namespace tt::gui {

class AppWorker;
class AudioPanel;
class BoardBridge;
class BoardPanel;
class CameraPreview;
class DrawingCanvas;
class LayerTable;
class LayerTimeChart;
class MemoryPanel;
class MultinetPanel;
class PredictionBars;

class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(const GuiOptions& options, QWidget* parent = nullptr);
  ~MainWindow() override;

  // The actions, callable from tests.
  void switch_app(AppKind kind);
  bool open_image_file(const QString& path);  // false (and a message box) when unreadable
  void open_video_file(const QString& path);
  void open_audio_file(const QString& path, bool real_time = true);
  void load_model_file(const QString& path, int slot = 0);
  void use_webcam();
  void use_microphone();
  void use_canvas();
  void set_shared_arena(bool shared);
  // Host, the emulated Cortex-M7 board, or both side by side on the same inputs.
  void set_backend(Backend backend);
  // Stops the app and the worker thread; the window stays open but inert. Idempotent.
  void shutdown_worker();

  AppKind app() const { return request_.app; }
  Backend backend() const { return request_.backend; }
  const WorkerRequest& request() const { return request_; }
  QString last_error() const { return last_error_; }
  AppWorker* worker() const { return worker_; }
  BoardPanel* board() const { return board_; }              // the host's
  BoardPanel* emulated_board() const { return emulated_; }  // the emulated Cortex-M7's
  BoardBridge* bridge() const { return bridge_; }
  QString agreement_text() const;
  DrawingCanvas* canvas() const { return canvas_; }
  CameraPreview* camera_preview() const { return camera_; }
  AudioPanel* audio_panel() const { return audio_; }
  PredictionBars* predictions() const { return predictions_; }
  LayerTable* layer_table() const { return layers_; }
  LayerTimeChart* layer_chart() const { return chart_; }
  MemoryPanel* memory_panel() const { return memory_; }
  MultinetPanel* multinet_panel() const { return multinet_; }
  QString model_info_text() const;

 signals:
  // Emitted on the GUI thread after the widgets show the new state: tests wait for these.
  void app_state_changed(const QString& app, int status);
  void inference_shown(const tt::gui::InferenceResult& result);
  void keyword_shown(const tt::gui::KeywordResult& keyword);
  void multinet_shown(const tt::gui::MultinetSnapshot& snapshot);
  void lcd_shown();
  void input_ended();
  // The emulated board: its app started (or why not), a result, a host/board pair compared.
  void board_started(bool ok, const QString& message);
  void board_inference_shown(const tt::gui::InferenceResult& result);
  void comparison_shown(const tt::gui::TwinPair& pair);
  void board_lcd_shown();

 protected:
  void closeEvent(QCloseEvent* event) override;
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  enum InputTab { kDrawTab = 0, kCameraTab = 1, kMicrophoneTab = 2 };
  static InputTab input_tab_for(AppKind app);
  // Which network's results the prediction bars show.
  static int bars_network(AppKind app);

  void build_toolbar();
  QWidget* build_inputs();
  QWidget* build_prediction();
  QWidget* build_analysis();
  void connect_worker();
  void connect_bridge();
  void shutdown_bridge();
  void update_backend_view();
  void press_button(bool down);  // the host's and the board's button: the same input
  void apply_request();
  void show_error(const QString& title, const QString& text);
  void show_network(int index);
  void update_network_choice();
  void update_status_rates(const InferenceResult& r);
  void push_canvas_frame(const QImage& frame);
  bool push_picture(const QString& path);  // into the pushed camera; errors in a message box
  void schedule_screenshot();
  void take_screenshot();
  void choose_model();
  void choose_image();
  void choose_video();
  void choose_audio();

  // Worker results.
  void on_app_started(int serial, const QString& app, int status, const QString& message);
  void on_models_changed(const QVector<ModelDescriptionPtr>& models);
  void on_model_error(const QString& message);
  void on_inference(const InferenceResult& result);
  void on_keyword(const KeywordResult& keyword);
  void on_lcd_changed();
  void on_camera_state(InputState state, const QString& message);
  void on_microphone_state(InputState state, const QString& message);
  void on_log_line(int level, const QString& text);
  void on_board_started(int serial, bool ok, const QString& message);
  void on_board_inference(const InferenceResult& result);
  void on_board_died(const QString& why);
  void show_pair(const TwinPair& pair);

  GuiOptions options_;
  WorkerRequest request_;
  QStringList confirmed_models_;  // the models the app last started with
  QString last_error_;
  CameraChoice camera_choice_;  // what camera apps other than mnist_draw use
  std::unique_ptr<hal::host::QtMicrophone> microphone_;
  QThread worker_thread_;
  AppWorker* worker_ = nullptr;
  QThread board_thread_;
  BoardBridge* bridge_ = nullptr;
  TwinPairer pairer_;

  QComboBox* app_box_ = nullptr;
  QComboBox* backend_box_ = nullptr;
  BoardPanel* emulated_ = nullptr;
  QLabel* agreement_ = nullptr;
  QToolButton* model_button_ = nullptr;
  BoardPanel* board_ = nullptr;
  QTabWidget* inputs_ = nullptr;
  DrawingCanvas* canvas_ = nullptr;
  QSpinBox* pen_ = nullptr;
  CameraPreview* camera_ = nullptr;
  QLabel* camera_source_ = nullptr;
  AudioPanel* audio_ = nullptr;
  PredictionBars* predictions_ = nullptr;
  QLabel* keyword_ = nullptr;
  QTabWidget* analysis_ = nullptr;
  QComboBox* network_box_ = nullptr;
  LayerTable* layers_ = nullptr;
  LayerTimeChart* chart_ = nullptr;
  MemoryPanel* memory_ = nullptr;
  MultinetPanel* multinet_ = nullptr;
  QPlainTextEdit* model_info_ = nullptr;
  QPlainTextEdit* log_ = nullptr;
  QLabel* latency_ = nullptr;
  QLabel* rate_ = nullptr;

  QVector<ModelDescriptionPtr> models_;
  int shown_network_ = 0;
  QElapsedTimer rate_clock_;
  QVector<qint64> recent_[2];  // times of each network's recent inferences, for the rate
  bool screenshot_scheduled_ = false;
  bool screenshot_taken_ = false;
  bool space_down_ = false;
};

}  // namespace tt::gui
