// The networks an app runs and the memory they run in, owned by the worker: per slot the
// loaded plan (compiled from a .tflite or read from a .ttm) and its description, plus the
// arenas, either one per network (partitioned) or one of the largest size for all (shared:
// the networks of one app never run at the same time). The ModelSlots handed to the app
// point into this object, so it must outlive the app's run.
#pragma once

#include <QString>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "apps/common/app.h"
#include "gui/model_description.h"

namespace tt::tools {
struct ModelSource;
}

namespace tt::gui {

struct LoadedModel {
  std::shared_ptr<tools::ModelSource> source;
  ModelDescriptionPtr description;
  std::string name;  // ModelSlot::name points here
};

// Throws (compiler::ModelError or another std::exception) with a message naming the file.
LoadedModel load_model(const QString& path);

class ModelSet {
 public:
  static constexpr int kMaxSlots = 2;

  void resize(int count);  // drops slots beyond count
  int count() const { return static_cast<int>(models_.size()); }
  void set(int slot, LoadedModel model);
  const LoadedModel& model(int slot) const { return models_[slot]; }
  QString path(int slot) const;  // "" for an empty slot
  bool complete() const;         // every slot holds a model

  // Allocates the arenas and fills the slots; call after the last set().
  void arrange(bool shared_arena);
  const apps::ModelSlot* model_slots() const { return slots_; }
  bool shared_arena() const { return shared_; }

 private:
  std::vector<LoadedModel> models_;
  std::vector<std::vector<uint32_t>> arenas_;
  apps::ModelSlot slots_[kMaxSlots];
  bool shared_ = false;
};

}  // namespace tt::gui
