#include "tools/tinytwin/demo_stats.h"

#include <cstdio>

#include "tools/tinytwin/plan_info.h"

namespace tt::tools {

void DemoRecorder::on_inference(const apps::InferenceReport& r) { reports.push_back(r); }
void DemoRecorder::on_keyword(const apps::KeywordReport& k) { keywords.push_back(k); }

void DemoRecorder::clear() {
  reports.clear();
  keywords.clear();
  messages.clear();
}

LayerTimes layer_times(const std::vector<apps::InferenceReport>& reports, int32_t network,
                       const kernels::plan::LoadedPlan& plan, const std::string& model) {
  LayerTimes t;
  t.model = model;
  const std::vector<LayerInfo> info = describe_layers(plan);
  std::vector<double> sum(info.size(), 0.0);
  double frontend = 0, inference = 0;
  for (const apps::InferenceReport& r : reports) {
    if (r.network != network || r.op_count != static_cast<int32_t>(info.size())) continue;
    ++t.runs;
    frontend += static_cast<double>(r.frontend_ticks);
    inference += static_cast<double>(r.inference_ticks);
    for (size_t i = 0; i < info.size(); ++i) sum[i] += static_cast<double>(r.op_ticks[i]);
  }
  const double n = t.runs > 0 ? t.runs : 1;
  t.frontend_us = frontend / n / 1000.0;  // host ticks are nanoseconds
  t.inference_us = inference / n / 1000.0;
  for (size_t i = 0; i < info.size(); ++i) {
    LayerTimes::Layer l;
    l.op = info[i].op;
    l.output = shape_string(info[i].output);
    l.macs = info[i].macs;
    l.mean_us = sum[i] / n / 1000.0;
    t.layers.push_back(l);
  }
  return t;
}

void print_layer_times(const LayerTimes& t) {
  if (t.runs == 0) return;
  double total = 0;
  for (const auto& l : t.layers) total += l.mean_us;
  std::printf("  per-layer host time of %s (mean of %d runs; front-end %.1f us, network %.1f us)\n",
              t.model.c_str(), t.runs, t.frontend_us, t.inference_us);
  std::printf("    %3s  %-18s %-14s %12s %10s %7s\n", "#", "op", "output", "MACs", "us", "share");
  for (size_t i = 0; i < t.layers.size(); ++i) {
    const auto& l = t.layers[i];
    std::printf("    %3zu  %-18s %-14s %12lld %10.1f %6.1f%%\n", i, l.op.c_str(), l.output.c_str(),
                static_cast<long long>(l.macs), l.mean_us,
                total > 0 ? 100.0 * l.mean_us / total : 0.0);
  }
}

nlohmann::json layer_times_json(const LayerTimes& t) {
  nlohmann::json j;
  j["model"] = t.model;
  j["runs"] = t.runs;
  j["frontend_us"] = t.frontend_us;
  j["inference_us"] = t.inference_us;
  j["layers"] = nlohmann::json::array();
  for (const auto& l : t.layers) {
    j["layers"].push_back(
        {{"op", l.op}, {"output", l.output}, {"macs", l.macs}, {"mean_us", l.mean_us}});
  }
  return j;
}

}  // namespace tt::tools
