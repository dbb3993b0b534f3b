#include "gui/twin_pairer.h"

#include <algorithm>

namespace tt::gui {

int first_diverging_layer(const apps::InferenceReport& host, const apps::InferenceReport& board) {
  const int n = std::max(host.op_count, board.op_count);
  for (int i = 0; i < n && i < apps::kMaxReportOps; ++i) {
    if (i >= host.op_count || i >= board.op_count || host.op_crc32[i] != board.op_crc32[i]) {
      return i;
    }
  }
  return -1;
}

void TwinPairer::reset() {
  host_.clear();
  board_.clear();
}

TwinPairer::Key TwinPairer::key(const InferenceResult& r) {
  if (r.input_id >= 0) return Key{r.serial, r.report.network, true, r.input_id};
  return Key{r.serial, r.report.network, false, r.report.sequence};
}

bool TwinPairer::add(const InferenceResult& r, TwinPair* pair) {
  const Key k = key(r);
  auto& mine = r.on_board ? board_ : host_;
  auto& theirs = r.on_board ? host_ : board_;
  const auto twin = theirs.find(k);
  if (twin == theirs.end()) {
    mine[k] = r;
    // Keys grow with time (serial first), so the smallest are the oldest.
    while (mine.size() > kMaxWaiting) mine.erase(mine.begin());
    return false;
  }
  pair->host = r.on_board ? twin->second : r;
  pair->board = r.on_board ? r : twin->second;
  theirs.erase(twin);
  const apps::InferenceReport& h = pair->host.report;
  const apps::InferenceReport& b = pair->board.report;
  pair->first_diverging = first_diverging_layer(h, b);
  pair->outputs_equal =
      pair->first_diverging < 0 && h.class_count == b.class_count && h.top == b.top &&
      h.output_crc32 == b.output_crc32 &&
      std::equal(h.scores, h.scores + std::min(h.class_count, apps::kMaxReportClasses), b.scores);
  return true;
}

}  // namespace tt::gui
