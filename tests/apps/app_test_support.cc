#include "tests/apps/app_test_support.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "tools/tinytwin/audio_file.h"

namespace tt::tests::apps {

namespace fs = std::filesystem;

tt::apps::ModelSlot LoadedModel::slot() const {
  tt::apps::ModelSlot s;
  s.plan = source.plan_words.data();
  s.plan_bytes = source.plan_bytes;
  s.arena = const_cast<uint32_t*>(source.arena_words.data());
  s.arena_bytes = static_cast<uint32_t>(source.arena_words.size() * 4);
  s.name = name.c_str();
  return s;
}

tt::apps::ModelSlot LoadedModel::slot_with_arena(void* arena, uint32_t bytes) const {
  tt::apps::ModelSlot s = slot();
  s.arena = arena;
  s.arena_bytes = bytes;
  return s;
}

uint32_t LoadedModel::arena_needed() const { return source.plan.header->arena_bytes; }

std::shared_ptr<LoadedModel> shipped_model(const std::string& name) {
  auto m = std::make_shared<LoadedModel>();
  m->source =
      tools::load_model_source(std::string(TT_SOURCE_DIR) + "/assets/models/" + name + ".tflite");
  m->name = name;
  return m;
}

std::string shared_dataset(const std::string& name) {
  const fs::path p = fs::path(TT_SOURCE_DIR) / ".." / "shared" / "datasets" / name;
  return fs::is_directory(p) ? p.string() : std::string();
}

std::vector<std::vector<int16_t>> speech_clips(const std::string& word, int count) {
  std::vector<std::vector<int16_t>> clips;
  const std::string dir = shared_dataset("speech_commands");
  if (dir.empty()) return clips;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / word)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    if (static_cast<int>(clips.size()) >= count) break;
    clips.push_back(tools::fit_to_one_second(tools::read_clip_16k(f.string())));
  }
  return clips;
}

int FakeBoard::colours_in(const hal::Rect& r) const {
  std::set<uint16_t> seen;
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) seen.insert(display.shown(x, y));
  }
  return static_cast<int>(seen.size());
}

bool FakeBoard::shows_colour(const hal::Rect& r, uint16_t colour) const {
  for (int y = r.y; y < r.y + r.h; ++y) {
    for (int x = r.x; x < r.x + r.w; ++x) {
      if (display.shown(x, y) == colour) return true;
    }
  }
  return false;
}

}  // namespace tt::tests::apps
