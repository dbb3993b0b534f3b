// Class names of the shipped models, in the order of their outputs (the training scripts in
// tools/train write the same order into the model cards).
#pragma once

#include <cstdint>

namespace tt::apps {

inline constexpr const char* kMnistLabels[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
inline constexpr const char* kCifar10Labels[10] = {
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};
inline constexpr const char* kKwsLabels[12] = {"silence", "unknown", "yes", "no",  "up",   "down",
                                               "left",    "right",   "on",  "off", "stop", "go"};
inline constexpr int32_t kKwsSilence = 0;
inline constexpr int32_t kKwsUnknown = 1;
inline constexpr int32_t kKwsGo = 11;
inline constexpr int32_t kKwsStop = 10;

}  // namespace tt::apps
