#include "gui/model_set.h"

#include <algorithm>

#include "tools/tinytwin/model_source.h"

namespace tt::gui {

LoadedModel load_model(const QString& path) {
  LoadedModel m;
  m.source = std::make_shared<tools::ModelSource>(tools::load_model_source(path.toStdString()));
  m.description = describe_model(*m.source);
  m.name = m.description->name.toStdString();
  return m;
}

void ModelSet::resize(int count) {
  models_.resize(static_cast<size_t>(std::clamp(count, 0, kMaxSlots)));
}

void ModelSet::set(int slot, LoadedModel model) { models_.at(slot) = std::move(model); }

QString ModelSet::path(int slot) const {
  if (slot < 0 || slot >= count() || !models_[slot].description) return QString();
  return models_[slot].description->path;
}

bool ModelSet::complete() const {
  return std::all_of(models_.begin(), models_.end(),
                     [](const LoadedModel& m) { return m.source != nullptr; });
}

void ModelSet::arrange(bool shared_arena) {
  shared_ = shared_arena && count() > 1;
  arenas_.clear();
  auto words = [](uint32_t bytes) { return (static_cast<size_t>(bytes) + 3) / 4; };
  uint32_t largest = 0;
  for (const LoadedModel& m : models_) {
    if (m.source) largest = std::max(largest, m.description->arena_bytes);
  }
  if (shared_) arenas_.emplace_back(std::max<size_t>(1, words(largest)));
  for (int i = 0; i < count(); ++i) {
    const LoadedModel& m = models_[i];
    apps::ModelSlot& s = slots_[i];
    s = apps::ModelSlot{};
    if (!m.source) continue;
    s.plan = m.source->plan_words.data();
    s.plan_bytes = m.source->plan_bytes;
    s.name = m.name.c_str();
    if (!shared_) arenas_.emplace_back(std::max<size_t>(1, words(m.description->arena_bytes)));
    std::vector<uint32_t>& arena = arenas_.back();
    s.arena = arena.data();
    s.arena_bytes = static_cast<uint32_t>(arena.size() * 4);
  }
}

}  // namespace tt::gui
