// Status codes returned by every kernel. Kernels never abort and never allocate: a bad
// parameter is reported to the caller, which (on the host) turns it into a message.
#pragma once

#include <cstdint>

namespace tt::kernels {

enum class Status : int32_t {
  kOk = 0,
  kNullPointer,      // a required tensor or parameter array is null
  kBadShape,         // a dimension is out of range or shapes disagree
  kBadQuantization,  // zero point, multiplier or shift outside its documented range
  kBadParameter,     // stride, dilation, padding, axis or window outside its range
  kScratchTooSmall,  // the caller's scratch buffer is smaller than *_scratch_size()
  kUnsupported,      // a valid configuration this variant does not implement
};

// A stable, human-readable name for logs and test failures.
const char* status_name(Status s);

}  // namespace tt::kernels
