#include "hal/fake/fake_display.h"

#include "hal/fake/fake_check.h"

namespace tt::hal::fake {

FakeDisplay::FakeDisplay(int width, int height, int stride)
    : width_(width), height_(height), stride_(stride == 0 ? width : stride) {
  TT_FAKE_CHECK(width > 0 && height > 0 && stride_ >= width &&
                    static_cast<long long>(stride_) * height <= kMaxPixels,
                "FakeDisplay: size does not fit");
}

void FakeDisplay::mark_dirty(const Rect& r) {
  dirty_ = bounding_union(dirty_, intersect(r, Rect{0, 0, width_, height_}));
}

HalStatus FakeDisplay::flush() {
  if (dirty_.empty()) return HalStatus::kOk;
  const HalStatus s = send(dirty_);
  if (s == HalStatus::kOk) dirty_ = Rect{};
  return s;
}

HalStatus FakeDisplay::flush_region(const Rect& r) {
  const Rect c = intersect(r, Rect{0, 0, width_, height_});
  return c.empty() ? HalStatus::kOk : send(c);
}

void FakeDisplay::fail_from(int index, HalStatus status) {
  TT_FAKE_CHECK(index < 0 || status == HalStatus::kTimeout || status == HalStatus::kDeviceLost,
                "FakeDisplay: a flush fails with kTimeout or kDeviceLost");
  fail_from_ = index;
  fail_status_ = status;
}

Rect FakeDisplay::flushed(int i) const {
  const int first = flushes_ > kMaxRecorded ? flushes_ - kMaxRecorded : 0;
  TT_FAKE_CHECK(i >= first && i < flushes_, "FakeDisplay::flushed(): index not recorded");
  return recorded_[i % kMaxRecorded];
}

HalStatus FakeDisplay::send(const Rect& r) {
  const int attempt = attempts_++;
  if (fail_from_ >= 0 && attempt >= fail_from_) return fail_status_;
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) shown_[y * stride_ + x] = pixels_[y * stride_ + x];
  }
  recorded_[flushes_ % kMaxRecorded] = r;
  ++flushes_;
  pixels_sent_ += static_cast<long long>(r.w) * r.h;
  return HalStatus::kOk;
}

}  // namespace tt::hal::fake
