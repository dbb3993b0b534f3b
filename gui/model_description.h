// What the GUI shows about a model before and while it runs: the `tinytwin info` facts
// (layers, shapes, MACs, weights, arena, plan bytes) and the tensor-lifetime map. Built once
// on the worker thread when a model loads and shared read-only with the GUI thread, so no
// widget ever touches the plan the worker is running.
#pragma once

#include <QMetaType>
#include <QString>
#include <cstdint>
#include <memory>
#include <vector>

#include "gui/tensor_lifetimes.h"
#include "tools/tinytwin/plan_info.h"

namespace tt::tools {
struct ModelSource;
}

namespace tt::gui {

struct ModelDescription {
  QString path;
  QString name;  // the file's base name: "mnist_cnn"
  bool from_tflite = false;
  std::vector<tools::LayerInfo> layers;
  int64_t total_macs = 0;
  int64_t weight_bytes = 0;
  uint32_t plan_bytes = 0;       // what the firmware keeps in flash
  uint32_t arena_bytes = 0;      // activations + scratch, as planned
  int64_t peak_live_bound = -1;  // the planner's lower bound; only known for a .tflite
  QString input_shape;
  QString output_shape;
  int32_t input_elements = 0;
  int32_t output_elements = 0;
  std::vector<ArenaBlock> arena_blocks;
  QString info_text;  // the `tinytwin info` table
};

using ModelDescriptionPtr = std::shared_ptr<const ModelDescription>;

ModelDescriptionPtr describe_model(const tools::ModelSource& source);

}  // namespace tt::gui

Q_DECLARE_METATYPE(tt::gui::ModelDescriptionPtr)
