// What `tinytwin demo` collects while an app runs: every inference report (per network),
// the keywords and messages, and per-layer mean times with the layer descriptions of the
// plan, printed as a table or returned as JSON.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "apps/common/app.h"
#include "kernels/runtime/plan_loader.h"

namespace tt::tools {

class DemoRecorder final : public apps::AppListener {
 public:
  void on_inference(const apps::InferenceReport& r) override;
  void on_keyword(const apps::KeywordReport& k) override;
  void on_message(const char* text) override { messages.emplace_back(text); }

  // Every report since the last clear(), and the last one of each network.
  std::vector<apps::InferenceReport> reports;
  std::vector<apps::KeywordReport> keywords;
  std::vector<std::string> messages;
  void clear();
};

// Mean per-layer timings of one network over its reports.
struct LayerTimes {
  std::string model;
  int32_t runs = 0;
  double frontend_us = 0, inference_us = 0;  // means
  struct Layer {
    std::string op, output;
    int64_t macs = 0;
    double mean_us = 0;
  };
  std::vector<Layer> layers;
};

// reports of one network (filtered by network index) with the plan they ran.
LayerTimes layer_times(const std::vector<apps::InferenceReport>& reports, int32_t network,
                       const kernels::plan::LoadedPlan& plan, const std::string& model);

void print_layer_times(const LayerTimes& t);
nlohmann::json layer_times_json(const LayerTimes& t);

}  // namespace tt::tools
