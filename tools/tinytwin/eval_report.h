// What `tinytwin eval` reports: accuracy, the confusion matrix (rows = true class, columns =
// predicted) and per-class recall, as text for people or as one JSON object for tools.
#pragma once

#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace tt::tools {

class Confusion {
 public:
  explicit Confusion(std::vector<std::string> labels);
  void add(int32_t truth, int32_t predicted);

  const std::vector<std::string>& labels() const { return labels_; }
  int64_t n() const { return n_; }
  int64_t correct() const { return correct_; }
  double accuracy() const;  // 0 when n is 0
  int64_t count(int32_t truth, int32_t predicted) const;
  int64_t row_total(int32_t truth) const;

 private:
  std::vector<std::string> labels_;
  std::vector<int64_t> counts_;  // [truth][predicted]
  int64_t n_ = 0, correct_ = 0;
};

struct EvalSummary {
  std::string app, model, kernels;
  double seconds = 0;
};

// JSON fields: app, model, kernels, n, correct, accuracy (0..1), labels, confusion (rows =
// true class), recall (per class, null for a class without samples), seconds.
nlohmann::json eval_json(const Confusion& c, const EvalSummary& s);
void print_eval_text(FILE* out, const Confusion& c, const EvalSummary& s);

}  // namespace tt::tools
