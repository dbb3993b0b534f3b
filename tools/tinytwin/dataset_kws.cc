#include "tools/tinytwin/dataset_kws.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "kernels/frontend/mfcc.h"
#include "tools/tinytwin/audio_file.h"

namespace tt::tools {
namespace {

namespace fs = std::filesystem;

constexpr int32_t kSilence = 0, kUnknown = 1;

int32_t label_of(const std::string& folder) {
  if (folder == "_silence_") return kSilence;
  const std::vector<std::string>& names = kws_labels();
  for (size_t i = 2; i < names.size(); ++i) {
    if (names[i] == folder) return static_cast<int32_t>(i);
  }
  return kUnknown;  // _unknown_ and every other word
}

bool is_clip(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".wav" || ext == ".flac";
}

// The entries of a folder; unreadable folders are errors, not silently empty.
std::vector<fs::directory_entry> entries(const fs::path& dir) {
  std::vector<fs::directory_entry> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    out.push_back(*it);
  }
  if (ec) throw DatasetError(dir.string() + ": cannot list (" + ec.message() + ")");
  return out;
}

}  // namespace

const std::vector<std::string>& kws_labels() {
  static const std::vector<std::string> labels = {
      "silence", "unknown", "yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"};
  return labels;
}

std::vector<KwsClip> list_kws_clips(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw DatasetError(dir + (fs::exists(dir, ec) ? ": not a directory" : ": no such directory"));
  }
  std::vector<KwsClip> clips;
  for (const fs::directory_entry& folder : entries(dir)) {
    const std::string word = folder.path().filename().string();
    if (!folder.is_directory(ec) || word == "_background_noise_") continue;
    const int32_t label = label_of(word);
    for (const fs::directory_entry& file : entries(folder.path())) {
      if (file.is_regular_file(ec) && is_clip(file.path())) {
        clips.push_back({file.path().string(), label});
      }
    }
  }
  if (clips.empty()) {
    throw DatasetError(dir + ": no .wav or .flac clips in word folders (DIR/WORD/clip.wav)");
  }
  std::sort(clips.begin(), clips.end(),
            [](const KwsClip& a, const KwsClip& b) { return a.path < b.path; });
  return clips;
}

std::vector<float> kws_clip_features(const std::string& path) {
  const std::vector<int16_t> samples = fit_to_one_second(read_clip_16k(path));
  std::vector<float> features(kernels::frontend::kClipFeatures);
  const kernels::Status status =
      kernels::frontend::compute_mfcc(samples.data(), static_cast<int>(samples.size()),
                                      features.data(), static_cast<int>(features.size()));
  if (status != kernels::Status::kOk) {
    throw DatasetError(path + ": MFCC failed: " + kernels::status_name(status));
  }
  return features;
}

}  // namespace tt::tools
