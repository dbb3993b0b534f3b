// QtMicrophone: the desktop's microphone through QtMultimedia (QAudioInput). Apps get 16 kHz
// mono int16 whatever the device does: when it cannot capture that, the nearest format it
// offers (QAudioDeviceInfo::nearestFormat) is captured and converted: down-mixed, decoded
// from its sample type and resampled with libsamplerate (audio_convert.h).
//
// Captured audio waits in a ring of ring_ms (default 2 s) until the app reads it; read()
// waits up to timeout_ms for audio. When the app falls behind, the oldest samples are
// dropped and counted in overrun_samples() (restarted by start()).
//
// Statuses: no input device (a null QAudioDeviceInfo: none installed, no sound server, CI)
// or one that refuses to open makes start() return kNoDevice, with last_error() saying why.
// A device error while capturing (QAudio::IOError, FatalError, ...; e.g. unplugged) makes
// reads return the samples captured so far, then kDeviceLost until stop().
//
// Threads: QAudioInput belongs to the thread that creates it and is driven by that thread's
// event loop, so the microphone does all its Qt work in its owner thread, the thread that
// constructed it (the GUI thread). start() and stop() may be called from any thread: from
// another thread they run in the owner thread and block until done, so the owner thread
// must be running its event loop then (it must not be waiting for the caller). read(),
// overrun_samples(), peak_level() and last_error() may be called from any thread without
// the event loop. Destroy the microphone in its owner thread (or stop() it first).
#pragma once

#include <QAudio>
#include <QAudioDeviceInfo>
#include <QAudioFormat>
#include <QObject>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "hal/host/audio_convert.h"
#include "hal/host/sample_ring.h"
#include "tt/hal/microphone.h"

class QAudioInput;

namespace tt::hal::host {

class QtMicrophone final : public Microphone {
 public:
  static constexpr int kDefaultRingMs = 2000;

  // A null `device` (QAudioDeviceInfo()) is a microphone that is never there.
  explicit QtMicrophone(const QAudioDeviceInfo& device = QAudioDeviceInfo::defaultInputDevice(),
                        int ring_ms = kDefaultRingMs);
  ~QtMicrophone();
  QtMicrophone(const QtMicrophone&) = delete;
  QtMicrophone& operator=(const QtMicrophone&) = delete;

  const char* name() const override { return "desktop microphone"; }
  int sample_rate_hz() const override { return kSampleRateHz; }
  HalStatus start() override;
  HalStatus read(int16_t* out, int max_samples, int* got, uint32_t timeout_ms) override;
  uint32_t overrun_samples() const override { return ring_.overrun_samples(); }
  void stop() override;

  std::string last_error() const;
  // The largest |sample| (0..32767) of the latest captured block (a few ms), for a level
  // meter; 0 while stopped.
  int peak_level() const { return peak_.load(); }
  // What the device captures (valid while started): 16 kHz mono int16 unless converted.
  QAudioFormat capture_format() const;
  const QAudioDeviceInfo& device() const { return device_; }

 private:
  class Sink;
  friend class Sink;

  template <typename F>
  void run_in_owner_thread(F f);
  HalStatus start_in_owner_thread();
  void stop_in_owner_thread();
  void on_state_changed(QAudio::State state);
  void deliver(const char* data, int64_t bytes);  // from Sink, in the owner thread
  void set_error(std::string error);

  const QAudioDeviceInfo device_;
  QObject owner_;  // its thread affinity is the owner thread
  SampleRing ring_;
  std::atomic<bool> started_{false};
  std::atomic<int> peak_{0};
  mutable std::mutex mutex_;  // error_ and format_
  std::string error_;
  QAudioFormat format_;

  // Owner thread only.
  std::unique_ptr<Sink> sink_;
  std::unique_ptr<QAudioInput> input_;
  std::unique_ptr<MonoResampler> resampler_;
  PcmEncoding encoding_ = PcmEncoding::kInt16;
  int channels_ = 1;
  std::vector<char> pending_;  // bytes of a frame split between two deliveries
  std::vector<float> decoded_;
  std::vector<int16_t> converted_;
};

}  // namespace tt::hal::host
