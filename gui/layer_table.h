// Per-layer facts and timings of the network on show: op, output shape, MACs, the last
// inference's time per layer and its share of the total. With the emulated board: its
// instructions per layer, and side by side whether each layer's output CRC32 is the same on
// both, with the first layer that differs highlighted (everything after it follows from it).
#pragma once

#include <QTableWidget>
#include <QVector>

#include "apps/common/app.h"
#include "gui/model_description.h"
#include "gui/worker_request.h"

namespace tt::gui {

class LayerTable : public QTableWidget {
  Q_OBJECT

 public:
  enum Column { kIndex, kOp, kOutput, kMacs, kTime, kShare, kBoard, kAgree, kColumns };

  explicit LayerTable(QWidget* parent = nullptr);

  // Which columns show: host time and share; board instructions (and share); both and CRCs.
  void set_backend(Backend backend);
  void set_model(const ModelDescriptionPtr& model);  // clears the times
  // Seconds per layer of the last inference; entries beyond the layers are ignored.
  void set_times(const QVector<double>& seconds);
  // The board's cost per layer: exact instructions, or (exact false) its clock's ticks.
  void set_board_costs(const QVector<quint64>& cost, bool exact);
  // Side by side: each layer's output CRC32 on both; the first that differs is highlighted.
  void set_agreement(const apps::InferenceReport& host, const apps::InferenceReport& board);
  int highlighted_row() const { return highlighted_; }  // -1: every layer agrees

 private:
  void set_cell(int row, int column, const QString& text, bool right_aligned);
  void set_shares(const QVector<double>& values);
  void highlight(int row);

  Backend backend_ = Backend::kHost;
  int highlighted_ = -1;
};

// "1,031,744": digits grouped so large MAC and byte counts read at a glance.
QString grouped(qint64 value);

}  // namespace tt::gui
