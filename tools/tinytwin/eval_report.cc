#include "tools/tinytwin/eval_report.h"

#include <algorithm>

namespace tt::tools {

Confusion::Confusion(std::vector<std::string> labels)
    : labels_(std::move(labels)), counts_(labels_.size() * labels_.size(), 0) {}

void Confusion::add(int32_t truth, int32_t predicted) {
  ++counts_[static_cast<size_t>(truth) * labels_.size() + static_cast<size_t>(predicted)];
  ++n_;
  if (truth == predicted) ++correct_;
}

double Confusion::accuracy() const {
  return n_ == 0 ? 0.0 : static_cast<double>(correct_) / static_cast<double>(n_);
}

int64_t Confusion::count(int32_t truth, int32_t predicted) const {
  return counts_[static_cast<size_t>(truth) * labels_.size() + static_cast<size_t>(predicted)];
}

int64_t Confusion::row_total(int32_t truth) const {
  int64_t total = 0;
  for (size_t p = 0; p < labels_.size(); ++p) total += count(truth, static_cast<int32_t>(p));
  return total;
}

nlohmann::json eval_json(const Confusion& c, const EvalSummary& s) {
  const int32_t k = static_cast<int32_t>(c.labels().size());
  nlohmann::json confusion = nlohmann::json::array(), recall = nlohmann::json::array();
  for (int32_t t = 0; t < k; ++t) {
    nlohmann::json row = nlohmann::json::array();
    for (int32_t p = 0; p < k; ++p) row.push_back(c.count(t, p));
    confusion.push_back(row);
    const int64_t total = c.row_total(t);
    recall.push_back(total == 0 ? nlohmann::json(nullptr)
                                : nlohmann::json(static_cast<double>(c.count(t, t)) / total));
  }
  return {{"app", s.app},         {"model", s.model},       {"kernels", s.kernels},
          {"n", c.n()},           {"correct", c.correct()}, {"accuracy", c.accuracy()},
          {"labels", c.labels()}, {"confusion", confusion}, {"recall", recall},
          {"seconds", s.seconds}};
}

void print_eval_text(FILE* out, const Confusion& c, const EvalSummary& s) {
  const int32_t k = static_cast<int32_t>(c.labels().size());
  int width = 6;
  for (const std::string& l : c.labels()) width = std::max(width, static_cast<int>(l.size()) + 1);
  std::fprintf(out, "app %s, model %s, %s kernels\n", s.app.c_str(), s.model.c_str(),
               s.kernels.c_str());
  std::fprintf(out, "accuracy %.2f %% (%lld / %lld)\n\n", 100.0 * c.accuracy(),
               static_cast<long long>(c.correct()), static_cast<long long>(c.n()));
  std::fprintf(out, "confusion matrix (rows: true class, columns: predicted)\n%*s", width, "");
  for (const std::string& l : c.labels()) std::fprintf(out, " %*s", width, l.c_str());
  std::fprintf(out, "\n");
  for (int32_t t = 0; t < k; ++t) {
    std::fprintf(out, "%*s", width, c.labels()[t].c_str());
    for (int32_t p = 0; p < k; ++p) {
      std::fprintf(out, " %*lld", width, static_cast<long long>(c.count(t, p)));
    }
    std::fprintf(out, "\n");
  }
  std::fprintf(out, "\nper-class recall\n");
  for (int32_t t = 0; t < k; ++t) {
    const int64_t total = c.row_total(t);
    if (total == 0) {
      std::fprintf(out, "%*s       -  (no samples)\n", width, c.labels()[t].c_str());
    } else {
      std::fprintf(out, "%*s %7.2f %% (%lld / %lld)\n", width, c.labels()[t].c_str(),
                   100.0 * static_cast<double>(c.count(t, t)) / total,
                   static_cast<long long>(c.count(t, t)), static_cast<long long>(total));
    }
  }
  const double rate = s.seconds > 0 ? static_cast<double>(c.n()) / s.seconds : 0.0;
  std::fprintf(out, "\n%lld samples in %.2f s (%.0f per second)\n", static_cast<long long>(c.n()),
               s.seconds, rate);
}

}  // namespace tt::tools
