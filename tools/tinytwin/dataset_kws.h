// Keyword-spotting test clips in the Speech Commands layout: DIR/WORD/*.wav or *.flac. The
// folder names the class; the models' 12 outputs are, in order: silence, unknown, yes, no,
// up, down, left, right, on, off, stop, go. `_silence_` is silence, `_unknown_` and every
// word outside the ten is unknown, `_background_noise_` (long noise recordings, not clips)
// is skipped. Clips are taken in sorted path order, so --limit picks the same ones on every
// machine. Features come from the same front-end the device runs (kernels/frontend/mfcc.h).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "tools/tinytwin/image_dataset.h"

namespace tt::tools {

const std::vector<std::string>& kws_labels();

struct KwsClip {
  std::string path;
  int32_t label = 0;
};

// Every clip under dir, sorted by path. Throws DatasetError when dir is missing or has no
// clips.
std::vector<KwsClip> list_kws_clips(const std::string& dir);

// The 49x10 MFCC features of one clip, zero-padded or cut to one second. Throws AudioError
// (audio_file.h) for an unreadable clip.
std::vector<float> kws_clip_features(const std::string& path);

}  // namespace tt::tools
