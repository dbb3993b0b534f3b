#include "apps/common/app.h"

namespace tt::apps {

const char* app_status_name(AppStatus s) {
  switch (s) {
    case AppStatus::kOk:
      return "ok";
    case AppStatus::kIdle:
      return "idle";
    case AppStatus::kNoInput:
      return "no input device";
    case AppStatus::kEndOfInput:
      return "end of input";
    case AppStatus::kInputLost:
      return "input device lost";
    case AppStatus::kModelError:
      return "model error";
    case AppStatus::kNotStarted:
      return "not started";
  }
  return "unknown";
}

}  // namespace tt::apps
