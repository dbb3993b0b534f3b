// The five most probable classes of the last inference as labelled bars, best first, under
// a headline with the winner.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

namespace tt::gui {

class PredictionBars : public QWidget {
  Q_OBJECT

 public:
  static constexpr int kShown = 5;

  explicit PredictionBars(QWidget* parent = nullptr);

  // labels[i] and probabilities[i] (0..1) per class; fewer labels than probabilities are
  // shown as class numbers.
  void set_scores(const QStringList& labels, const QVector<float>& probabilities);
  void clear();
  void set_caption(const QString& caption);  // e.g. "mnist_cnn, inference 12"

  QString top_label() const;  // "" before the first result
  QStringList shown_labels() const;

 protected:
  void paintEvent(QPaintEvent* event) override;

 private:
  struct Row {
    QString label;
    float probability;
  };
  QVector<Row> rows_;
  QString caption_;
};

}  // namespace tt::gui
