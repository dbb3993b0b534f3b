// 4-D tensor dimensions in NHWC order, the only layout the kernels use.
#pragma once

#include <cstdint>

namespace tt::kernels {

// Largest size of one dimension; keeps every element count and offset inside int32.
inline constexpr int32_t kMaxDim = 1 << 15;

struct Dims4 {
  int32_t n = 1, h = 1, w = 1, c = 1;

  constexpr int32_t count() const { return n * h * w * c; }
  constexpr int32_t at(int i) const { return i == 0 ? n : i == 1 ? h : i == 2 ? w : c; }
  constexpr bool operator==(const Dims4& o) const {
    return n == o.n && h == o.h && w == o.w && c == o.c;
  }
  constexpr bool operator!=(const Dims4& o) const { return !(*this == o); }
};

// True when every dimension is in [1, kMaxDim] and the element count fits in int32.
constexpr bool dims_valid(const Dims4& d) {
  if (d.n < 1 || d.h < 1 || d.w < 1 || d.c < 1) return false;
  if (d.n > kMaxDim || d.h > kMaxDim || d.w > kMaxDim || d.c > kMaxDim) return false;
  const int64_t count = int64_t{d.n} * d.h * d.w * d.c;
  return count <= (int64_t{1} << 30);
}

constexpr int32_t offset(const Dims4& d, int32_t n, int32_t h, int32_t w, int32_t c) {
  return ((n * d.h + h) * d.w + w) * d.c + c;
}

}  // namespace tt::kernels
