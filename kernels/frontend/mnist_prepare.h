// Image front-end for a hand-drawn digit: turns a canvas of any size into a 28x28 grey image
// prepared the way the MNIST digits were, so a model trained on MNIST sees what it was
// trained on. As described by the MNIST creators: the ink's bounding box is scaled,
// preserving its aspect ratio, so that its larger side is 20 pixels, with anti-aliasing
// (here the exact AREA resampling of image_resize.h), and placed in a 28x28 field so that
// the centre of mass of its pixel values lies at the centre, (14, 14) in pixel-index
// coordinates: the digit is shifted by round(14 - centroid), rounding halves up. The shift
// is limited so the digit stays inside the field (it never cuts ink); only strokes whose
// centroid is more than 4 pixels from their box's centre are then left off-centre.
//
// Ink is bright on dark, as in MNIST; dark_ink inverts a dark-on-light canvas first. A
// colour canvas is converted to grey (BT.601, as resize_area). Values at or below
// ink_threshold are background (0), which keeps faint noise out of the bounding box.
// An empty canvas, or ink too faint to survive the resampling, gives 28x28 zeros and
// empty = true. No heap; about 400 bytes of stack.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"
#include "kernels/frontend/image_resize.h"

namespace tt::kernels::frontend {

inline constexpr int32_t kMnistSide = 28;
inline constexpr int32_t kMnistDigitBox = 20;
inline constexpr int32_t kMnistCentre = 14;

struct MnistPrepareOptions {
  bool dark_ink = false;      // dark ink on a light canvas
  uint8_t ink_threshold = 0;  // ink values (after inversion) <= this are background
};

struct MnistPrepareResult {
  Status status = Status::kOk;
  bool empty = false;
  CropRect ink;             // bounding box of the ink on the canvas
  int32_t digit_width = 0;  // the scaled digit, larger side 20
  int32_t digit_height = 0;
  int32_t offset_x = 0;  // where its top-left corner went in the 28x28 field
  int32_t offset_y = 0;
};

// canvas: any format and size of image_resize.h (1..16384 per side); out: 28*28 bytes.
MnistPrepareResult mnist_prepare(const ImageView& canvas, const MnistPrepareOptions& options,
                                 uint8_t* out);

}  // namespace tt::kernels::frontend
