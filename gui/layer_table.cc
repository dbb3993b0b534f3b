#include "gui/layer_table.h"

#include <QHeaderView>

namespace tt::gui {

QString grouped(qint64 value) {
  QString digits = QString::number(value < 0 ? -value : value);
  for (int i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
  return value < 0 ? QStringLiteral("-") + digits : digits;
}

LayerTable::LayerTable(QWidget* parent) : QTableWidget(0, kColumns, parent) {
  setHorizontalHeaderLabels(
      {tr("#"), tr("op"), tr("output shape"), tr("MACs"), tr("time (µs)"), tr("share")});
  verticalHeader()->setVisible(false);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAlternatingRowColors(true);
  setShowGrid(false);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setSectionResizeMode(kOp, QHeaderView::Stretch);
  horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void LayerTable::set_cell(int row, int column, const QString& text, bool right_aligned) {
  QTableWidgetItem* item = this->item(row, column);
  if (item == nullptr) {
    item = new QTableWidgetItem;
    setItem(row, column, item);
  }
  item->setText(text);
  item->setTextAlignment((right_aligned ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
}

void LayerTable::set_model(const ModelDescriptionPtr& model) {
  const int rows = model ? static_cast<int>(model->layers.size()) : 0;
  setRowCount(rows);
  for (int r = 0; r < rows; ++r) {
    const tools::LayerInfo& l = model->layers[r];
    set_cell(r, kIndex, QString::number(l.index), true);
    set_cell(r, kOp, QString::fromStdString(l.op), false);
    set_cell(r, kOutput, QString::fromStdString(tools::shape_string(l.output)), false);
    set_cell(r, kMacs, grouped(l.macs), true);
    set_cell(r, kTime, QString(), true);
    set_cell(r, kShare, QString(), true);
  }
}

void LayerTable::set_times(const QVector<double>& seconds) {
  double total = 0;
  for (double s : seconds) total += s;
  for (int r = 0; r < rowCount() && r < seconds.size(); ++r) {
    set_cell(r, kTime, QString::number(seconds[r] * 1e6, 'f', 1), true);
    set_cell(r, kShare,
             total > 0 ? QString::asprintf("%.1f %%", 100.0 * seconds[r] / total) : QString(),
             true);
  }
}

}  // namespace tt::gui
