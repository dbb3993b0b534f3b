#include "gui/worker_types.h"

#include "gui/model_description.h"

namespace tt::gui {

QVector<float> InferenceResult::probabilities() const {
  QVector<float> p;
  for (int32_t c = 0; c < report.class_count && c < apps::kMaxReportClasses; ++c) {
    p.push_back(report.probability(c));
  }
  return p;
}

QVector<double> InferenceResult::op_seconds() const {
  QVector<double> s;
  for (int32_t i = 0; i < report.op_count && i < apps::kMaxReportOps; ++i) {
    s.push_back(seconds(report.op_ticks[i]));
  }
  return s;
}

QVector<quint64> InferenceResult::op_cost() const {
  if (!op_instructions.isEmpty()) return op_instructions;
  QVector<quint64> ticks;
  for (int32_t i = 0; i < report.op_count && i < apps::kMaxReportOps; ++i) {
    ticks.push_back(report.op_ticks[i]);
  }
  return ticks;
}

QString InferenceResult::top_label() const {
  if (report.top < 0) return QString();
  return report.top < labels.size() ? labels[report.top] : QString::number(report.top);
}

InferenceResult make_inference_result(const apps::InferenceReport& report,
                                      uint64_t ticks_per_second, const char* tick_meaning) {
  InferenceResult r;
  r.report = report;
  r.app = QString::fromUtf8(report.app != nullptr ? report.app : "");
  r.model = QString::fromUtf8(report.model != nullptr ? report.model : "");
  for (int32_t c = 0; c < report.class_count && c < apps::kMaxReportClasses; ++c) {
    const char* label = report.labels != nullptr ? report.labels[c] : nullptr;
    r.labels << (label != nullptr ? QString::fromUtf8(label) : QString::number(c));
  }
  r.report.app = nullptr;
  r.report.model = nullptr;
  r.report.labels = nullptr;
  r.ticks_per_second = ticks_per_second > 0 ? ticks_per_second : 1;
  r.tick_meaning = QString::fromUtf8(tick_meaning != nullptr ? tick_meaning : "");
  return r;
}

void register_worker_types() {
  qRegisterMetaType<apps::InferenceReport>("tt::apps::InferenceReport");
  qRegisterMetaType<InferenceResult>("tt::gui::InferenceResult");
  qRegisterMetaType<KeywordResult>("tt::gui::KeywordResult");
  qRegisterMetaType<MultinetSnapshot>("tt::gui::MultinetSnapshot");
  qRegisterMetaType<InputState>("tt::gui::InputState");
  qRegisterMetaType<ModelDescriptionPtr>("tt::gui::ModelDescriptionPtr");
  qRegisterMetaType<QVector<ModelDescriptionPtr>>("QVector<tt::gui::ModelDescriptionPtr>");
  qRegisterMetaType<QVector<float>>("QVector<float>");
}

}  // namespace tt::gui
