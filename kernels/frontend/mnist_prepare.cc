#include "kernels/frontend/mnist_prepare.h"

#include "kernels/frontend/area_resample.h"

namespace tt::kernels::frontend {
namespace {

// Ink level of canvas pixels relative to (x0, y0): grey, inverted for dark ink, with the
// background threshold applied.
template <PixelFormat kFormat>
struct InkFetch {
  const uint8_t* data;
  int32_t stride;
  int32_t x0, y0;
  bool dark;
  uint32_t threshold;

  uint32_t ink(int32_t x, int32_t y) const {
    constexpr int32_t kBytes =
        kFormat == PixelFormat::kGray8 ? 1 : (kFormat == PixelFormat::kRgb888 ? 3 : 2);
    const uint8_t* p = data + (y0 + y) * stride + (x0 + x) * kBytes;
    uint32_t v = p[0];
    if constexpr (kFormat != PixelFormat::kGray8) {
      uint32_t rgb[3];
      detail::decode_rgb<kFormat>(p, rgb);
      v = (detail::luma14(rgb[0], rgb[1], rgb[2]) + 8192) >> 14;
    }
    if (dark) v = 255 - v;
    return v > threshold ? v : 0;
  }
  void operator()(int32_t x, int32_t y, uint32_t* v) const { v[0] = ink(x, y); }
};

int32_t floor_div(int32_t a, int32_t b) {  // b > 0
  const int32_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

// round(kMnistCentre - moment / mass), halves up, kept inside [0, limit].
int32_t centring_offset(int32_t moment, int32_t mass, int32_t limit) {
  const int32_t offset = floor_div(2 * (kMnistCentre * mass - moment) + mass, 2 * mass);
  return offset < 0 ? 0 : (offset > limit ? limit : offset);
}

template <PixelFormat kFormat>
void prepare(const ImageView& canvas, const MnistPrepareOptions& o, uint8_t* out,
             MnistPrepareResult* r) {
  const int32_t stride =
      canvas.stride != 0 ? canvas.stride : canvas.width * bytes_per_pixel(canvas.format);
  InkFetch<kFormat> fetch{canvas.data, stride, 0, 0, o.dark_ink, o.ink_threshold};

  int32_t left = canvas.width, right = -1, top = canvas.height, bottom = -1;
  for (int32_t y = 0; y < canvas.height; ++y) {
    for (int32_t x = 0; x < canvas.width; ++x) {
      if (fetch.ink(x, y) == 0) continue;
      if (x < left) left = x;
      if (x > right) right = x;
      if (y < top) top = y;
      bottom = y;
    }
  }
  if (right < 0) {
    r->empty = true;
    return;
  }
  const int32_t w = right - left + 1, h = bottom - top + 1;
  r->ink = {left, top, w, h};
  // The larger side becomes 20; the other keeps the aspect, rounded half up, at least 1.
  int32_t dw = kMnistDigitBox, dh = kMnistDigitBox;
  if (w >= h) {
    dh = (2 * kMnistDigitBox * h + w) / (2 * w);
  } else {
    dw = (2 * kMnistDigitBox * w + h) / (2 * h);
  }
  if (dw < 1) dw = 1;
  if (dh < 1) dh = 1;

  uint8_t digit[kMnistDigitBox * kMnistDigitBox];
  fetch.x0 = left;
  fetch.y0 = top;
  detail::area_resample<1>(fetch, w, h, dw, dh, 1, digit);

  int32_t mass = 0, moment_x = 0, moment_y = 0;
  for (int32_t y = 0; y < dh; ++y) {
    for (int32_t x = 0; x < dw; ++x) {
      const int32_t v = digit[y * dw + x];
      mass += v;
      moment_x += v * x;
      moment_y += v * y;
    }
  }
  r->digit_width = dw;
  r->digit_height = dh;
  if (mass == 0) {  // ink too faint to survive the resampling
    r->empty = true;
    return;
  }
  r->offset_x = centring_offset(moment_x, mass, kMnistSide - dw);
  r->offset_y = centring_offset(moment_y, mass, kMnistSide - dh);
  for (int32_t y = 0; y < dh; ++y) {
    for (int32_t x = 0; x < dw; ++x) {
      out[(r->offset_y + y) * kMnistSide + r->offset_x + x] = digit[y * dw + x];
    }
  }
}

}  // namespace

MnistPrepareResult mnist_prepare(const ImageView& canvas, const MnistPrepareOptions& options,
                                 uint8_t* out) {
  MnistPrepareResult r;
  // The canvas checks are resize_area's: same formats, sizes and stride rules.
  ResizeArgs check;
  check.src = canvas;
  check.output = out;
  check.out_width = kMnistSide;
  check.out_height = kMnistSide;
  check.out_format = PixelFormat::kGray8;
  r.status = resize_area_validate(check);
  if (r.status != Status::kOk) return r;
  for (int32_t i = 0; i < kMnistSide * kMnistSide; ++i) out[i] = 0;
  switch (canvas.format) {
    case PixelFormat::kGray8:
      prepare<PixelFormat::kGray8>(canvas, options, out, &r);
      break;
    case PixelFormat::kRgb888:
      prepare<PixelFormat::kRgb888>(canvas, options, out, &r);
      break;
    case PixelFormat::kRgb565:
      prepare<PixelFormat::kRgb565>(canvas, options, out, &r);
      break;
    case PixelFormat::kRgb565BigEndian:
      prepare<PixelFormat::kRgb565BigEndian>(canvas, options, out, &r);
      break;
  }
  return r;
}

}  // namespace tt::kernels::frontend
