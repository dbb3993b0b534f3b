// FramebufferDisplay: the Display conformance suite (reading back through copy_front()),
// then what the GUI relies on: the shown callback, the frame counter, the front buffer.
#include "hal/host/framebuffer_display.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "tests/hal/conformance/display_conformance.h"

namespace tt::tests::hal {
namespace {

using tt::hal::HalStatus;
using tt::hal::Rect;
using tt::hal::host::FramebufferDisplay;

DisplayCase display_case(const char* label, int w, int h) {
  return DisplayCase{
      label, [=] {
        auto d = std::make_shared<FramebufferDisplay>(FramebufferDisplay::ShownCallback{}, w, h);
        FramebufferDisplay* raw = d.get();
        return DisplayHarness{
            d, [raw](int x, int y) {
              std::vector<uint16_t> front(static_cast<size_t>(raw->width()) * raw->height());
              raw->copy_front(front.data(), nullptr);
              return front[static_cast<size_t>(y) * raw->width() + x];
            }};
      }};
}

INSTANTIATE_TEST_SUITE_P(Host, DisplayConformance,
                         ::testing::Values(display_case("qvga", 320, 240),
                                           display_case("small", 48, 20)),
                         case_name<DisplayCase>);

TEST(FramebufferDisplay, DefaultsToQvgaWithPackedRows) {
  FramebufferDisplay d;
  EXPECT_EQ(d.surface().width, 320);
  EXPECT_EQ(d.surface().height, 240);
  EXPECT_EQ(d.surface().stride, 320);
  EXPECT_EQ(d.frame_counter(), 0u);
}

TEST(FramebufferDisplay, FlushShowsTheDirtyRegionAndReportsIt) {
  std::vector<Rect> shown;
  FramebufferDisplay d([&](Rect r) { shown.push_back(r); });
  const auto s = d.surface();
  s.pixels[20 * 320 + 10] = 0x1234;
  s.pixels[0] = 0xFFFF;  // drawn but never marked: not shown
  d.mark_dirty(Rect{10, 20, 5, 5});
  d.mark_dirty(Rect{300, 22, 100, 2});  // clipped to the surface
  ASSERT_EQ(d.flush(), HalStatus::kOk);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0], (Rect{10, 20, 310, 5}));
  EXPECT_TRUE(d.dirty().empty());

  std::vector<uint16_t> front(320 * 240, 0xAAAA);
  uint64_t frames = 0;
  d.copy_front(front.data(), &frames);
  EXPECT_EQ(frames, 1u);
  EXPECT_EQ(front[20 * 320 + 10], 0x1234);
  EXPECT_EQ(front[0], 0);  // the front buffer starts black

  EXPECT_EQ(d.flush(), HalStatus::kOk);  // nothing dirty: no frame, no callback
  EXPECT_EQ(shown.size(), 1u);
  EXPECT_EQ(d.frame_counter(), 1u);
}

TEST(FramebufferDisplay, FlushRegionShowsAClippedRegionAndKeepsDirty) {
  std::vector<Rect> shown;
  FramebufferDisplay d([&](Rect r) { shown.push_back(r); });
  d.surface().pixels[0] = 0x0F0F;
  d.mark_dirty(Rect{100, 100, 2, 2});
  ASSERT_EQ(d.flush_region(Rect{-5, -5, 10, 10}), HalStatus::kOk);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_EQ(shown[0], (Rect{0, 0, 5, 5}));
  EXPECT_EQ(d.dirty(), (Rect{100, 100, 2, 2}));
  std::vector<uint16_t> front(320 * 240);
  d.copy_front(front.data(), nullptr);
  EXPECT_EQ(front[0], 0x0F0F);
  EXPECT_EQ(d.flush_region(Rect{400, 0, 10, 10}), HalStatus::kOk);  // outside: nothing
  EXPECT_EQ(shown.size(), 1u);
}

TEST(FramebufferDisplay, TheCallbackMayCopyTheFrontBuffer) {
  FramebufferDisplay* self = nullptr;
  uint16_t seen = 0;
  FramebufferDisplay d([&](Rect) {
    std::vector<uint16_t> front(320 * 240);
    self->copy_front(front.data(), nullptr);  // must not deadlock
    seen = front[5];
  });
  self = &d;
  d.surface().pixels[5] = 0xBEEF;
  d.mark_dirty(Rect{5, 0, 1, 1});
  ASSERT_EQ(d.flush(), HalStatus::kOk);
  EXPECT_EQ(seen, 0xBEEF);
}

TEST(FramebufferDisplay, AReaderThreadSeesWholeFrames) {
  FramebufferDisplay d;
  std::atomic<bool> done{false};
  std::atomic<bool> torn{false};
  std::thread reader([&] {
    std::vector<uint16_t> front(320 * 240);
    while (!done.load()) {
      uint64_t n = 0;
      d.copy_front(front.data(), &n);
      // Frame n fills the screen with the value n (mod 2^16): never a mix of two frames.
      const uint16_t first = front[0];
      if (n > 0 && first != static_cast<uint16_t>(n)) torn = true;
      for (size_t i = 1; i < front.size(); i += 97) {
        if (front[i] != first) torn = true;
      }
    }
  });
  const auto s = d.surface();
  for (int frame = 1; frame <= 200; ++frame) {
    std::fill(s.pixels, s.pixels + 320 * 240, static_cast<uint16_t>(frame));
    d.mark_dirty(s.bounds());
    ASSERT_EQ(d.flush(), HalStatus::kOk);
  }
  done = true;
  reader.join();
  EXPECT_FALSE(torn.load());
  EXPECT_EQ(d.frame_counter(), 200u);
}

}  // namespace
}  // namespace tt::tests::hal
