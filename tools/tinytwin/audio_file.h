// Audio clips for the keyword-spotting tools (`tinytwin features`, `tinytwin eval`): a file
// in any format libsndfile reads (WAV, FLAC, ...) as 16 kHz mono int16 samples, and the fit
// to the one-second window the front-end and the models expect. Nothing is resampled or
// down-mixed: a file at another rate or with more channels is an error, so features never
// silently come from audio the models were not trained on.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace tt::tools {

struct AudioError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The samples of a mono 16 kHz file as int16. 16-bit files are read exactly; other integer
// widths and float files are scaled to 16-bit and rounded to nearest (x * 32768, clamped).
// Throws AudioError with a message naming the file: missing, not a regular file, not audio
// libsndfile can read, not mono 16 kHz (the message gives the rate and channels), empty, or
// longer than an hour.
std::vector<int16_t> read_clip_16k(const std::string& path);

// Exactly one second (16000 samples): zero-padded at the end, or truncated.
std::vector<int16_t> fit_to_one_second(std::vector<int16_t> samples);

}  // namespace tt::tools
