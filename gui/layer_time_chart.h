// A bar per layer of the last inference's time, longest bar = slowest layer, so where the
// time goes is visible without reading numbers.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace tt::gui {

class LayerTimeChart : public QWidget {
  Q_OBJECT

 public:
  explicit LayerTimeChart(QWidget* parent = nullptr);

  void set_layers(const QStringList& names);  // "0 CONV_2D", one per layer; clears times
  void set_times(const QVector<double>& seconds);
  int layer_count() const { return names_.size(); }

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  QStringList names_;
  QVector<double> seconds_;
};

}  // namespace tt::gui
