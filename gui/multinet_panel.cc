#include "gui/multinet_panel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "gui/layer_table.h"
#include "gui/timeline_view.h"

namespace tt::gui {

MultinetPanel::MultinetPanel(QWidget* parent) : QWidget(parent) {
  timeline_ = new TimelineView(this);
  state_ = new QLabel(this);
  keyword_ = new QLabel(tr("last keyword: —"), this);
  counts_ = new QLabel(this);
  memory_ = new QLabel(this);
  memory_->setTextFormat(Qt::RichText);
  shared_ = new QCheckBox(tr("Shared arena"), this);
  shared_->setChecked(true);
  shared_->setToolTip(
      tr("One arena of the larger size for both networks (they never run at the same time), "
         "or one partition each"));
  connect(shared_, &QCheckBox::toggled, this, &MultinetPanel::shared_arena_toggled);

  auto* side = new QVBoxLayout;
  side->addWidget(state_);
  side->addWidget(keyword_);
  side->addWidget(counts_);
  side->addSpacing(8);
  side->addWidget(memory_);
  side->addWidget(shared_);
  side->addStretch(1);
  auto* layout = new QHBoxLayout(this);
  layout->addLayout(side);
  layout->addWidget(timeline_, 1);
  set_snapshot(MultinetSnapshot());
}

void MultinetPanel::set_snapshot(const MultinetSnapshot& s) {
  running_ = s.classifier_running;
  state_->setText(s.classifier_running ? tr("<b>image classifier: running</b>")
                                       : tr("<b>image classifier: stopped</b> (say \"go\")"));
  counts_->setText(
      tr("%1 audio windows, %2 image inferences").arg(s.audio_windows).arg(s.image_inferences));
  const apps::MultinetMemory& m = s.memory;
  memory_->setText(
      tr("<table cellspacing=0 cellpadding=2>"
         "<tr><td></td><td align=right><i>plan</i></td><td align=right><i>arena</i></td></tr>"
         "<tr><td>keyword net&nbsp;&nbsp;</td><td align=right>%1 B</td>"
         "<td align=right>&nbsp;&nbsp;%2 B</td></tr>"
         "<tr><td>image net</td><td align=right>%3 B</td><td align=right>%4 B</td></tr>"
         "<tr><td colspan=2><b>%5 arena in use</b></td><td align=right><b>%6 B</b></td></tr>"
         "</table>")
          .arg(grouped(m.kws_plan_bytes), grouped(m.kws_arena_bytes), grouped(m.image_plan_bytes),
               grouped(m.image_arena_bytes), m.shared_arena ? tr("shared") : tr("partitioned"),
               grouped(m.arena_bytes_used)));
  timeline_->set_snapshot(s);
}

void MultinetPanel::set_last_keyword(const QString& keyword) {
  keyword_->setText(tr("last keyword: <b>%1</b>").arg(keyword));
}

void MultinetPanel::set_shared_arena(bool shared) {
  const QSignalBlocker block(shared_);
  shared_->setChecked(shared);
}

}  // namespace tt::gui
