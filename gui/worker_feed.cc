// AppWorker: feeding the emulated board. The worker reads the camera and the microphone
// itself, only as fast as the board takes them (BoardBridge::frame_wanted(), its audio
// backlog), so nothing queues up behind the slow link; side by side it hands the host app
// the very same frame and samples through its twin devices. When the board is gone (it
// failed to start or died) the host app of "side by side" goes on alone.
#include <QImage>
#include <algorithm>

#include "gui/app_worker.h"
#include "gui/board_bridge.h"

namespace tt::gui {
namespace {

constexpr uint32_t kCameraWaitMs = 10;  // a frame-wanted read waits this long for a frame
constexpr int kAudioChunk = 1024;       // samples per read: 64 ms

// The frame as the board gets it: the centre square (the apps classify that part anyway),
// scaled to side x side, packed RGB888 rows.
QByteArray board_frame(const hal::FrameFormat& format, const uint8_t* data, int side) {
  const QImage full = frame_to_image(format, data);
  const int edge = std::min(full.width(), full.height());
  const QImage square = full.copy((full.width() - edge) / 2, (full.height() - edge) / 2, edge, edge)
                            .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                            .convertToFormat(QImage::Format_RGB888);
  QByteArray rgb(side * side * 3, '\0');
  for (int y = 0; y < side; ++y) {
    std::copy_n(square.constScanLine(y), side * 3, rgb.data() + y * side * 3);
  }
  return rgb;
}

}  // namespace

BoardConfig AppWorker::board_config(const WorkerRequest& request) const {
  BoardConfig c;
  c.serial = request.serial;
  c.app = request.app;
  c.shared_arena = request.shared_arena;
  c.frame_side = app_uses_camera(request.app) ? BoardBridge::kFrameSide : 0;
  c.microphone = app_uses_microphone(request.app);
  for (int i = 0; i < models_.count(); ++i) {
    BoardModel m;
    m.name = QString::fromStdString(models_.model(i).name);
    m.shipped = i >= request.models.size() || request.models[i].isEmpty();
    m.source = models_.model(i).source;
    c.models << m;
  }
  return c;
}

void AppWorker::start_feed() {
  twin_input_id_ = -1;
  feeding_camera_ = app_uses_camera(app_kind_) && camera_tap_.inner() != nullptr &&
                    camera_tap_.open() == hal::HalStatus::kOk;
  feeding_microphone_ = app_uses_microphone(app_kind_) && microphone_tap_.inner() != nullptr &&
                        microphone_tap_.start() == hal::HalStatus::kOk;
}

bool AppWorker::pump_inputs() {
  const BoardBridge::State s = bridge_->state();
  // Starting: the feed waits for the board, so both sides start from the same input.
  const bool alone =
      s != BoardBridge::State::kRunning && s != BoardBridge::State::kStarting && app_started_;
  bool fed = false;
  if (feeding_camera_) fed |= pump_camera(alone);
  if (feeding_microphone_) fed |= pump_microphone(alone);
  return fed;
}

bool AppWorker::pump_camera(bool alone) {
  if (!alone && !bridge_->frame_wanted()) return false;
  const hal::FrameFormat f = camera_tap_.frame_format();
  feed_buffer_.resize(hal::frame_bytes(f));
  const hal::HalStatus s =
      camera_tap_.read_frame(feed_buffer_.data(), feed_buffer_.size(), kCameraWaitMs);
  if (s != hal::HalStatus::kOk) return false;
  const QByteArray rgb = board_frame(f, feed_buffer_.data(), BoardBridge::kFrameSide);
  const int id = next_input_id_++;
  if (!alone) bridge_->feed_frame(id, rgb);
  if (app_started_ && twin_camera_) {
    twin_input_id_ = alone ? -1 : id;
    twin_camera_->push_frame(twin_camera_->frame_format(),
                             reinterpret_cast<const uint8_t*>(rgb.constData()));
  }
  return true;
}

bool AppWorker::pump_microphone(bool alone) {
  if (!alone && bridge_->state() != BoardBridge::State::kRunning) return false;
  const int room = alone ? kAudioChunk : std::min(kAudioChunk, bridge_->audio_room());
  if (room <= 0) return false;  // the link is full: a live source overruns in its own ring
  int16_t samples[kAudioChunk];
  int got = 0;
  if (microphone_tap_.read(samples, room, &got, 0) != hal::HalStatus::kOk || got == 0) {
    return false;
  }
  if (!alone) bridge_->feed_audio(samples, got);
  if (app_started_) twin_microphone_.push(samples, static_cast<size_t>(got));
  return true;
}

}  // namespace tt::gui
