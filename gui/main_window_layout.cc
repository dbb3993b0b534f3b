// MainWindow: building the panes (inputs, prediction, analysis tabs).
#include <QComboBox>
#include <QFontDatabase>
#include <QFontInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "gui/audio_panel.h"
#include "gui/camera_preview.h"
#include "gui/drawing_canvas.h"
#include "gui/layer_table.h"
#include "gui/layer_time_chart.h"
#include "gui/main_window.h"
#include "gui/memory_panel.h"
#include "gui/multinet_panel.h"
#include "gui/prediction_bars.h"

namespace tt::gui {

QWidget* MainWindow::build_inputs() {
  inputs_ = new QTabWidget(this);

  auto* draw = new QWidget(inputs_);
  canvas_ = new DrawingCanvas(draw);
  auto* clear = new QPushButton(tr("Clear"), draw);
  clear->setFocusPolicy(Qt::NoFocus);
  pen_ = new QSpinBox(draw);
  pen_->setRange(6, 40);
  pen_->setValue(canvas_->pen_width());
  pen_->setSuffix(tr(" px"));
  pen_->setToolTip(tr("Pen width on the 240x240 canvas"));
  connect(pen_, QOverload<int>::of(&QSpinBox::valueChanged), canvas_,
          &DrawingCanvas::set_pen_width);
  connect(clear, &QPushButton::clicked, canvas_, &DrawingCanvas::clear);
  connect(canvas_, &DrawingCanvas::stroke_finished, this, &MainWindow::push_canvas_frame);
  connect(canvas_, &DrawingCanvas::cleared, this, [this] {
    predictions_->clear();
    push_canvas_frame(canvas_->frame());
  });
  auto* draw_controls = new QHBoxLayout;
  draw_controls->addWidget(clear);
  draw_controls->addStretch(1);
  draw_controls->addWidget(new QLabel(tr("Pen"), draw));
  draw_controls->addWidget(pen_);
  auto* draw_layout = new QVBoxLayout(draw);
  draw_layout->addWidget(canvas_, 0, Qt::AlignHCenter);
  draw_layout->addLayout(draw_controls);
  auto* hint = new QLabel(tr("Draw with the mouse: every stroke goes to the app as a camera "
                             "frame. White ink on black, as MNIST; the app scales the ink to "
                             "20 pixels and centres it, so size and position do not matter."),
                          draw);
  hint->setWordWrap(true);
  hint->setStyleSheet(QStringLiteral("color: palette(dark);"));
  draw_layout->addWidget(hint);
  draw_layout->addStretch(1);
  inputs_->addTab(draw, tr("Draw"));

  auto* cam = new QWidget(inputs_);
  camera_ = new CameraPreview(cam);
  camera_source_ = new QLabel(cam);
  camera_source_->setWordWrap(true);
  auto* cam_layout = new QVBoxLayout(cam);
  cam_layout->addWidget(camera_, 1);
  cam_layout->addWidget(camera_source_);
  inputs_->addTab(cam, tr("Camera"));

  audio_ = new AudioPanel(inputs_);
  inputs_->addTab(audio_, tr("Microphone"));
  return inputs_;
}

QWidget* MainWindow::build_prediction() {
  auto* w = new QWidget(this);
  predictions_ = new PredictionBars(w);
  keyword_ = new QLabel(w);
  keyword_->setTextFormat(Qt::RichText);
  auto* layout = new QVBoxLayout(w);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(predictions_, 1);
  layout->addWidget(keyword_);
  return w;
}

QWidget* MainWindow::build_analysis() {
  analysis_ = new QTabWidget(this);
  layers_ = new LayerTable(analysis_);
  chart_ = new LayerTimeChart(analysis_);
  auto* layer_split = new QSplitter(Qt::Horizontal, analysis_);
  layer_split->addWidget(layers_);
  layer_split->addWidget(chart_);
  layer_split->setStretchFactor(0, 3);
  layer_split->setStretchFactor(1, 2);
  // Side by side: whether the last pair of results agrees, above the per-layer CRC column.
  auto* layers_page = new QWidget(analysis_);
  agreement_ = new QLabel(layers_page);
  agreement_->setWordWrap(true);
  auto* layers_layout = new QVBoxLayout(layers_page);
  layers_layout->setContentsMargins(0, 0, 0, 0);
  layers_layout->addWidget(agreement_);
  layers_layout->addWidget(layer_split, 1);
  analysis_->addTab(layers_page, tr("Layers"));
  memory_ = new MemoryPanel(analysis_);
  analysis_->addTab(memory_, tr("Memory"));
  multinet_ = new MultinetPanel(analysis_);
  connect(multinet_, &MultinetPanel::shared_arena_toggled, this, &MainWindow::set_shared_arena);
  analysis_->addTab(multinet_, tr("Multinet"));
  QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
  if (!QFontInfo(fixed).fixedPitch()) {
    // Some platforms (offscreen, minimal X servers) answer with a proportional font; the
    // `tinytwin info` table needs its columns.
    fixed.setFamily(QStringLiteral("monospace"));
    fixed.setStyleHint(QFont::TypeWriter);
  }
  model_info_ = new QPlainTextEdit(analysis_);
  model_info_->setReadOnly(true);
  model_info_->setFont(fixed);
  model_info_->setLineWrapMode(QPlainTextEdit::NoWrap);
  analysis_->addTab(model_info_, tr("Model"));
  log_ = new QPlainTextEdit(analysis_);
  log_->setReadOnly(true);
  log_->setFont(fixed);
  log_->setMaximumBlockCount(2000);
  analysis_->addTab(log_, tr("Log"));

  auto* corner = new QWidget(analysis_);
  auto* corner_layout = new QHBoxLayout(corner);
  corner_layout->setContentsMargins(0, 0, 4, 0);
  corner_layout->addWidget(new QLabel(tr("Network:"), corner));
  network_box_ = new QComboBox(corner);
  network_box_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  connect(network_box_, QOverload<int>::of(&QComboBox::activated), this, &MainWindow::show_network);
  corner_layout->addWidget(network_box_);
  analysis_->setCornerWidget(corner, Qt::TopRightCorner);
  analysis_->setMinimumHeight(260);
  return analysis_;
}

QString MainWindow::model_info_text() const { return model_info_->toPlainText(); }

}  // namespace tt::gui
