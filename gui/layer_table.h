// Per-layer facts and timings of the network on show: op, output shape, MACs, the last
// inference's time per layer and its share of the total.
#pragma once

#include <QTableWidget>
#include <QVector>

#include "gui/model_description.h"

namespace tt::gui {

class LayerTable : public QTableWidget {
  Q_OBJECT

 public:
  enum Column { kIndex, kOp, kOutput, kMacs, kTime, kShare, kColumns };

  explicit LayerTable(QWidget* parent = nullptr);

  void set_model(const ModelDescriptionPtr& model);  // clears the times
  // Seconds per layer of the last inference; entries beyond the layers are ignored.
  void set_times(const QVector<double>& seconds);

 private:
  void set_cell(int row, int column, const QString& text, bool right_aligned);
};

// "1,031,744": digits grouped so large MAC and byte counts read at a glance.
QString grouped(qint64 value);

}  // namespace tt::gui
