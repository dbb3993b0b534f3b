#include "kernels/frontend/image_quantize.h"

namespace tt::kernels::frontend {
namespace {

// Written out rather than taken from libm so nothing depends on a C library's rounding.
bool is_finite(float v) { return v == v && v - v == 0.0f; }
double magnitude(double v) { return v < 0 ? -v : v; }

int8_t clamp_s8(int32_t v) { return static_cast<int8_t>(v < -128 ? -128 : (v > 127 ? 127 : v)); }

// round(x) half away from zero for |x| < 2^24 (x - trunc(x) is exact there).
int32_t round_half_away(float x) {
  int32_t t = static_cast<int32_t>(x);
  const float frac = x - static_cast<float>(t);
  if (frac >= 0.5f) ++t;
  if (frac <= -0.5f) --t;
  return t;
}

// TFLite's QUANTIZE of one real value (quantize.h), including its NaN rule.
int8_t quantize_real(float real, float scale, int32_t zero_point) {
  const float q = real / scale;
  if (q != q) return static_cast<int8_t>(zero_point);
  if (q >= 256.0f) return 127;
  if (q <= -256.0f) return -128;
  return clamp_s8(round_half_away(q) + zero_point);
}

float normalize(const PixelNormalization& n, int32_t c, uint32_t pixel) {
  const float scaled = static_cast<float>(pixel) * n.scale[c];
  return scaled + n.offset[c];
}

// True when channel c's map is pixel + m exactly: scale / input_scale = 1 and
// offset / input_scale = m, within tolerances far below the 0.5 a rounding could absorb.
bool integer_map(const PixelNormalization& n, int32_t c, float input_scale, int32_t* m) {
  const double ratio = static_cast<double>(n.scale[c]) / input_scale;
  const double shift = static_cast<double>(n.offset[c]) / input_scale;
  if (magnitude(ratio - 1.0) > 1e-5 || magnitude(shift) > 1024.0) return false;
  const int32_t nearest = static_cast<int32_t>(shift < 0 ? shift - 0.5 : shift + 0.5);
  if (magnitude(shift - nearest) > 1e-5 * (1.0 + magnitude(shift))) return false;
  *m = nearest;
  return true;
}

Status check_normalization(const PixelNormalization& n) {
  if (n.channels != 1 && n.channels != 3) return Status::kBadParameter;
  for (int32_t c = 0; c < n.channels; ++c) {
    if (!is_finite(n.scale[c]) || !is_finite(n.offset[c])) return Status::kBadParameter;
  }
  return Status::kOk;
}

Status check_count(int32_t channels, const void* in, const void* out, int32_t count) {
  if (in == nullptr || out == nullptr) return Status::kNullPointer;
  if (channels != 1 && channels != 3) return Status::kBadParameter;
  if (count < 0 || count > (1 << 30) || count % channels != 0) return Status::kBadShape;
  return Status::kOk;
}

}  // namespace

PixelNormalization unit_range_normalization(int32_t channels) {
  PixelNormalization n;
  n.channels = channels;
  return n;
}

Status mean_std_normalization(int32_t channels, const float* mean, const float* std,
                              PixelNormalization* out) {
  if (mean == nullptr || std == nullptr || out == nullptr) return Status::kNullPointer;
  if (channels != 1 && channels != 3) return Status::kBadParameter;
  PixelNormalization n;
  n.channels = channels;
  for (int32_t c = 0; c < channels; ++c) {
    if (!is_finite(mean[c]) || !is_finite(std[c]) || !(std[c] > 0.0f)) {
      return Status::kBadParameter;
    }
    n.scale[c] = 1.0f / (255.0f * std[c]);
    n.offset[c] = -mean[c] / std[c];
  }
  *out = n;
  return Status::kOk;
}

Status make_pixel_quantizer(const PixelNormalization& norm, float input_scale,
                            int32_t input_zero_point, PixelQuantizer* out) {
  if (out == nullptr) return Status::kNullPointer;
  const Status status = check_normalization(norm);
  if (status != Status::kOk) return status;
  if (!is_finite(input_scale) || !(input_scale > 0.0f) || input_zero_point < -128 ||
      input_zero_point > 127) {
    return Status::kBadQuantization;
  }
  PixelQuantizer q;
  q.channels = norm.channels;
  q.integer_exact = true;
  for (int32_t c = 0; c < norm.channels; ++c) {
    int32_t m = 0;
    if (integer_map(norm, c, input_scale, &m)) {
      for (int32_t p = 0; p < 256; ++p) q.table[c][p] = clamp_s8(p + m + input_zero_point);
      if (c > 0 && m + input_zero_point != q.offset) q.integer_exact = false;
      q.offset = m + input_zero_point;
    } else {
      q.integer_exact = false;
      for (uint32_t p = 0; p < 256; ++p) {
        q.table[c][p] = quantize_real(normalize(norm, c, p), input_scale, input_zero_point);
      }
    }
  }
  if (!q.integer_exact) q.offset = 0;
  *out = q;
  return Status::kOk;
}

Status quantize_pixels(const PixelQuantizer& q, const uint8_t* pixels, int32_t count, int8_t* out) {
  const Status status = check_count(q.channels, pixels, out, count);
  if (status != Status::kOk) return status;
  if (q.channels == 1) {
    for (int32_t i = 0; i < count; ++i) out[i] = q.table[0][pixels[i]];
    return Status::kOk;
  }
  for (int32_t i = 0; i < count; i += 3) {
    out[i] = q.table[0][pixels[i]];
    out[i + 1] = q.table[1][pixels[i + 1]];
    out[i + 2] = q.table[2][pixels[i + 2]];
  }
  return Status::kOk;
}

Status normalize_pixels(const PixelNormalization& norm, const uint8_t* pixels, int32_t count,
                        float* out) {
  Status status = check_normalization(norm);
  if (status == Status::kOk) status = check_count(norm.channels, pixels, out, count);
  if (status != Status::kOk) return status;
  for (int32_t i = 0; i < count; ++i) out[i] = normalize(norm, i % norm.channels, pixels[i]);
  return Status::kOk;
}

}  // namespace tt::kernels::frontend
