#include "kernels/core/status.h"

namespace tt::kernels {

const char* status_name(Status s) {
  switch (s) {
    case Status::kOk:
      return "ok";
    case Status::kNullPointer:
      return "null pointer";
    case Status::kBadShape:
      return "bad shape";
    case Status::kBadQuantization:
      return "bad quantization";
    case Status::kBadParameter:
      return "bad parameter";
    case Status::kScratchTooSmall:
      return "scratch too small";
    case Status::kUnsupported:
      return "unsupported";
  }
  return "unknown status";
}

}  // namespace tt::kernels
