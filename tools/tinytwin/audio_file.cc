// Samples are read as doubles (libsndfile normalises every integer width to [-1, 1) by a
// power of two, so 16-bit data comes back exactly) and converted to int16 here: one rule
// for every format, and no dependence on libsndfile's float-to-short scaling options.
#include "tools/tinytwin/audio_file.h"

#include <sndfile.h>

#include <cmath>
#include <filesystem>

#include "kernels/frontend/mfcc.h"

namespace tt::tools {
namespace {

constexpr int kRate = kernels::frontend::kSampleRate;
constexpr sf_count_t kMaxFrames = sf_count_t{kRate} * 3600;  // an hour
constexpr sf_count_t kChunk = 16384;

struct SndFile {
  SNDFILE* file = nullptr;
  ~SndFile() {
    if (file != nullptr) sf_close(file);
  }
};

int16_t to_int16(double x) {
  const double v = std::round(x * 32768.0);  // half away from zero
  if (!(v > -32768.0)) return -32768;        // also NaN
  if (v > 32767.0) return 32767;
  return static_cast<int16_t>(v);
}

}  // namespace

std::vector<int16_t> read_clip_16k(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw AudioError(path + ": cannot open (no such file)");
  if (fs::is_directory(st)) throw AudioError(path + ": is a directory, not an audio file");
  if (!fs::is_regular_file(st)) throw AudioError(path + ": not a regular file");

  SF_INFO info{};
  SndFile f;
  f.file = sf_open(path.c_str(), SFM_READ, &info);
  if (f.file == nullptr) {
    throw AudioError(path + ": not an audio file libsndfile can read (" + sf_strerror(nullptr) +
                     ")");
  }
  if (info.samplerate != kRate || info.channels != 1) {
    throw AudioError(path + ": " + std::to_string(info.samplerate) + " Hz, " +
                     std::to_string(info.channels) +
                     (info.channels == 1 ? " channel" : " channels") +
                     "; expected mono 16000 Hz audio (convert it first, e.g. sox IN -r 16000 "
                     "-c 1 OUT.wav)");
  }
  if (info.frames > kMaxFrames) {
    throw AudioError(path + ": " + std::to_string(info.frames) +
                     " samples, more than the limit of an hour (" + std::to_string(kMaxFrames) +
                     ")");
  }
  std::vector<int16_t> samples;
  samples.reserve(static_cast<size_t>(info.frames > 0 ? info.frames : 0));
  std::vector<double> chunk(kChunk);
  for (;;) {
    const sf_count_t got = sf_read_double(f.file, chunk.data(), kChunk);
    for (sf_count_t i = 0; i < got; ++i) samples.push_back(to_int16(chunk[i]));
    if (static_cast<sf_count_t>(samples.size()) > kMaxFrames) {
      throw AudioError(path + ": more samples than the limit of an hour");
    }
    if (got < kChunk) break;
  }
  if (sf_error(f.file) != SF_ERR_NO_ERROR) {
    throw AudioError(path + ": read failed after " + std::to_string(samples.size()) + " samples (" +
                     sf_strerror(f.file) + ")");
  }
  if (samples.empty()) throw AudioError(path + ": no samples");
  return samples;
}

std::vector<int16_t> fit_to_one_second(std::vector<int16_t> samples) {
  samples.resize(kernels::frontend::kClipSamples, 0);
  return samples;
}

}  // namespace tt::tools
