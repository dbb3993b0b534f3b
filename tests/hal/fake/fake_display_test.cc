// FakeDisplay: the Display conformance suite, then dirty tracking and scripted failures.
#include "hal/fake/fake_display.h"

#include <gtest/gtest.h>

#include "tests/hal/conformance/display_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::Rect;
using tt::hal::fake::FakeDisplay;

DisplayCase fake_case(const char* label, int w, int h, int stride, int fail_from,
                      HalStatus fail = HalStatus::kOk) {
  return DisplayCase{label, [=] {
                       auto d = std::make_shared<FakeDisplay>(w, h, stride);
                       if (fail_from >= 0) d->fail_from(fail_from, fail);
                       FakeDisplay* raw = d.get();
                       return DisplayHarness{d, [raw](int x, int y) { return raw->shown(x, y); }};
                     }};
}

INSTANTIATE_TEST_SUITE_P(Fake, DisplayConformance,
                         ::testing::Values(fake_case("qvga", 320, 240, 0, -1),
                                           fake_case("small_padded", 100, 50, 128, -1),
                                           fake_case("times_out_from_flush_2", 64, 64, 0, 2,
                                                     HalStatus::kTimeout),
                                           fake_case("lost", 64, 64, 0, 0, HalStatus::kDeviceLost)),
                         case_name<DisplayCase>);

TEST(FakeDisplay, DefaultsToQvga) {
  FakeDisplay d;
  EXPECT_EQ(d.surface().width, 320);
  EXPECT_EQ(d.surface().height, 240);
  EXPECT_EQ(d.surface().stride, 320);
}

TEST(FakeDisplay, SendsOnlyTheDirtyBoundingBox) {
  auto d = std::make_unique<FakeDisplay>();
  d->surface().pixels[0] = 0xFFFF;  // drawn but never marked: not sent
  d->surface().pixels[20 * 320 + 10] = 0x1234;
  d->mark_dirty(Rect{10, 20, 5, 5});
  d->mark_dirty(Rect{30, 22, 2, 2});
  ASSERT_EQ(d->flush(), HalStatus::kOk);
  ASSERT_EQ(d->flush_count(), 1);
  EXPECT_EQ(d->flushed(0), (Rect{10, 20, 22, 5}));
  EXPECT_EQ(d->pixels_sent(), 22 * 5);
  EXPECT_EQ(d->shown(10, 20), 0x1234);
  EXPECT_EQ(d->shown(0, 0), 0);
  EXPECT_EQ(d->flush(), HalStatus::kOk);  // nothing dirty: nothing sent
  EXPECT_EQ(d->flush_count(), 1);
}

TEST(FakeDisplay, FailedFlushKeepsTheRegionForTheRetry) {
  auto d = std::make_unique<FakeDisplay>();
  d->fail_from(0, HalStatus::kTimeout);
  d->mark_dirty(Rect{1, 2, 3, 4});
  EXPECT_EQ(d->flush(), HalStatus::kTimeout);
  EXPECT_EQ(d->dirty(), (Rect{1, 2, 3, 4}));
  EXPECT_EQ(d->flush_count(), 0);
  d->fail_from(-1, HalStatus::kOk);
  EXPECT_EQ(d->flush(), HalStatus::kOk);
  EXPECT_EQ(d->flushed(0), (Rect{1, 2, 3, 4}));
}

TEST(FakeDisplay, KeepsTheLastRegions) {
  auto d = std::make_unique<FakeDisplay>();
  for (int i = 0; i < FakeDisplay::kMaxRecorded + 10; ++i) {
    ASSERT_EQ(d->flush_region(Rect{i % 300, 0, 1, 1}), HalStatus::kOk);
  }
  EXPECT_EQ(d->flush_count(), FakeDisplay::kMaxRecorded + 10);
  EXPECT_EQ(d->flushed(FakeDisplay::kMaxRecorded + 9),
            (Rect{FakeDisplay::kMaxRecorded + 9, 0, 1, 1}));
  EXPECT_EQ(d->flushed(10), (Rect{10, 0, 1, 1}));
}

}  // namespace
}  // namespace tt::tests::hal
