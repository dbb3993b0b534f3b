#include "gui/audio_panel.h"

#include <QLabel>
#include <QStackedLayout>
#include <QVBoxLayout>

#include "gui/level_meter.h"
#include "gui/mfcc_heatmap.h"

namespace tt::gui {

AudioPanel::AudioPanel(QWidget* parent) : QWidget(parent) {
  meter_ = new LevelMeter(this);
  heatmap_ = new MfccHeatmap(this);
  source_ = new QLabel(this);
  source_->setWordWrap(true);
  message_ = new QLabel(this);
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  message_->setStyleSheet(
      QStringLiteral("background: #202328; color: #d8dbe0; padding: 16px; border-radius: 3px;"));

  auto* live = new QWidget(this);
  auto* live_layout = new QVBoxLayout(live);
  live_layout->setContentsMargins(0, 0, 0, 0);
  live_layout->addWidget(source_);
  live_layout->addWidget(new QLabel(tr("Input level"), live));
  live_layout->addWidget(meter_);
  live_layout->addSpacing(6);
  auto* caption = new QLabel(tr("MFCC window: the last second, c0 (energy) on top"), live);
  caption->setWordWrap(true);  // never widen the input column
  live_layout->addWidget(caption);
  live_layout->addWidget(heatmap_);
  live_layout->addStretch(1);

  stack_ = new QStackedLayout(this);
  stack_->addWidget(live);
  stack_->addWidget(message_);
}

void AudioPanel::set_source_text(const QString& text) { source_->setText(text); }

void AudioPanel::set_message(const QString& message) {
  message_->setText(message);
  stack_->setCurrentIndex(message.isEmpty() ? 0 : 1);
}

QString AudioPanel::message() const {
  return stack_->currentIndex() == 1 ? message_->text() : QString();
}

}  // namespace tt::gui
