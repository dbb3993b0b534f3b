// The inputs and cases of frontend_vectors.h. Every input is made with integer arithmetic
// only (an LCG, phase accumulators, integer geometry), so the inputs are the same bytes on
// every target and any difference in a CRC comes from the front-end itself.
#include "tests/kernels/frontend_vectors/frontend_vectors.h"

#include <cstdio>
#include <cstring>

#include "kernels/core/crc32.h"
#include "kernels/core/status.h"
#include "kernels/frontend/image_quantize.h"
#include "kernels/frontend/image_resize.h"
#include "kernels/frontend/mfcc.h"
#include "kernels/frontend/mnist_prepare.h"
#include "kernels/frontend/natural_log.h"
#include "kernels/frontend/real_fft.h"

namespace tt::tests {
namespace {

namespace fe = kernels::frontend;
using kernels::Status;

// Numerical Recipes' 32-bit LCG. Its high bits are the usable ones.
class Lcg {
 public:
  explicit Lcg(uint32_t seed) : state_(seed) {}
  uint32_t next() {
    state_ = state_ * 1664525u + 1013904223u;
    return state_;
  }
  int32_t noise16() { return static_cast<int32_t>(next() >> 16) - 32768; }  // [-32768, 32767]
  uint32_t byte() { return next() >> 24; }

 private:
  uint32_t state_;
};

// Without %llu: newlib-nano's printf has no long long.
const char* decimal(uint64_t v, char (&buf)[21]) {
  char* p = buf + 20;
  *p = '\0';
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  return p;
}

class Report {
 public:
  explicit Report(FrontendClock clock) : clock_(clock) {}

  void crc(const char* name, const void* data, int32_t bytes) {
    ++cases_;
    std::printf("frontend %s crc %08lx\n", name,
                static_cast<unsigned long>(kernels::crc32(0, data, bytes)));
  }
  // False (and the case reported as failed) unless s is kOk.
  bool ok(const char* name, Status s) {
    if (s == Status::kOk) return true;
    ++cases_;
    ++failed_;
    std::printf("frontend %s error %s\n", name, kernels::status_name(s));
    return false;
  }
  uint64_t now() const { return clock_ != nullptr ? clock_() : 0; }
  void cost(const char* name, uint64_t instructions) const {
    if (clock_ == nullptr) return;
    char buf[21];
    std::printf("frontend_cost %s instructions %s\n", name, decimal(instructions, buf));
  }
  int32_t cases() const { return cases_; }
  int32_t failed() const { return failed_; }

 private:
  FrontendClock clock_;
  int32_t cases_ = 0;
  int32_t failed_ = 0;
};

// ---- Audio ----------------------------------------------------------------------------

constexpr int32_t kClip = fe::kClipSamples;
// The keyword spotters' input quantization (assets/models/kws_dscnn.md).
constexpr float kFeatureScale = 0.51436353f;
constexpr int32_t kFeatureZeroPoint = 42;

int16_t g_clip[kClip];
float g_features[fe::kClipFeatures];
int8_t g_features_q8[fe::kClipFeatures];
float g_fft[fe::kFftLength + 2];
constexpr int32_t kLogSweep = 4096;
float g_log_in[kLogSweep];
float g_log_out[kLogSweep];

int16_t saturate16(int32_t v) {
  return static_cast<int16_t>(v > 32767 ? 32767 : (v < -32768 ? -32768 : v));
}

// Triangle wave of a 32-bit phase, in [-32767, 32767]: a tone without libm.
int32_t triangle(uint32_t phase) {
  const int32_t p = static_cast<int32_t>(phase >> 16);
  return 2 * (p < 32768 ? p : 65535 - p) - 32767;
}

// Phase increment per sample of a tone of hz at 16 kHz.
uint32_t phase_step(uint32_t hz) {
  return static_cast<uint32_t>((uint64_t{hz} << 32) / fe::kSampleRate);
}

void make_silence(int16_t* x) { std::memset(x, 0, sizeof(int16_t) * kClip); }

// 400 Hz at both rails: the largest energies the MFCC can see, odd harmonics up to 8 kHz.
void make_square(int16_t* x) {
  for (int32_t n = 0; n < kClip; ++n) x[n] = static_cast<int16_t>((n / 20) % 2 ? -32768 : 32767);
}

// A microphone's DC bias with nothing else: energy only in the lowest bins, the rest of the
// mel bands at or near the log floor.
void make_dc(int16_t* x) {
  for (int32_t n = 0; n < kClip; ++n) x[n] = 12000;
}

void make_noise(int16_t* x) {
  Lcg rng(0x0A0D1Eu);
  for (int32_t n = 0; n < kClip; ++n) x[n] = static_cast<int16_t>(rng.noise16());
}

// A triangle tone sweeping linearly from 50 Hz to 7950 Hz over the second.
void make_chirp(int16_t* x) {
  uint32_t phase = 0;
  for (int32_t n = 0; n < kClip; ++n) {
    x[n] = static_cast<int16_t>(triangle(phase) * 3 / 4);
    // (50 + 7900 n / 16000) Hz as a phase step, in 64 bits.
    const uint64_t hz_times_rate = uint64_t{50} * fe::kSampleRate + uint64_t{7900} * n;
    phase += static_cast<uint32_t>((hz_times_rate << 32) /
                                   (uint64_t{fe::kSampleRate} * fe::kSampleRate));
  }
}

// Four 250 ms "syllables": a gliding 100-180 Hz glottal pulse train shaping three formant
// tones (a different vowel each), 20 ms ramps, pauses with faint breath noise, and a
// fricative noise burst in the second pause.
void make_speech(int16_t* x) {
  constexpr uint32_t kF1[4] = {700, 300, 500, 400};
  constexpr uint32_t kF2[4] = {1200, 2300, 1000, 1900};
  constexpr uint32_t kF3[4] = {2600, 3000, 2500, 2800};
  Lcg rng(0x5EEC4u);
  uint32_t pitch = 0, f1 = 0, f2 = 0, f3 = 0;
  for (int32_t n = 0; n < kClip; ++n) {
    const int32_t slot = n / 4000;
    const int32_t t = n % 4000;
    int32_t env = 0;  // 0..256
    if (t < 320) {
      env = t * 256 / 320;
    } else if (t < 2880) {
      env = 256;
    } else if (t < 3200) {
      env = (3200 - t) * 256 / 320;
    }
    pitch += phase_step(100 + static_cast<uint32_t>(n) / 200);
    f1 += phase_step(kF1[slot]);
    f2 += phase_step(kF2[slot]);
    f3 += phase_step(kF3[slot]);
    const int32_t glottal = 256 - static_cast<int32_t>(pitch >> 24);  // decays each period
    const int32_t vowel = (triangle(f1) * 8 + triangle(f2) * 4 + triangle(f3) * 2) / 14;
    const int32_t voiced = vowel * glottal / 256 * env / 256 * 3 / 4;
    const int32_t noise = rng.noise16();
    const int32_t fricative = (slot == 1 && t >= 3200) ? noise / 4 : 0;
    x[n] = saturate16(voiced + fricative + noise / 128);
  }
}

struct Clip {
  const char* mfcc_case;
  const char* q8_case;
  void (*make)(int16_t*);
};

// The speech-like clip comes last: its MFCC is the one whose cost is printed, and the
// log-mel case reads it afterwards.
constexpr Clip kClips[] = {
    {"audio_silence_mfcc_f32", "audio_silence_mfcc_q8", make_silence},
    {"audio_square_full_scale_mfcc_f32", "audio_square_full_scale_mfcc_q8", make_square},
    {"audio_dc_offset_mfcc_f32", "audio_dc_offset_mfcc_q8", make_dc},
    {"audio_lcg_noise_mfcc_f32", "audio_lcg_noise_mfcc_q8", make_noise},
    {"audio_chirp_mfcc_f32", "audio_chirp_mfcc_q8", make_chirp},
    {"audio_speech_like_mfcc_f32", "audio_speech_like_mfcc_q8", make_speech},
};

void audio_cases(Report& r) {
  for (const Clip& clip : kClips) {
    clip.make(g_clip);
    const uint64_t start = r.now();
    const Status s = fe::compute_mfcc(g_clip, kClip, g_features, fe::kClipFeatures);
    const uint64_t instructions = r.now() - start;
    if (!r.ok(clip.mfcc_case, s)) {
      r.ok(clip.q8_case, s);  // its input is missing too
      continue;
    }
    r.crc(clip.mfcc_case, g_features, sizeof(g_features));
    fe::quantize_features(g_features, fe::kClipFeatures, kFeatureScale, kFeatureZeroPoint,
                          g_features_q8);
    r.crc(clip.q8_case, g_features_q8, sizeof(g_features_q8));
    if (clip.make == make_speech) {
      r.cost("mfcc_1s_clip_49_frames", instructions);
      r.cost("mfcc_per_frame", instructions / fe::kFramesPerClip);
    }
  }

  // The stage before the DCT, on a voiced frame of the speech-like clip (still in g_clip).
  float log_mel[fe::kMelBands];
  if (r.ok("audio_speech_like_log_mel_frame",
           fe::compute_log_mel_frame(g_clip + 12 * fe::kFrameStride, log_mel))) {
    r.crc("audio_speech_like_log_mel_frame", log_mel, sizeof(log_mel));
  }

  // The FFT alone on full-range noise (int16 / 2^15 is exact in float).
  Lcg rng(0xFF7u);
  for (int32_t i = 0; i < fe::kFftLength; ++i) {
    g_fft[i] = static_cast<float>(rng.noise16()) * (1.0f / 32768.0f);
  }
  if (r.ok("real_fft_noise_1024", fe::real_fft(g_fft, fe::kFftLength))) {
    r.crc("real_fft_noise_1024", g_fft, sizeof(g_fft));
  }

  // The logarithm alone on positive finite floats of every exponent, subnormals included
  // (bit patterns below that of +infinity), plus the log floor and 1.
  for (int32_t i = 0; i < kLogSweep; ++i) {
    const uint32_t bits = rng.next() % 0x7F800000u;
    std::memcpy(&g_log_in[i], &bits, sizeof(bits));
  }
  g_log_in[0] = fe::kLogEnergyFloor;
  g_log_in[1] = 1.0f;
  for (int32_t i = 0; i < kLogSweep; ++i) g_log_out[i] = fe::natural_log(g_log_in[i]);
  r.crc("natural_log_sweep_4096", g_log_out, sizeof(g_log_out));
}

// ---- Images ---------------------------------------------------------------------------

constexpr int32_t kCamW = 320, kCamH = 240;
constexpr int32_t kSide = 32;
constexpr int32_t kRgbW = 97, kRgbH = 73;
constexpr int32_t kCanvasW = 240, kCanvasH = 180;
constexpr int32_t kRingSide = 240;
constexpr int32_t kSmallW = 20, kSmallH = 15;
constexpr int32_t kLargeW = 64, kLargeH = 48;

uint8_t g_camera[kCamW * kCamH * 2];
uint8_t g_rgb32[kSide * kSide * 3];
uint8_t g_grey32[kSide * kSide];
int8_t g_q8[kSide * kSide * 3];
float g_normalized[kSide * kSide * 3];
uint8_t g_rgb888[kRgbW * kRgbH * 3];
uint8_t g_grey28[fe::kMnistSide * fe::kMnistSide];
int8_t g_grey28_q8[fe::kMnistSide * fe::kMnistSide];
uint8_t g_canvas[kRingSide * kRingSide];
uint8_t g_small[kSmallW * kSmallH];
uint8_t g_large[kLargeW * kLargeH * 3];

// A camera-like RGB565 frame (little-endian words): colour gradients, a saturated disc, dim
// blocks and sensor noise in the low bits.
void make_camera() {
  Lcg rng(0xCA3E7Au);
  for (int32_t y = 0; y < kCamH; ++y) {
    for (int32_t x = 0; x < kCamW; ++x) {
      uint32_t r = static_cast<uint32_t>(x * 31 / (kCamW - 1));
      uint32_t g = static_cast<uint32_t>(y * 63 / (kCamH - 1));
      uint32_t b = static_cast<uint32_t>(((x ^ y) >> 3) & 31);
      const int32_t dx = x - 170, dy = y - 110;
      if (dx * dx + dy * dy < 60 * 60) {
        r = 31;
        g = 40;
        b = 4;
      }
      if ((x / 40 + y / 40) % 5 == 0) g /= 4;
      const uint32_t n = rng.next() >> 29;
      g = g + (n & 3) > 63 ? 63 : g + (n & 3);
      r = r + (n >> 2) > 31 ? 31 : r + (n >> 2);
      const uint32_t v = r << 11 | g << 5 | b;
      uint8_t* p = g_camera + 2 * (y * kCamW + x);
      p[0] = static_cast<uint8_t>(v & 0xFF);
      p[1] = static_cast<uint8_t>(v >> 8);
    }
  }
}

fe::ResizeArgs resize_args(const fe::ImageView& src, const fe::CropRect& crop, uint8_t* out,
                           int32_t width, int32_t height, fe::PixelFormat format) {
  fe::ResizeArgs a;
  a.src = src;
  a.crop = crop;
  a.output = out;
  a.out_width = width;
  a.out_height = height;
  a.out_format = format;
  return a;
}

// The CIFAR-10 path: 320x240 camera -> centre square -> 32x32 RGB888 -> int8, with the
// shipped models' pixel / 255 convention (integer map) and with a mean/std normalisation
// (float map), and the float normalised values themselves.
void camera_cases(Report& r) {
  make_camera();
  const fe::ImageView frame{g_camera, kCamW, kCamH, 0, fe::PixelFormat::kRgb565};
  const fe::CropRect crop = fe::centre_crop(kCamW, kCamH);
  fe::PixelQuantizer unit;
  const Status unit_status =
      fe::make_pixel_quantizer(fe::unit_range_normalization(3), 1.0f / 255, -128, &unit);

  const uint64_t start = r.now();
  const Status resized =
      fe::resize_area(resize_args(frame, crop, g_rgb32, kSide, kSide, fe::PixelFormat::kRgb888));
  const uint64_t after_resize = r.now();
  const Status quantized = unit_status == Status::kOk
                               ? fe::quantize_pixels(unit, g_rgb32, sizeof(g_rgb32), g_q8)
                               : unit_status;
  const uint64_t end = r.now();

  if (r.ok("camera565_crop_32x32_rgb", resized)) {
    r.crc("camera565_crop_32x32_rgb", g_rgb32, sizeof(g_rgb32));
  }
  if (r.ok("camera565_32x32_q8_unit", quantized)) {
    r.crc("camera565_32x32_q8_unit", g_q8, sizeof(g_q8));
  }
  r.cost("camera_resize_32x32", after_resize - start);
  r.cost("camera_quantize_32x32", end - after_resize);
  r.cost("camera_resize_quantize_32x32", end - start);

  constexpr float kMean[3] = {0.4914f, 0.4822f, 0.4465f};
  constexpr float kStd[3] = {0.2470f, 0.2435f, 0.2616f};
  fe::PixelNormalization norm;
  fe::PixelQuantizer q;
  Status s = fe::mean_std_normalization(3, kMean, kStd, &norm);
  if (s == Status::kOk) s = fe::make_pixel_quantizer(norm, 0.0161f, -4, &q);
  if (s == Status::kOk) s = fe::quantize_pixels(q, g_rgb32, sizeof(g_rgb32), g_q8);
  if (r.ok("camera565_32x32_q8_mean_std", s)) {
    r.crc("camera565_32x32_q8_mean_std", g_q8, sizeof(g_q8));
  }
  s = fe::normalize_pixels(norm, g_rgb32, sizeof(g_rgb32), g_normalized);
  if (r.ok("camera565_32x32_f32_mean_std", s)) {
    r.crc("camera565_32x32_f32_mean_std", g_normalized, sizeof(g_normalized));
  }

  // The same frame as a big-endian sensor sends it, to 32x32 grey.
  for (int32_t i = 0; i < kCamW * kCamH * 2; i += 2) {
    const uint8_t lo = g_camera[i];
    g_camera[i] = g_camera[i + 1];
    g_camera[i + 1] = lo;
  }
  const fe::ImageView big_endian{g_camera, kCamW, kCamH, 0, fe::PixelFormat::kRgb565BigEndian};
  s = fe::resize_area(
      resize_args(big_endian, crop, g_grey32, kSide, kSide, fe::PixelFormat::kGray8));
  if (r.ok("camera565be_crop_32x32_grey", s)) {
    r.crc("camera565be_crop_32x32_grey", g_grey32, sizeof(g_grey32));
  }
}

// RGB888 of odd size (no integer ratio on either axis) to 28x28 grey, then the MNIST
// models' int8 input (pixel / 255, scale 1/255, zero point -128).
void rgb888_cases(Report& r) {
  Lcg rng(0x888u);
  for (int32_t y = 0; y < kRgbH; ++y) {
    for (int32_t x = 0; x < kRgbW; ++x) {
      uint8_t* p = g_rgb888 + 3 * (y * kRgbW + x);
      const bool band = (x + y) % 23 < 5;
      p[0] = static_cast<uint8_t>(band ? 255 : x * 255 / (kRgbW - 1));
      p[1] = static_cast<uint8_t>(band ? 255 : y * 255 / (kRgbH - 1));
      p[2] = static_cast<uint8_t>(rng.byte());
    }
  }
  const fe::ImageView src{g_rgb888, kRgbW, kRgbH, 0, fe::PixelFormat::kRgb888};
  Status s = fe::resize_area(
      resize_args(src, {}, g_grey28, fe::kMnistSide, fe::kMnistSide, fe::PixelFormat::kGray8));
  if (r.ok("rgb888_97x73_to_28x28_grey", s)) {
    r.crc("rgb888_97x73_to_28x28_grey", g_grey28, sizeof(g_grey28));
  }
  fe::PixelQuantizer q;
  s = fe::make_pixel_quantizer(fe::unit_range_normalization(1), 1.0f / 255, -128, &q);
  if (s == Status::kOk) s = fe::quantize_pixels(q, g_grey28, sizeof(g_grey28), g_grey28_q8);
  if (r.ok("rgb888_28x28_grey_q8_unit", s)) {
    r.crc("rgb888_28x28_grey_q8_unit", g_grey28_q8, sizeof(g_grey28_q8));
  }
}

// A soft round pen: full ink within radius, fading over 3 more pixels; keeps the brighter.
void stamp(uint8_t* img, int32_t w, int32_t h, int32_t cx, int32_t cy, int32_t radius) {
  const int32_t outer = radius + 3;
  for (int32_t y = cy - outer; y <= cy + outer; ++y) {
    for (int32_t x = cx - outer; x <= cx + outer; ++x) {
      if (x < 0 || y < 0 || x >= w || y >= h) continue;
      const int32_t d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d2 > outer * outer) continue;
      const int32_t ink = d2 <= radius * radius
                              ? 255
                              : 255 * (outer * outer - d2) / (outer * outer - radius * radius);
      uint8_t& p = img[y * w + x];
      if (ink > p) p = static_cast<uint8_t>(ink);
    }
  }
}

void stroke(uint8_t* img, int32_t w, int32_t h, int32_t x0, int32_t y0, int32_t x1, int32_t y1,
            int32_t radius) {
  const int32_t dx = x1 - x0, dy = y1 - y0;
  const int32_t steps =
      (dx < 0 ? -dx : dx) > (dy < 0 ? -dy : dy) ? (dx < 0 ? -dx : dx) : (dy < 0 ? -dy : dy);
  for (int32_t i = 0; i <= steps; ++i) {
    stamp(img, w, h, x0 + dx * i / steps, y0 + dy * i / steps, radius);
  }
}

// Drawing canvases through the MNIST preparation: a bright "7" on black (the touch-screen
// case), and a dark oval "0" on a noisy light canvas (paper under a camera), whose noise
// the ink threshold must keep out of the bounding box.
void canvas_cases(Report& r) {
  uint8_t mnist[fe::kMnistSide * fe::kMnistSide];
  std::memset(g_canvas, 0, sizeof(g_canvas));
  stroke(g_canvas, kCanvasW, kCanvasH, 70, 40, 170, 44, 8);
  stroke(g_canvas, kCanvasW, kCanvasH, 170, 44, 110, 160, 9);
  stroke(g_canvas, kCanvasW, kCanvasH, 105, 100, 150, 98, 6);
  const fe::ImageView seven{g_canvas, kCanvasW, kCanvasH, 0, fe::PixelFormat::kGray8};
  fe::MnistPrepareResult result = fe::mnist_prepare(seven, {}, mnist);
  if (r.ok("canvas_bright_seven_mnist28", result.status)) {
    r.crc("canvas_bright_seven_mnist28", mnist, sizeof(mnist));
  }

  Lcg rng(0x0B0Eu);
  for (int32_t y = 0; y < kRingSide; ++y) {
    for (int32_t x = 0; x < kRingSide; ++x) {
      const int32_t dx = x - 115, dy = y - 125;
      // Position on the oval (semi-axes 60 and 85) in 1/256: 256 on the ellipse itself.
      const int32_t q = dx * dx * 256 / (60 * 60) + dy * dy * 256 / (85 * 85);
      const bool ink = q >= 190 && q <= 330;
      g_canvas[y * kRingSide + x] =
          static_cast<uint8_t>(ink ? 20 + rng.byte() / 16 : 200 + rng.byte() * 40 / 256);
    }
  }
  const fe::ImageView ring{g_canvas, kRingSide, kRingSide, 0, fe::PixelFormat::kGray8};
  fe::MnistPrepareOptions options;
  options.dark_ink = true;
  options.ink_threshold = 64;
  result = fe::mnist_prepare(ring, options, mnist);
  if (r.ok("canvas_dark_oval_mnist28", result.status)) {
    r.crc("canvas_dark_oval_mnist28", mnist, sizeof(mnist));
  }
}

// Enlarging (nearest neighbour with blended seams) from grey to RGB888.
void enlarge_case(Report& r) {
  Lcg rng(0xB16u);
  for (uint8_t& p : g_small) p = static_cast<uint8_t>(rng.byte());
  const fe::ImageView src{g_small, kSmallW, kSmallH, 0, fe::PixelFormat::kGray8};
  const Status s =
      fe::resize_area(resize_args(src, {}, g_large, kLargeW, kLargeH, fe::PixelFormat::kRgb888));
  if (r.ok("grey_20x15_up_64x48_rgb", s))
    r.crc("grey_20x15_up_64x48_rgb", g_large, sizeof(g_large));
}

}  // namespace

int32_t print_frontend_vectors(FrontendClock clock) {
  Report r(clock);
  audio_cases(r);
  camera_cases(r);
  rgb888_cases(r);
  canvas_cases(r);
  enlarge_case(r);
  // A case lost or added without updating kFrontendCaseCount also fails the run.
  const int32_t failed = r.failed() + (r.cases() == kFrontendCaseCount ? 0 : 1);
  std::printf("frontend_vectors: %ld cases, %ld failed%s\n", static_cast<long>(r.cases()),
              static_cast<long>(failed),
              r.cases() == kFrontendCaseCount ? "" : " (case count differs from the expected)");
  return failed;
}

}  // namespace tt::tests
