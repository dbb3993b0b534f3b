// Inputs for `tinytwin demo` that a fresh Debian machine has once run.sh installed its
// packages, so the demo needs none of our datasets: OpenCV's sample data (opencv-doc:
// digits.png with 5,000 handwritten digits, photos, a short video) and keywords spoken by
// espeak-ng.
#pragma once

#include <string>
#include <vector>

namespace tt::tools {

// Debian's opencv-doc sample folder, or "" when the package is absent.
std::string opencv_samples_dir();

// The voices the demo speaks with: espeak-ng voices and variants that the keyword model's
// synthetic training speech (tools/train/synth_speech.py) does not use.
const std::vector<std::string>& demo_voices();

// Runs espeak-ng to write `text` (SSML when ssml) as a WAV file. Returns "" on success,
// else what went wrong (espeak-ng missing, failed).
std::string speak_to_wav(const std::string& text, const std::string& voice, bool ssml,
                         const std::string& wav_path);

// A fresh temporary folder, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace tt::tools
