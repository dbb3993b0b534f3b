// QtMicrophone: the Microphone conformance suite for the machine's default input device
// (on CI and in containers there is none, so that case is the no-device path) and for an
// explicitly absent device; then start()/stop() called from a worker thread, which must run
// in the owner thread through its event loop without deadlocking.
#include "hal/host/qt_microphone.h"

#include <gtest/gtest.h>

#include <QAudioDeviceInfo>
#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>
#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "tests/hal/conformance/microphone_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::host::QtMicrophone;

INSTANTIATE_TEST_SUITE_P(
    Qt, MicrophoneConformance,
    ::testing::Values(
        MicrophoneCase{"default_device", [] { return std::make_shared<QtMicrophone>(); }},
        MicrophoneCase{"no_device",
                       [] { return std::make_shared<QtMicrophone>(QAudioDeviceInfo()); }}),
    case_name<MicrophoneCase>);

TEST(QtMicrophone, NoDeviceIsReportedWithAReason) {
  QtMicrophone mic{QAudioDeviceInfo()};
  EXPECT_STREQ(mic.name(), "desktop microphone");
  EXPECT_EQ(mic.start(), HalStatus::kNoDevice);
  EXPECT_FALSE(mic.last_error().empty());
  EXPECT_EQ(mic.peak_level(), 0);
  EXPECT_EQ(mic.overrun_samples(), 0u);
  mic.stop();
}

// Runs `work` on a std::thread while this (the owner) thread serves its event loop.
template <typename F>
void on_worker_with_event_loop(F work) {
  std::atomic<bool> done{false};
  std::thread worker([&] {
    work();
    done = true;
  });
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!done.load() && std::chrono::steady_clock::now() < give_up) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
  }
  worker.join();
}

TEST(QtMicrophone, StartAndStopFromAWorkerThreadRunInTheOwnerThread) {
  for (const bool with_default_device : {false, true}) {
    QtMicrophone mic(with_default_device ? QAudioDeviceInfo::defaultInputDevice()
                                         : QAudioDeviceInfo());
    HalStatus status = HalStatus::kTimeout;
    std::vector<int16_t> samples(320);
    on_worker_with_event_loop([&] {
      status = mic.start();
      if (status == HalStatus::kOk) {
        int got = 0;
        mic.read(samples.data(), 320, &got, 100);  // any status the spec allows
      }
      mic.stop();
      mic.stop();
    });
    EXPECT_TRUE(status == HalStatus::kOk || status == HalStatus::kNoDevice)
        << tt::hal::hal_status_name(status);
    if (!with_default_device) {
      EXPECT_EQ(status, HalStatus::kNoDevice);
    }
  }
}

TEST(QtMicrophone, CapturesFromTheDefaultDeviceWhenThereIsOne) {
  QtMicrophone mic;
  if (mic.start() != HalStatus::kOk) {
    GTEST_SKIP() << "no usable audio input here: " << mic.last_error();
  }
  const QAudioFormat f = mic.capture_format();
  EXPECT_GE(f.sampleRate(), 1);
  // Capture runs on this thread's event loop: serve it while waiting for audio.
  std::vector<int16_t> samples(1600);
  int total = 0;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (total == 0 && std::chrono::steady_clock::now() < give_up) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    int got = 0;
    if (mic.read(samples.data(), 1600, &got, 0) == HalStatus::kOk) total += got;
  }
  mic.stop();
  EXPECT_GT(total, 0) << "the device started but delivered nothing in 3 s";
}

}  // namespace
}  // namespace tt::tests::hal
