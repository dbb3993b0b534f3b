#include "tools/tinytwin/demo_inputs.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

extern char** environ;

namespace tt::tools {

namespace fs = std::filesystem;

std::string opencv_samples_dir() {
  const char* dir = "/usr/share/doc/opencv-doc/examples/data";
  std::error_code ec;
  return fs::is_regular_file(fs::path(dir) / "digits.png", ec) ? dir : "";
}

const std::vector<std::string>& demo_voices() {
  static const std::vector<std::string> voices = {
      "en",         "en+f3",         "en+m3",         "en+m7",
      "en-gb-x-rp", "en-gb-x-rp+f3", "en-gb-x-rp+m3", "en-gb-x-rp+m7"};
  return voices;
}

std::string speak_to_wav(const std::string& text, const std::string& voice, bool ssml,
                         const std::string& wav_path) {
  std::vector<std::string> args = {"espeak-ng", "-v", voice, "-w", wav_path};
  if (ssml) args.push_back("-m");
  args.push_back("--");
  args.push_back(text);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // espeak-ng's own chatter (e.g. audio-device warnings) is not the demo's output.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "espeak-ng", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (err != 0) return "espeak-ng not found (Debian package espeak-ng; ./run.sh installs it)";
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return "espeak-ng failed for voice " + voice;
  }
  return "";
}

TempDir::TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "tinytwin-demo-XXXXXX").string();
  if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

}  // namespace tt::tools
