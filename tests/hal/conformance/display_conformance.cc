// The Display conformance tests; see display_conformance.h.
#include "tests/hal/conformance/display_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::Rect;
using tt::hal::Surface;

bool inside(const Rect& inner, const Rect& outer) {
  return inner.empty() || tt::hal::intersect(inner, outer) == inner;
}

TEST_P(DisplayConformance, SurfaceIsValidAndStable) {
  auto h = GetParam().make();
  ASSERT_NE(h.display->name(), nullptr);
  EXPECT_STRNE(h.display->name(), "");
  const Surface s = h.display->surface();
  ASSERT_TRUE(s.valid());
  const Surface t = h.display->surface();
  EXPECT_EQ(t.pixels, s.pixels);
  EXPECT_EQ(t.width, s.width);
  EXPECT_EQ(t.height, s.height);
  EXPECT_EQ(t.stride, s.stride);
  EXPECT_TRUE(h.display->dirty().empty());
}

TEST_P(DisplayConformance, MarkDirtyClipsAndUnites) {
  auto h = GetParam().make();
  const Rect bounds = h.display->surface().bounds();
  h.display->mark_dirty(Rect{});
  EXPECT_TRUE(h.display->dirty().empty());
  h.display->mark_dirty(Rect{-50, -50, 10, 10});  // wholly outside
  EXPECT_TRUE(h.display->dirty().empty());
  h.display->mark_dirty(Rect{-5, -5, 10, 10});
  EXPECT_EQ(h.display->dirty(), (Rect{0, 0, 5, 5}));
  h.display->mark_dirty(Rect{bounds.w - 3, bounds.h - 2, 100, 100});
  EXPECT_EQ(h.display->dirty(), bounds);
  EXPECT_TRUE(inside(h.display->dirty(), bounds));
}

TEST_P(DisplayConformance, FlushClearsDirtyOnlyOnSuccess) {
  auto h = GetParam().make();
  EXPECT_EQ(h.display->flush(), HalStatus::kOk);  // nothing dirty
  for (int i = 0; i < 5; ++i) {
    const Rect r{3 * i, 2 * i, 7, 5};
    h.display->mark_dirty(r);
    const Rect before = h.display->dirty();
    const HalStatus s = h.display->flush();
    ASSERT_TRUE(s == HalStatus::kOk || s == HalStatus::kTimeout || s == HalStatus::kDeviceLost)
        << tt::hal::hal_status_name(s);
    if (s == HalStatus::kOk) {
      EXPECT_TRUE(h.display->dirty().empty());
    } else {
      EXPECT_EQ(h.display->dirty(), before);
    }
  }
}

TEST_P(DisplayConformance, FlushRegionLeavesDirtyAlone) {
  auto h = GetParam().make();
  h.display->mark_dirty(Rect{1, 1, 4, 4});
  const HalStatus s = h.display->flush_region(Rect{10, 10, 20, 20});
  EXPECT_TRUE(s == HalStatus::kOk || s == HalStatus::kTimeout || s == HalStatus::kDeviceLost);
  EXPECT_EQ(h.display->dirty(), (Rect{1, 1, 4, 4}));
  EXPECT_EQ(h.display->flush_region(Rect{-100, -100, 5, 5}), HalStatus::kOk);  // nothing to show
}

TEST_P(DisplayConformance, SuccessfulFlushShowsTheFramebuffer) {
  auto h = GetParam().make();
  if (!h.shown) return;  // this backend cannot read back what it shows
  const Surface s = h.display->surface();
  const Rect r = tt::hal::intersect(Rect{5, 3, 40, 20}, s.bounds());
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) s.pixels[y * s.stride + x] = uint16_t(x * 31 + y);
  }
  h.display->mark_dirty(r);
  if (h.display->flush() != HalStatus::kOk) return;
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) ASSERT_EQ(h.shown(x, y), uint16_t(x * 31 + y));
  }
}

}  // namespace
}  // namespace tt::tests::hal
