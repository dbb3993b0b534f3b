#include "gui/layer_table.h"

#include <QHeaderView>

namespace tt::gui {

QString grouped(qint64 value) {
  QString digits = QString::number(value < 0 ? -value : value);
  for (int i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
  return value < 0 ? QStringLiteral("-") + digits : digits;
}

LayerTable::LayerTable(QWidget* parent) : QTableWidget(0, kColumns, parent) {
  setHorizontalHeaderLabels({tr("#"), tr("op"), tr("output shape"), tr("MACs"), tr("time (µs)"),
                             tr("share"), tr("board instructions"), tr("output CRC32")});
  verticalHeader()->setVisible(false);
  verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
  setEditTriggers(QAbstractItemView::NoEditTriggers);
  setSelectionBehavior(QAbstractItemView::SelectRows);
  setAlternatingRowColors(true);
  setShowGrid(false);
  horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  horizontalHeader()->setSectionResizeMode(kOp, QHeaderView::Stretch);
  horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  set_backend(Backend::kHost);
}

void LayerTable::set_backend(Backend backend) {
  backend_ = backend;
  setColumnHidden(kTime, backend == Backend::kBoard);
  setColumnHidden(kBoard, backend == Backend::kHost);
  setColumnHidden(kAgree, backend != Backend::kBoth);
  highlight(-1);
  for (int r = 0; r < rowCount(); ++r) {
    for (int c : {kTime, kShare, kBoard, kAgree}) set_cell(r, c, QString(), true);
  }
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
    for (int c : {kTime, kShare, kBoard, kAgree}) set_cell(r, c, QString(), c != kAgree);
  }
  highlight(-1);
}

void LayerTable::set_shares(const QVector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  for (int r = 0; r < rowCount() && r < values.size(); ++r) {
    set_cell(r, kShare,
             total > 0 ? QString::asprintf("%.1f %%", 100.0 * values[r] / total) : QString(), true);
  }
}

void LayerTable::set_times(const QVector<double>& seconds) {
  for (int r = 0; r < rowCount() && r < seconds.size(); ++r) {
    set_cell(r, kTime, QString::number(seconds[r] * 1e6, 'f', 1), true);
  }
  if (backend_ != Backend::kBoard) set_shares(seconds);
}

void LayerTable::set_board_costs(const QVector<quint64>& cost, bool exact) {
  horizontalHeaderItem(kBoard)->setText(exact ? tr("board instructions") : tr("board ticks"));
  QVector<double> values;
  for (int r = 0; r < rowCount() && r < cost.size(); ++r) {
    set_cell(r, kBoard, grouped(static_cast<qint64>(cost[r])), true);
    values << static_cast<double>(cost[r]);
  }
  if (backend_ == Backend::kBoard) set_shares(values);
}

void LayerTable::set_agreement(const apps::InferenceReport& host,
                               const apps::InferenceReport& board) {
  int first = -1;
  for (int r = 0; r < rowCount(); ++r) {
    const bool both = r < host.op_count && r < board.op_count && r < apps::kMaxReportOps;
    const bool same = both && host.op_crc32[r] == board.op_crc32[r];
    if (!same && first < 0) first = r;
    set_cell(r, kAgree,
             !both  ? tr("missing")
             : same ? tr("= %1").arg(host.op_crc32[r], 8, 16, QLatin1Char('0'))
                    : tr("≠ host %1 board %2")
                          .arg(host.op_crc32[r], 8, 16, QLatin1Char('0'))
                          .arg(board.op_crc32[r], 8, 16, QLatin1Char('0')),
             false);
  }
  highlight(first);
}

void LayerTable::highlight(int row) {
  // The old row loses its colour, the new one is painted and scrolled into view.
  const auto paint = [this](int r, const QBrush& brush, bool bold) {
    for (int c = 0; c < columnCount(); ++c) {
      QTableWidgetItem* it = item(r, c);
      if (it == nullptr) continue;
      it->setBackground(brush);
      QFont f = it->font();
      f.setBold(bold);
      it->setFont(f);
    }
  };
  if (highlighted_ >= 0 && highlighted_ < rowCount()) paint(highlighted_, QBrush(), false);
  highlighted_ = row >= 0 && row < rowCount() ? row : -1;
  if (highlighted_ >= 0) {
    paint(highlighted_, QBrush(QColor(255, 190, 190)), true);
    scrollToItem(item(highlighted_, kOp));
  }
}

}  // namespace tt::gui
