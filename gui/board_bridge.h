// The GUI's emulated Cortex-M7 board: a SimBoard (QEMU running tinytwin_fw) driven from a
// thread of its own, so the link's blocking writes never stall the window or the host app.
// The emulated UART carries about 25 KB/s (README), so the feed is paced by the board: a
// camera frame goes only when the board has reported on the previous one (frame_wanted()),
// audio only while less than a second of it waits to be written (feed_audio()). The worker
// reads its inputs only when the board can take them, so the host app of "side by side"
// sees exactly the frames and samples the board sees.
//
// The board boots on the first configure() and stays up across app switches; one that died
// (a crash, a hang caught by the watchdog) boots again on the next configure(). Its results
// leave as the worker's do: queued signals carrying copies (InferenceResult with on_board
// set and exact per-layer instructions when the QEMU plugin is there).
#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QObject>
#include <QString>
#include <QVector>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>

#include "gui/app_kind.h"
#include "gui/worker_types.h"
#include "sim/sim_board.h"
#include "tools/tinytwin/board_session.h"

namespace tt::tools {
struct ModelSource;
}

namespace tt::gui {

struct BoardModel {
  QString name;          // a shipped model is linked into the firmware under its name
  bool shipped = false;  // the app's shipped default (else the plan is uploaded)
  std::shared_ptr<const tools::ModelSource> source;
};

struct BoardConfig {
  int serial = 0;  // the WorkerRequest this answers
  AppKind app = AppKind::kMnistDraw;
  QVector<BoardModel> models;
  bool shared_arena = true;
  int frame_side = 0;  // camera frames of side x side RGB888; 0: the app gets no camera
  bool microphone = false;
};

// The network of an app that classifies camera frames (-1: none).
int image_network(AppKind app);

// A board report as the GUI shows it (labels by app and network, as the host's apps have).
InferenceResult make_board_result(const sim::SimReport& report, AppKind app,
                                  const link::HelloReply& info, int input_id);

class BoardBridge : public QObject {
  Q_OBJECT

 public:
  enum class State { kOff, kStarting, kRunning, kDead };
  static constexpr int kFrameSide = 32;           // 3 KB per frame: about 0.12 s on the link
  static constexpr int kMaxAudioBacklog = 16000;  // samples waiting to be written: 1 s
  // A frame the app did not classify (multinet's classifier is off) frees the feed after this.
  static constexpr int kFrameTimeoutMs = 3000;

  explicit BoardBridge(tools::BoardOptions options);
  ~BoardBridge() override;

  // Thread-safe.
  State state() const { return state_.load(); }
  QImage lcd_image();
  bool frame_wanted() const;
  // Queue the newest camera frame (side x side RGB888 rows) for the board.
  void feed_frame(int input_id, const QByteArray& rgb);
  // Queue audio for the board; false (nothing queued) when it is not running or the backlog
  // would overflow. audio_room(): how many samples it takes now.
  bool feed_audio(const int16_t* samples, int count);
  int audio_room() const { return kMaxAudioBacklog - audio_backlog_.load(); }
  void feed_button(bool pressed);
  // Marks the board as starting and queues configure(); the feed waits until it runs.
  void request(const BoardConfig& config);
  void request_stop();

 public slots:
  void shutdown();  // exits the board; call on the bridge's thread (queued), then quit it

 signals:
  void app_started(int serial, bool ok, const QString& message);
  void board_info(const QString& board, const QString& details);
  void died(const QString& why);
  void inference(const tt::gui::InferenceResult& result);
  void keyword(const tt::gui::KeywordResult& keyword);
  void app_message(const QString& text);
  void log_line(int level, const QString& text);
  void lcd_changed();
  void led_changed(const QColor& colour);

 private:
  void configure(const BoardConfig& config);
  bool boot(QString* error);
  bool start_app(const BoardConfig& config, QString* message);
  void write_frame(const QByteArray& rgb);
  void write_audio(const QVector<int16_t>& samples);
  void on_event(sim::SimBoard* board, const sim::SimEvent& e);  // the board's reader thread
  std::shared_ptr<sim::SimBoard> board() const;

  tools::BoardOptions options_;
  mutable std::mutex mutex_;  // guards board_ (replaced on a new boot)
  std::shared_ptr<sim::SimBoard> board_;
  std::atomic<State> state_{State::kOff};
  std::atomic<int> pending_{0};           // requests queued, not configured yet
  std::atomic<bool> wanted_{false};       // the worker wants the board (no stop since)
  std::atomic<int> app_{0};               // AppKind of the running app
  std::atomic<int> serial_{0};            // the request it was started for
  std::atomic<int> frame_in_flight_{-1};  // input id sent, not reported yet
  std::atomic<int64_t> frame_sent_ms_{0};
  std::atomic<int> audio_backlog_{0};
  std::atomic<bool> lcd_pending_{false};
};

}  // namespace tt::gui

Q_DECLARE_METATYPE(tt::gui::BoardConfig)
