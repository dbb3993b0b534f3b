// Tiny argument helpers shared by the sub-commands: every command accepts --help, reports
// unknown or incomplete options as usage errors (exit 2), and prints errors as
// "tinytwin CMD: message" on stderr.
#pragma once

#include <cstdio>
#include <cstring>
#include <string>

namespace tt::tools {

inline constexpr int kExitOk = 0, kExitBadInput = 1, kExitUsage = 2;

inline bool is_help(const char* arg) {
  return std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0;
}

inline int usage_error(const char* cmd, const std::string& message, const char* usage) {
  std::fprintf(stderr, "tinytwin %s: %s\n%s", cmd, message.c_str(), usage);
  return kExitUsage;
}

inline int input_error(const char* cmd, const std::string& message) {
  std::fprintf(stderr, "tinytwin %s: %s\n", cmd, message.c_str());
  return kExitBadInput;
}

// Takes the value of an option at argv[i] ("--model PATH"); false when it is missing.
inline bool option_value(int argc, char** argv, int& i, std::string* value) {
  if (i + 1 >= argc) return false;
  *value = argv[++i];
  return true;
}

}  // namespace tt::tools
