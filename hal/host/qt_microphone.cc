#include "hal/host/qt_microphone.h"

#include <QAudioInput>
#include <QIODevice>
#include <QMetaObject>
#include <QThread>
#include <algorithm>
#include <cassert>
#include <cstdlib>
#include <utility>

namespace tt::hal::host {
namespace {

// The sample encoding of a format we can convert, or false.
bool encoding_of(const QAudioFormat& f, PcmEncoding* e) {
  if (f.codec() != QLatin1String("audio/pcm") || f.byteOrder() != QAudioFormat::LittleEndian ||
      f.channelCount() < 1 || f.sampleRate() < 1) {
    return false;
  }
  const int bits = f.sampleSize();
  switch (f.sampleType()) {
    case QAudioFormat::UnSignedInt:
      *e = PcmEncoding::kUInt8;
      return bits == 8;
    case QAudioFormat::SignedInt:
      *e = bits == 16 ? PcmEncoding::kInt16 : PcmEncoding::kInt32;
      return bits == 16 || bits == 32;
    case QAudioFormat::Float:
      *e = PcmEncoding::kFloat32;
      return bits == 32;
    default:
      return false;
  }
}

std::string describe(const QAudioFormat& f) {
  return std::to_string(f.sampleRate()) + " Hz, " + std::to_string(f.channelCount()) +
         " channel(s), " + std::to_string(f.sampleSize()) + "-bit " + f.codec().toStdString();
}

}  // namespace

// Pull-mode target of QAudioInput: it writes what it captured, we convert and queue it.
class QtMicrophone::Sink final : public QIODevice {
 public:
  explicit Sink(QtMicrophone* mic) : mic_(mic) {}

 protected:
  qint64 readData(char*, qint64) override { return -1; }
  qint64 writeData(const char* data, qint64 len) override {
    mic_->deliver(data, len);
    return len;
  }

 private:
  QtMicrophone* mic_;
};

QtMicrophone::QtMicrophone(const QAudioDeviceInfo& device, int ring_ms)
    : device_(device),
      ring_(static_cast<size_t>(std::max(ring_ms, 1)) * kSampleRateHz / 1000 + 1) {}

QtMicrophone::~QtMicrophone() { stop(); }

template <typename F>
void QtMicrophone::run_in_owner_thread(F f) {
  if (QThread::currentThread() == owner_.thread()) {
    f();  // a blocking queued call to our own thread would deadlock
  } else {
    QMetaObject::invokeMethod(&owner_, std::move(f), Qt::BlockingQueuedConnection);
  }
}

HalStatus QtMicrophone::start() {
  HalStatus s = HalStatus::kNoDevice;
  run_in_owner_thread([this, &s] { s = start_in_owner_thread(); });
  return s;
}

void QtMicrophone::stop() {
  run_in_owner_thread([this] { stop_in_owner_thread(); });
}

HalStatus QtMicrophone::read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) {
  assert(started_.load());
  return ring_.read(out, max_samples, got, timeout_ms);
}

std::string QtMicrophone::last_error() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return error_;
}

QAudioFormat QtMicrophone::capture_format() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return format_;
}

void QtMicrophone::set_error(std::string error) {
  std::lock_guard<std::mutex> lock(mutex_);
  error_ = std::move(error);
}

HalStatus QtMicrophone::start_in_owner_thread() {
  if (input_) return HalStatus::kOk;
  if (device_.isNull()) {
    set_error("no audio input device");
    return HalStatus::kNoDevice;
  }
  QAudioFormat want;
  want.setSampleRate(kSampleRateHz);
  want.setChannelCount(1);
  want.setSampleSize(16);
  want.setSampleType(QAudioFormat::SignedInt);
  want.setByteOrder(QAudioFormat::LittleEndian);
  want.setCodec(QStringLiteral("audio/pcm"));
  const QAudioFormat format = device_.isFormatSupported(want) ? want : device_.nearestFormat(want);
  const std::string device_name = "audio input '" + device_.deviceName().toStdString() + "'";
  if (!encoding_of(format, &encoding_)) {
    set_error(device_name + ": no format we can convert (nearest: " + describe(format) + ")");
    return HalStatus::kNoDevice;
  }
  channels_ = format.channelCount();
  resampler_ = std::make_unique<MonoResampler>(format.sampleRate(), channels_);
  if (!resampler_->ok()) {
    set_error(device_name + ": " + resampler_->error());
    resampler_.reset();
    return HalStatus::kNoDevice;
  }
  pending_.clear();
  ring_.reset();
  peak_.store(0);
  sink_ = std::make_unique<Sink>(this);
  sink_->open(QIODevice::WriteOnly);
  input_ = std::make_unique<QAudioInput>(device_, format);
  QObject::connect(input_.get(), &QAudioInput::stateChanged, &owner_,
                   [this](QAudio::State state) { on_state_changed(state); });
  input_->start(sink_.get());
  if (input_->error() != QAudio::NoError || input_->state() == QAudio::StoppedState) {
    set_error(device_name + ": it refused to start (QAudio error " +
              std::to_string(static_cast<int>(input_->error())) + ")");
    stop_in_owner_thread();
    return HalStatus::kNoDevice;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    error_.clear();
    format_ = format;
  }
  started_.store(true);
  return HalStatus::kOk;
}

void QtMicrophone::stop_in_owner_thread() {
  started_.store(false);
  if (input_) {
    QObject::disconnect(input_.get(), nullptr, &owner_, nullptr);  // our stop is no error
    input_->stop();
    input_.reset();
  }
  if (sink_) {
    sink_->close();
    sink_.reset();
  }
  resampler_.reset();
  peak_.store(0);
}

void QtMicrophone::on_state_changed(QAudio::State state) {
  if (!input_ || state != QAudio::StoppedState || input_->error() == QAudio::NoError) return;
  set_error("audio input '" + device_.deviceName().toStdString() + "' failed (QAudio error " +
            std::to_string(static_cast<int>(input_->error())) + ")");
  ring_.mark_lost();
}

void QtMicrophone::deliver(const char* data, int64_t bytes) {
  if (!resampler_) return;
  pending_.insert(pending_.end(), data, data + bytes);
  const size_t frame_bytes = static_cast<size_t>(pcm_bytes(encoding_)) * channels_;
  const size_t frames = pending_.size() / frame_bytes;
  if (frames == 0) return;
  decoded_.resize(frames * channels_);
  decode_pcm(reinterpret_cast<const uint8_t*>(pending_.data()), decoded_.size(), encoding_,
             decoded_.data());
  pending_.erase(pending_.begin(),
                 pending_.begin() + static_cast<std::ptrdiff_t>(frames * frame_bytes));
  converted_.clear();
  resampler_->push(decoded_.data(), frames, &converted_);
  if (converted_.empty()) return;
  int peak = 0;
  for (const int16_t s : converted_) peak = std::max(peak, std::abs(static_cast<int>(s)));
  peak_.store(std::min(peak, 32767));
  ring_.push(converted_.data(), converted_.size());
}

}  // namespace tt::hal::host
