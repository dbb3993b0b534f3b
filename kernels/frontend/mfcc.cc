// The summation orders below are part of the definition: they fix the float results, which
// must not change between the host and the firmware (see mfcc.h).
#include "kernels/frontend/mfcc.h"

#include "kernels/frontend/mfcc_tables.h"
#include "kernels/frontend/natural_log.h"
#include "kernels/frontend/real_fft.h"
#include "kernels/quant/quantize.h"

namespace tt::kernels::frontend {
namespace {

namespace tables = mfcc_tables;

static_assert(kFramesPerClip == 49, "one second gives 49 frames");
static_assert(kFrameLength <= kFftLength && kFftLength <= kMaxRealFftLength, "FFT too short");
static_assert(tables::kMelBins > 0 && tables::kLastMelBin < kSpectrumBins, "mel bins");

void log_mel_frame(const int16_t* frame, float* log_mel) {
  float buf[kFftLength + 2];
  constexpr float kScale = 1.0f / 32768.0f;  // a power of two: the scaling is exact
  for (int t = 0; t < kFrameLength; ++t) {
    buf[t] = (static_cast<float>(frame[t]) * kScale) * tables::kWindow.w[t];
  }
  for (int t = kFrameLength; t < kFftLength; ++t) buf[t] = 0.0f;
  real_fft(buf, kFftLength);  // the length is valid, so it cannot fail

  // energy[b + 1] accumulates filter b; energy[0] and energy[kMelBands + 1] catch the
  // zero-weight halves of the outermost bins, which keeps the loop free of branches.
  float energy[kMelBands + 2] = {};
  for (int i = 0; i < tables::kMelBins; ++i) {
    const float re = buf[2 * (tables::kFirstMelBin + i)];
    const float im = buf[2 * (tables::kFirstMelBin + i) + 1];
    const float power = re * re + im * im;
    const int b = tables::kMelWeights.segment[i];
    energy[b + 1] += tables::kMelWeights.rising[i] * power;
    energy[b] += tables::kMelWeights.falling[i] * power;
  }

  for (int b = 0; b < kMelBands; ++b) {
    const float e = energy[b + 1];
    log_mel[b] = natural_log(e > kLogEnergyFloor ? e : kLogEnergyFloor);
  }
}

void mfcc_frame(const int16_t* frame, float* out) {
  float log_mel[kMelBands];
  log_mel_frame(frame, log_mel);
  for (int n = 0; n < kMfccCoefficients; ++n) {
    float sum = 0.0f;
    for (int b = 0; b < kMelBands; ++b) sum += tables::kDct.basis[n][b] * log_mel[b];
    out[n] = sum;
  }
}

}  // namespace

int mfcc_frame_count(int n_samples) {
  if (n_samples < kFrameLength) return 0;
  return (n_samples - kFrameLength) / kFrameStride + 1;
}

Status compute_mfcc(const int16_t* samples, int n_samples, float* out, int out_capacity_floats) {
  if (n_samples < 0) return Status::kBadShape;
  const int frames = mfcc_frame_count(n_samples);
  if (frames > 0 && (samples == nullptr || out == nullptr)) return Status::kNullPointer;
  if (out_capacity_floats < frames * kMfccCoefficients) return Status::kBadShape;
  for (int f = 0; f < frames; ++f) {
    mfcc_frame(samples + f * kFrameStride, out + f * kMfccCoefficients);
  }
  return Status::kOk;
}

Status compute_mfcc_frame(const int16_t* frame, float* out) {
  if (frame == nullptr || out == nullptr) return Status::kNullPointer;
  mfcc_frame(frame, out);
  return Status::kOk;
}

Status compute_log_mel_frame(const int16_t* frame, float* log_mel) {
  if (frame == nullptr || log_mel == nullptr) return Status::kNullPointer;
  log_mel_frame(frame, log_mel);
  return Status::kOk;
}

void quantize_features(const float* v, int n, float scale, int32_t zero_point, int8_t* out) {
  QuantizeArgs args;
  args.size = n;
  args.scale = scale;
  args.zero_point = zero_point;
  args.input = v;
  args.output = out;
  // The model's own QUANTIZE arithmetic; invalid arguments write nothing (see mfcc.h).
  (void)quantize_ref(args);
}

}  // namespace tt::kernels::frontend
