#include "kernels/frontend/image_resize.h"

#include "kernels/frontend/area_resample.h"

namespace tt::kernels::frontend {
namespace {

using detail::area_resample;
using detail::decode_rgb;
using detail::luma14;

int32_t row_stride(const ImageView& v) {
  return v.stride != 0 ? v.stride : v.width * bytes_per_pixel(v.format);
}

CropRect effective_crop(const ResizeArgs& a) {
  if (a.crop.width == 0 || a.crop.height == 0) return {0, 0, a.src.width, a.src.height};
  return a.crop;
}

// Source pixels of the crop, decoded to what the output needs: RGB, or grey in 1/16384
// levels from colour (so the colour conversion adds no rounding of its own).
template <PixelFormat kFormat, int kOutChannels>
struct Fetch {
  const uint8_t* origin;  // pixel (0, 0) of the crop
  int32_t stride;
  void operator()(int32_t x, int32_t y, uint32_t* v) const {
    constexpr int32_t kBytes =
        kFormat == PixelFormat::kGray8 ? 1 : (kFormat == PixelFormat::kRgb888 ? 3 : 2);
    const uint8_t* p = origin + y * stride + x * kBytes;
    if constexpr (kFormat == PixelFormat::kGray8) {
      for (int c = 0; c < kOutChannels; ++c) v[c] = p[0];
    } else {
      uint32_t rgb[3];
      decode_rgb<kFormat>(p, rgb);
      if constexpr (kOutChannels == 1) {
        v[0] = luma14(rgb[0], rgb[1], rgb[2]);
      } else {
        v[0] = rgb[0];
        v[1] = rgb[1];
        v[2] = rgb[2];
      }
    }
  }
};

template <PixelFormat kFormat>
void resize_from(const ResizeArgs& a, const CropRect& crop) {
  const int32_t stride = row_stride(a.src);
  const uint8_t* origin = a.src.data + crop.y * stride + crop.x * bytes_per_pixel(kFormat);
  if (a.out_format == PixelFormat::kGray8) {
    const uint32_t unit = kFormat == PixelFormat::kGray8 ? 1 : 16384;
    area_resample<1>(Fetch<kFormat, 1>{origin, stride}, crop.width, crop.height, a.out_width,
                     a.out_height, unit, a.output);
  } else {
    area_resample<3>(Fetch<kFormat, 3>{origin, stride}, crop.width, crop.height, a.out_width,
                     a.out_height, 1, a.output);
  }
}

bool side_ok(int32_t v, int32_t max) { return v >= 1 && v <= max; }

}  // namespace

int32_t bytes_per_pixel(PixelFormat format) {
  switch (format) {
    case PixelFormat::kGray8:
      return 1;
    case PixelFormat::kRgb888:
      return 3;
    case PixelFormat::kRgb565:
    case PixelFormat::kRgb565BigEndian:
      return 2;
  }
  return 0;
}

int32_t channel_count(PixelFormat format) { return format == PixelFormat::kGray8 ? 1 : 3; }

CropRect centre_crop(int32_t width, int32_t height, int32_t aspect_w, int32_t aspect_h) {
  if (width <= 0 || height <= 0 || aspect_w <= 0 || aspect_h <= 0) return {};
  // 64-bit products: sides and aspects may each be large.
  int64_t w = width, h = height;
  if (static_cast<int64_t>(width) * aspect_h > static_cast<int64_t>(height) * aspect_w) {
    w = static_cast<int64_t>(height) * aspect_w / aspect_h;  // too wide: full height
  } else {
    h = static_cast<int64_t>(width) * aspect_h / aspect_w;  // too tall: full width
  }
  if (w < 1) w = 1;
  if (h < 1) h = 1;
  CropRect r;
  r.width = static_cast<int32_t>(w);
  r.height = static_cast<int32_t>(h);
  r.x = (width - r.width) / 2;
  r.y = (height - r.height) / 2;
  return r;
}

Status resize_area_validate(const ResizeArgs& a) {
  if (a.src.data == nullptr || a.output == nullptr) return Status::kNullPointer;
  const int32_t bpp = bytes_per_pixel(a.src.format);
  if (bpp == 0) return Status::kBadParameter;
  if (a.out_format != PixelFormat::kGray8 && a.out_format != PixelFormat::kRgb888) {
    return Status::kBadParameter;
  }
  if (!side_ok(a.src.width, kMaxSourceSide) || !side_ok(a.src.height, kMaxSourceSide) ||
      !side_ok(a.out_width, kMaxOutputSide) || !side_ok(a.out_height, kMaxOutputSide)) {
    return Status::kBadShape;
  }
  if (a.src.stride != 0 && a.src.stride < a.src.width * bpp) return Status::kBadShape;
  // Keeps every row offset inside int32 (and inside what a 32-bit target can address).
  if (static_cast<int64_t>(row_stride(a.src)) * a.src.height > INT32_MAX) return Status::kBadShape;
  const CropRect c = effective_crop(a);
  if (c.x < 0 || c.y < 0 || !side_ok(c.width, kMaxSourceSide) ||
      !side_ok(c.height, kMaxSourceSide) || c.width > a.src.width - c.x ||
      c.height > a.src.height - c.y) {
    return Status::kBadShape;
  }
  return Status::kOk;
}

Status resize_area(const ResizeArgs& a) {
  const Status status = resize_area_validate(a);
  if (status != Status::kOk) return status;
  const CropRect crop = effective_crop(a);
  switch (a.src.format) {
    case PixelFormat::kGray8:
      resize_from<PixelFormat::kGray8>(a, crop);
      break;
    case PixelFormat::kRgb888:
      resize_from<PixelFormat::kRgb888>(a, crop);
      break;
    case PixelFormat::kRgb565:
      resize_from<PixelFormat::kRgb565>(a, crop);
      break;
    case PixelFormat::kRgb565BigEndian:
      resize_from<PixelFormat::kRgb565BigEndian>(a, crop);
      break;
  }
  return Status::kOk;
}

}  // namespace tt::kernels::frontend
