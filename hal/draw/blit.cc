// Nearest-neighbour blits. Source coordinates are computed per destination row/column in
// 64 bits from the unclipped rectangle, so clipping never shifts the picture.
#include "hal/draw/blit.h"

#include "hal/draw/colour.h"

namespace tt::hal::draw {
namespace {

int bytes_per_pixel(ImageFormat f) {
  switch (f) {
    case ImageFormat::kGrey8:
      return 1;
    case ImageFormat::kRgb888:
      return 3;
    case ImageFormat::kRgb565:
      return 2;
  }
  return 0;
}

uint16_t pixel_at(const uint8_t* p, ImageFormat f) {
  switch (f) {
    case ImageFormat::kGrey8:
      return rgb565(p[0], p[0], p[0]);
    case ImageFormat::kRgb888:
      return rgb565(p[0], p[1], p[2]);
    case ImageFormat::kRgb565:
      return static_cast<uint16_t>(p[0] | (p[1] << 8));
  }
  return 0;
}

bool valid(const Image& img) {
  const int bpp = bytes_per_pixel(img.format);
  return img.data != nullptr && bpp > 0 && img.width > 0 && img.height > 0 &&
         static_cast<long long>(img.stride_bytes) >= static_cast<long long>(img.width) * bpp;
}

}  // namespace

Image image_of_frame(const FrameFormat& f, const uint8_t* data) {
  return Image{data, f.width, f.height, f.stride_bytes,
               f.format == PixelFormat::kRgb888 ? ImageFormat::kRgb888 : ImageFormat::kRgb565};
}

Rect blit_scaled(const Surface& s, const Image& img, const Rect& dst) {
  if (!s.valid() || !valid(img) || dst.empty()) return Rect{};
  const Rect c = intersect(dst, s.bounds());
  const int bpp = bytes_per_pixel(img.format);
  for (int y = c.y; y < c.y + c.h; ++y) {
    const long long sy = (static_cast<long long>(y) - dst.y) * img.height / dst.h;
    const uint8_t* src_row = img.data + sy * img.stride_bytes;
    uint16_t* out = s.pixels + static_cast<long long>(y) * s.stride;
    for (int x = c.x; x < c.x + c.w; ++x) {
      const long long sx = (static_cast<long long>(x) - dst.x) * img.width / dst.w;
      out[x] = pixel_at(src_row + sx * bpp, img.format);
    }
  }
  return c;
}

Rect blit(const Surface& s, const Image& img, int x, int y, int scale) {
  if (scale < 1 || !valid(img)) return Rect{};
  // A blow-up past 2^30 pixels a side cannot be meant; refusing it keeps the sizes in an int.
  constexpr long long kMax = 1 << 30;
  const long long w = static_cast<long long>(img.width) * scale;
  const long long h = static_cast<long long>(img.height) * scale;
  if (w > kMax || h > kMax) return Rect{};
  return blit_scaled(s, img, Rect{x, y, static_cast<int>(w), static_cast<int>(h)});
}

}  // namespace tt::hal::draw
