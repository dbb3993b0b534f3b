#include "apps/common/keyword_detector.h"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace tt::apps {
namespace {

constexpr int kClasses = 12;
constexpr int kYes = 2;
constexpr int kNo = 3;

// int8 softmax output with probability p256/256 on `cls` and the rest spread evenly.
std::array<int8_t, kClasses> window(int cls, int p256) {
  std::array<int8_t, kClasses> s{};
  const int rest = (256 - p256) / (kClasses - 1);
  for (int k = 0; k < kClasses; ++k) s[k] = static_cast<int8_t>((k == cls ? p256 : rest) - 128);
  return s;
}

KeywordDetector detector(int windows = 3, int threshold = 180) {
  KeywordDetector d;
  KeywordDetectorConfig c;
  c.average_windows = windows;
  c.threshold = threshold;
  c.suppression_ms = 1000;
  EXPECT_TRUE(d.configure(c));
  return d;
}

// Feeds windows every 250 ms; returns the reported keywords in order.
std::vector<int> run(KeywordDetector& d, const std::vector<std::array<int8_t, kClasses>>& ws) {
  std::vector<int> out;
  int32_t t = 0;
  for (const auto& w : ws) {
    const KeywordEvent e = d.update(w.data(), t += 250);
    if (e.keyword >= 0) out.push_back(e.keyword);
  }
  return out;
}

TEST(KeywordDetector, AWordSeenByFourWindowsIsReportedOnce) {
  KeywordDetector d = detector();
  auto silence = window(0, 250);
  auto yes = window(kYes, 240);
  EXPECT_EQ(run(d, {silence, silence, yes, yes, yes, yes, silence, silence}),
            std::vector<int>({kYes}));
}

TEST(KeywordDetector, OneFlickeringWindowIsNotReported) {
  KeywordDetector d = detector();
  auto silence = window(0, 250);
  EXPECT_TRUE(run(d, {silence, silence, window(kNo, 255), silence, silence}).empty());
}

TEST(KeywordDetector, TheSameWordSpokenTwiceIsReportedTwice) {
  KeywordDetector d = detector();
  auto s = window(0, 250);
  auto yes = window(kYes, 240);
  EXPECT_EQ(run(d, {yes, yes, yes, s, s, s, s, yes, yes, yes}), std::vector<int>({kYes, kYes}));
}

TEST(KeywordDetector, AWordHeldLongerThanTheSuppressionTimeIsStillReportedOnce) {
  KeywordDetector d = detector();
  auto yes = window(kYes, 240);
  EXPECT_EQ(run(d, std::vector<std::array<int8_t, kClasses>>(12, yes)), std::vector<int>({kYes}));
}

TEST(KeywordDetector, AnotherWordRightAfterIsReported) {
  KeywordDetector d = detector(2);
  auto yes = window(kYes, 240);
  auto no = window(kNo, 240);
  EXPECT_EQ(run(d, {yes, yes, no, no}), std::vector<int>({kYes, kNo}));
}

TEST(KeywordDetector, SilenceAndUnknownAreNeverReported) {
  KeywordDetector d = detector();
  EXPECT_TRUE(run(d, std::vector<std::array<int8_t, kClasses>>(6, window(0, 256))).empty());
  EXPECT_TRUE(run(d, std::vector<std::array<int8_t, kClasses>>(6, window(1, 256))).empty());
}

TEST(KeywordDetector, BelowTheThresholdNothingIsReported) {
  KeywordDetector d = detector(3, 200);
  EXPECT_TRUE(run(d, std::vector<std::array<int8_t, kClasses>>(6, window(kYes, 190))).empty());
  const KeywordEvent e = d.update(window(kYes, 190).data(), 5000);
  EXPECT_EQ(e.best, kYes);
  EXPECT_NEAR(e.score, 190, 1);
}

TEST(KeywordDetector, RejectsBadConfigurations) {
  KeywordDetector d;
  KeywordDetectorConfig c;
  c.classes = KeywordDetector::kMaxClasses + 1;
  EXPECT_FALSE(d.configure(c));
  c = KeywordDetectorConfig();
  c.average_windows = 0;
  EXPECT_FALSE(d.configure(c));
  c = KeywordDetectorConfig();
  c.threshold = 256;
  EXPECT_FALSE(d.configure(c));
  c = KeywordDetectorConfig();
  c.silence_class = 12;
  EXPECT_FALSE(d.configure(c));
  EXPECT_TRUE(d.configure(KeywordDetectorConfig()));
}

TEST(KeywordDetector, ResetForgetsTheHistory) {
  KeywordDetector d = detector();
  auto yes = window(kYes, 240);
  d.update(yes.data(), 0);
  d.update(yes.data(), 250);
  d.reset();
  EXPECT_EQ(d.windows_seen(), 0);
  EXPECT_LT(d.update(yes.data(), 500).keyword, 0);  // needs 3 windows again
}

}  // namespace
}  // namespace tt::apps
