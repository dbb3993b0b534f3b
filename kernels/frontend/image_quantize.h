// Image front-end, values: 8-bit pixels to a model's int8 input. Two steps, as a trained
// model sees them: normalisation, real = pixel * scale[c] + offset[c] per channel c (e.g.
// pixel / 255, or (pixel / 255 - mean) / std), then the model input's quantization,
// q = clamp(round(real / input_scale) + zero_point, -128, 127), rounding half away from zero
// as TFLite's QUANTIZE does.
//
// Convention of the models we ship (MNIST and CIFAR-10): the input's real value is
// pixel / 255, quantized with scale 1/255 and zero point -128, so q = pixel - 128. That case
// is detected (normalisation scale / input scale = 1 and offset / input scale an integer m,
// both within 1e-5, which absorbs the float32 spelling of 1/255) and built as the integer map
// q = clamp(pixel + m + zero_point) with no floating point at all. Any other normalisation
// is evaluated in float32 (two roundings, no fused multiply-add: the file is compiled with
// -ffp-contract=off, and no libm), which is also bit-identical on the host and the M7.
//
// Since a pixel has 256 values, make_pixel_quantizer() tabulates the map once per channel;
// quantize_pixels() is then a table lookup per value, cheap enough for every camera frame.
// Pixels are interleaved (HWC): value i belongs to channel i % channels. No heap.
#pragma once

#include <cstdint>

#include "kernels/core/status.h"

namespace tt::kernels::frontend {

inline constexpr int32_t kMaxPixelChannels = 3;

struct PixelNormalization {
  int32_t channels = 1;  // 1 (grey) or 3 (RGB)
  float scale[kMaxPixelChannels] = {1.0f / 255, 1.0f / 255, 1.0f / 255};
  float offset[kMaxPixelChannels] = {0.0f, 0.0f, 0.0f};
};

// real = pixel / 255 (the convention of our shipped models).
PixelNormalization unit_range_normalization(int32_t channels);

// real = (pixel / 255 - mean[c]) / std[c]; kBadParameter unless every std is finite and > 0,
// every mean finite and channels is 1 or 3.
Status mean_std_normalization(int32_t channels, const float* mean, const float* std,
                              PixelNormalization* out);

struct PixelQuantizer {
  int32_t channels = 0;
  bool integer_exact = false;  // every channel is q = clamp(pixel + offset, -128, 127)
  int32_t offset = 0;          // meaningful when integer_exact (m + zero_point)
  int8_t table[kMaxPixelChannels][256] = {};
};

// kBadParameter for channels outside {1, 3} or a non-finite normalisation value;
// kBadQuantization unless input_scale is finite and > 0 and zero_point in [-128, 127].
Status make_pixel_quantizer(const PixelNormalization& norm, float input_scale,
                            int32_t input_zero_point, PixelQuantizer* out);

// count values (a multiple of the channel count, at most 2^30) from pixels to out.
Status quantize_pixels(const PixelQuantizer& quantizer, const uint8_t* pixels, int32_t count,
                       int8_t* out);

// The real values themselves, for a model that takes float32 input.
Status normalize_pixels(const PixelNormalization& norm, const uint8_t* pixels, int32_t count,
                        float* out);

}  // namespace tt::kernels::frontend
