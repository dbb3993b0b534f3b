// SteadyClock, StreamLog, CallbackLog, HostLed and QueueButton: their conformance suites,
// then thread safety and what each adds to the interface.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "hal/host/host_led.h"
#include "hal/host/queue_button.h"
#include "hal/host/steady_clock.h"
#include "hal/host/stream_log.h"
#include "tests/hal/conformance/small_devices_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::ButtonEvent;
using tt::hal::LedColour;
using tt::hal::LogLevel;
using tt::hal::host::CallbackLog;
using tt::hal::host::HostLed;
using tt::hal::host::QueueButton;
using tt::hal::host::SteadyClock;
using tt::hal::host::StreamLog;

// --- conformance ---------------------------------------------------------------------------

INSTANTIATE_TEST_SUITE_P(Host, ButtonConformance,
                         ::testing::Values(ButtonCase{
                             "queue",
                             [] {
                               auto b = std::make_shared<QueueButton>();
                               QueueButton* raw = b.get();
                               return ButtonHarness{b, [raw](bool on) { raw->set_pressed(on); }};
                             }}),
                         case_name<ButtonCase>);

INSTANTIATE_TEST_SUITE_P(
    Host, LedConformance,
    ::testing::Values(LedCase{"plain", [] { return std::make_shared<HostLed>(); }},
                      LedCase{"with_callback",
                              [] { return std::make_shared<HostLed>([](LedColour) {}); }}),
    case_name<LedCase>);

INSTANTIATE_TEST_SUITE_P(Host, ClockConformance,
                         ::testing::Values(ClockCase{"steady",
                                                     [] {
                                                       return ClockHarness{
                                                           std::make_shared<SteadyClock>(), [] {
                                                             std::this_thread::sleep_for(
                                                                 std::chrono::milliseconds(1));
                                                           }};
                                                     }}),
                         case_name<ClockCase>);

// The text of a FILE's last line without its "[level] " prefix.
std::string last_line_of(std::FILE* f) {
  std::fflush(f);
  std::rewind(f);
  std::string all;
  char chunk[256];
  for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) all.append(chunk, n);
  std::fseek(f, 0, SEEK_END);
  if (all.empty()) return "";
  if (all.back() == '\n') all.pop_back();
  std::string line = all.substr(all.rfind('\n') == std::string::npos ? 0 : all.rfind('\n') + 1);
  const size_t prefix = line.find("] ");
  return prefix == std::string::npos ? line : line.substr(prefix + 2);
}

struct FileLog {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file{std::tmpfile(), &std::fclose};
  StreamLog log{file.get(), LogLevel::kDebug};
};

LogCase stream_case(const char* label, LogLevel min) {
  return LogCase{label, [=] {
                   auto holder = std::make_shared<FileLog>();
                   holder->log.set_min_level(min);
                   std::shared_ptr<tt::hal::Log> log(holder, &holder->log);
                   return LogHarness{log, [holder] { return last_line_of(holder->file.get()); }};
                 }};
}

LogCase callback_case(const char* label, LogLevel min) {
  return LogCase{label, [=] {
                   auto last = std::make_shared<std::string>();
                   auto log = std::make_shared<CallbackLog>(
                       [last](LogLevel, const char* text) { *last = text; }, min);
                   return LogHarness{log, [last] { return *last; }};
                 }};
}

INSTANTIATE_TEST_SUITE_P(Host, LogConformance,
                         ::testing::Values(stream_case("stream_all_levels", LogLevel::kDebug),
                                           stream_case("stream_warnings", LogLevel::kWarning),
                                           callback_case("callback_all_levels", LogLevel::kDebug),
                                           callback_case("callback_errors", LogLevel::kError)),
                         case_name<LogCase>);

// --- SteadyClock ---------------------------------------------------------------------------

TEST(SteadyClock, CountsNanosecondsFromConstruction) {
  SteadyClock clock;
  EXPECT_EQ(clock.ticks_per_second(), 1000000000u);
  EXPECT_STREQ(clock.tick_meaning(), "nanoseconds (host steady clock)");
  EXPECT_LT(clock.ticks(), 1000000000u);  // it starts near 0, not at the epoch
  const uint64_t t0 = clock.ticks();
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_GE(clock.ticks() - t0, 15000000u);  // loose: sleeping never returns early by much
}

// --- StreamLog / CallbackLog ---------------------------------------------------------------

TEST(StreamLog, WritesLevelPrefixedLinesAtOrAboveTheMinimum) {
  FileLog f;
  f.log.set_min_level(LogLevel::kInfo);
  f.log.write_line(LogLevel::kDebug, "hidden");
  f.log.write_line(LogLevel::kWarning, "no camera\nsecond line");
  f.log.print(LogLevel::kError, "%d frames", 3);
  std::rewind(f.file.get());
  char buf[256] = {};
  const size_t n = std::fread(buf, 1, sizeof buf - 1, f.file.get());
  EXPECT_EQ(std::string(buf, n), "[warning] no camera\n[error] 3 frames\n");
  EXPECT_EQ(f.log.min_level(), LogLevel::kInfo);
}

TEST(StreamLog, LinesFromManyThreadsNeverInterleave) {
  FileLog f;
  constexpr int kThreads = 4, kLines = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&f, t] {
      const std::string text(60, static_cast<char>('a' + t));
      for (int i = 0; i < kLines; ++i) f.log.write_line(LogLevel::kInfo, text.c_str());
    });
  }
  for (auto& t : threads) t.join();
  std::rewind(f.file.get());
  char line[256];
  int count = 0;
  while (std::fgets(line, sizeof line, f.file.get()) != nullptr) {
    const std::string s(line);
    ASSERT_EQ(s.size(), 7u + 60u + 1u) << s;  // "[info] " + text + '\n'
    EXPECT_EQ(s.find_first_not_of(s[7], 7), 67u) << s;
    ++count;
  }
  EXPECT_EQ(count, kThreads * kLines);
}

TEST(CallbackLog, ForwardsLevelAndCutLineAndSerialisesTheSink) {
  std::atomic<int> inside{0};
  std::atomic<int> calls{0};
  std::atomic<bool> overlapped{false};
  LogLevel last_level = LogLevel::kDebug;
  std::string last_text;
  CallbackLog log(
      [&](LogLevel level, const char* text) {
        if (inside.fetch_add(1) != 0) overlapped = true;
        last_level = level;
        last_text = text;
        ++calls;
        inside.fetch_sub(1);
      },
      LogLevel::kInfo);
  log.write_line(LogLevel::kDebug, "below the minimum");
  EXPECT_EQ(calls.load(), 0);
  log.write_line(LogLevel::kWarning, "mic lost\nrest");
  EXPECT_EQ(last_level, LogLevel::kWarning);
  EXPECT_EQ(last_text, "mic lost");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&log] {
      for (int i = 0; i < 500; ++i) log.print(LogLevel::kInfo, "line %d", i);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(calls.load(), 1 + 4 * 500);
  EXPECT_FALSE(overlapped.load());
}

// --- HostLed -------------------------------------------------------------------------------

TEST(HostLed, CallsBackOncePerChangeAndTheCallbackMayReadTheLed) {
  std::vector<LedColour> seen;
  HostLed* self = nullptr;
  HostLed led([&](LedColour c) {
    seen.push_back(c);
    EXPECT_TRUE(self->colour() == c);  // reading inside the callback must not deadlock
  });
  self = &led;
  EXPECT_TRUE(led.has_colour());
  led.set_colour({10, 20, 30});
  led.set_colour({10, 20, 30});  // the same colour: no change
  led.set(false);
  led.set(false);
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_TRUE(seen[0] == (LedColour{10, 20, 30}));
  EXPECT_TRUE(seen[1].is_black());
  led.set_change_callback({});
  led.set(true);
  EXPECT_EQ(seen.size(), 2u);
  EXPECT_TRUE(led.is_on());
}

TEST(HostLed, ConcurrentSettersLeaveOneOfTheirColours) {
  std::atomic<int> changes{0};
  HostLed led([&](LedColour) { ++changes; });
  std::vector<std::thread> threads;
  for (int t = 1; t <= 4; ++t) {
    threads.emplace_back([&led, t] {
      for (int i = 0; i < 500; ++i) led.set_colour({static_cast<uint8_t>(t), 0, 0});
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_GE(led.colour().r, 1);
  EXPECT_LE(led.colour().r, 4);
  EXPECT_GE(changes.load(), 1);
}

// --- QueueButton ---------------------------------------------------------------------------

TEST(QueueButton, RepeatedStatesAreNotEdges) {
  QueueButton b;
  b.release();
  b.press();
  b.press();
  EXPECT_EQ(b.poll_event(), ButtonEvent::kPressed);
  EXPECT_EQ(b.poll_event(), ButtonEvent::kNone);
  EXPECT_EQ(b.dropped_events(), 0u);
  EXPECT_GE(QueueButton::kQueueSize, tt::hal::Button::kMinQueuedEvents);
}

TEST(QueueButton, ManyDriversAndAPollerKeepTheSpec) {
  QueueButton b;
  std::atomic<bool> done{false};
  std::atomic<uint64_t> polled{0};
  std::atomic<bool> alternated{true};
  std::thread poller([&] {
    ButtonEvent last = ButtonEvent::kReleased;
    const auto poll = [&] {
      for (ButtonEvent e; (e = b.poll_event()) != ButtonEvent::kNone;) {
        if (e == last) alternated = false;
        last = e;
        ++polled;
      }
    };
    while (!done.load()) poll();
    poll();
  });
  std::vector<std::thread> drivers;
  for (int t = 0; t < 4; ++t) {
    drivers.emplace_back([&b, t] {
      std::mt19937 rng(static_cast<unsigned>(t));
      for (int i = 0; i < 5000; ++i) b.set_pressed(rng() & 1);
    });
  }
  for (auto& t : drivers) t.join();
  done = true;
  poller.join();
  EXPECT_TRUE(alternated.load());
  // Every edge was either polled or dropped; edges alternate from "released", so their
  // number is odd exactly when the button ends up pressed.
  const uint64_t edges = polled.load() + b.dropped_events();
  EXPECT_GT(polled.load(), 0u);
  EXPECT_EQ(edges % 2 == 1, b.is_pressed());
}

}  // namespace
}  // namespace tt::tests::hal
