// What crosses from the worker thread to the GUI thread: plain copies, never pointers into
// the app or the worker. InferenceReport is a plain struct and travels as it is, except that
// its name and label pointers (into the worker's memory or the app) are replaced by QStrings.
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>
#include <cstdint>

#include "apps/common/app.h"
#include "apps/multinet/multinet_app.h"

namespace tt::gui {

struct InferenceResult {
  apps::InferenceReport report;  // app, model and labels pointers are null
  QString app;
  QString model;
  QStringList labels;
  uint64_t ticks_per_second = 1;  // the board clock's
  QString tick_meaning;
  int serial = 0;         // the WorkerRequest the app (host or board) was started for
  bool on_board = false;  // from the emulated board (report.op_ticks are its SysTicks)
  // The emulated board with the instruction-counter plugin: exact instructions per layer.
  QVector<quint64> op_instructions;
  // Side by side: which camera frame, fed to the host and the board alike, this inference
  // classified (-1: none, or an audio network, paired by report.sequence instead).
  int input_id = -1;

  double seconds(uint64_t ticks) const {
    return static_cast<double>(ticks) / static_cast<double>(ticks_per_second);
  }
  QVector<float> probabilities() const;
  QVector<double> op_seconds() const;
  // The board's cost per layer: exact instructions when counted, else its ticks.
  QVector<quint64> op_cost() const;
  QString top_label() const;
};

InferenceResult make_inference_result(const apps::InferenceReport& report,
                                      uint64_t ticks_per_second, const char* tick_meaning);

struct KeywordResult {
  QString label;
  int keyword = -1;
  int score = 0;  // averaged posterior, 0..255
};

struct MultinetSnapshot {
  bool classifier_running = false;
  uint32_t image_inferences = 0;
  uint32_t audio_windows = 0;
  apps::MultinetMemory memory;
  QVector<apps::TimelineEntry> timeline;  // oldest first
  uint64_t now_ticks = 0;
  uint64_t ticks_per_second = 1;
};

// What became of an input device the app needs.
enum class InputState { kUnused, kLive, kNoDevice, kEnded, kLost };

// Registers every type above for queued connections; call once before the worker starts.
void register_worker_types();

}  // namespace tt::gui

Q_DECLARE_METATYPE(tt::apps::InferenceReport)
Q_DECLARE_METATYPE(tt::gui::InferenceResult)
Q_DECLARE_METATYPE(tt::gui::KeywordResult)
Q_DECLARE_METATYPE(tt::gui::MultinetSnapshot)
Q_DECLARE_METATYPE(tt::gui::InputState)
