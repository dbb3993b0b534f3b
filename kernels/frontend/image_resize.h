// Image front-end, geometry: a centre crop and an AREA resize (a box filter with fractional
// coverage, the same definition as OpenCV's INTER_AREA) from an 8-bit camera, LCD or file
// image to a model's input size, e.g. 32x32 RGB for CIFAR-10 or 28x28 grey for MNIST.
//
// The arithmetic is exact integer arithmetic, so the host and the Cortex-M7 produce the
// same bytes: along an axis of S source and D output pixels (reduced by their gcd to S'/D'),
// output pixel d covers source units [d*S', (d+1)*S') where a source pixel is D' units wide,
// so every coverage weight is an integer and the weights of one output pixel sum to S'.
// out = floor((sum of wx*wy*value) / (Sx'*Sy') + 1/2) for each channel (round half up),
// which for a 2x reduction is (a+b+c+d+2)/4, and an image of one colour stays that colour.
// Enlarging with the same definition gives nearest-neighbour with blended seams (what
// INTER_AREA does when it enlarges).
//
// Formats: interleaved grey (1 byte), RGB888 (R,G,B bytes) and RGB565 (16-bit words, either
// byte order; 5/6-bit fields widened by bit replication, v<<3|v>>2 and v<<2|v>>4). Output is
// interleaved grey or RGB888. Colour to grey uses OpenCV's BT.601 weights (4899 R + 9617 G +
// 1868 B) / 16384 inside the box sum, so there is one rounding; grey to RGB repeats the value.
//
// Ranges (checked): source and crop sizes 1..16384, output sizes 1..4096, the crop inside
// the image, stride >= width * bytes per pixel. No heap, no scratch.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels::frontend {

enum class PixelFormat : uint8_t {
  kGray8 = 0,
  kRgb888 = 1,
  kRgb565 = 2,           // little-endian words: a uint16_t in memory on x86 and Cortex-M
  kRgb565BigEndian = 3,  // the byte order many camera sensors and SPI LCDs send
};

int32_t bytes_per_pixel(PixelFormat format);  // 0 for a value outside the enum
int32_t channel_count(PixelFormat format);    // 1 for grey, 3 for the colour formats

struct ImageView {
  const uint8_t* data = nullptr;
  int32_t width = 0, height = 0;
  int32_t stride = 0;  // bytes from one row to the next; 0 means width * bytes_per_pixel
  PixelFormat format = PixelFormat::kRgb888;
};

struct CropRect {
  int32_t x = 0, y = 0, width = 0, height = 0;
};

inline constexpr int32_t kMaxSourceSide = 16384;
inline constexpr int32_t kMaxOutputSide = 4096;

// The largest rectangle of aspect aspect_w:aspect_h centred in a width x height image
// (a square by default); odd margins put the extra pixel on the right/bottom. Returns an
// empty rectangle when an argument is not positive.
CropRect centre_crop(int32_t width, int32_t height, int32_t aspect_w = 1, int32_t aspect_h = 1);

struct ResizeArgs {
  ImageView src;
  CropRect crop;  // the part of src to resize; width or height 0 means all of src
  uint8_t* output = nullptr;
  int32_t out_width = 0, out_height = 0;
  PixelFormat out_format = PixelFormat::kRgb888;  // kGray8 or kRgb888, rows packed
};

Status resize_area_validate(const ResizeArgs& args);
Status resize_area(const ResizeArgs& args);

}  // namespace tt::kernels::frontend
