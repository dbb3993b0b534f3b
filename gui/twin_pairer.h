// Side by side: pairs each host inference with the board's inference of the same input and
// says where they part. A camera network's inference is keyed by the frame both were fed
// (InferenceResult::input_id); an audio network's by its sequence number, since both run
// their windows over the same stream of samples from the same start; both within the same
// request (InferenceResult::serial), as every request restarts both apps. Results wait for their
// twin (the board lags the host by seconds); the oldest are dropped beyond a bound, so a
// result whose twin never comes (an input one side did not classify) costs nothing.
#pragma once

#include <QMetaType>
#include <cstdint>
#include <map>
#include <tuple>

#include "gui/worker_types.h"

namespace tt::gui {

struct TwinPair {
  InferenceResult host, board;
  int first_diverging = -1;    // first layer whose output CRC32 differs; -1: none
  bool outputs_equal = false;  // scores and every layer's CRC32
};

// The first layer whose output CRC32 differs (a layer missing on one side differs); -1 when
// every layer agrees.
int first_diverging_layer(const apps::InferenceReport& host, const apps::InferenceReport& board);

class TwinPairer {
 public:
  static constexpr size_t kMaxWaiting = 64;  // per side

  void reset();
  // Adds a result (on_board says which side); true with *pair set when its twin was waiting.
  bool add(const InferenceResult& result, TwinPair* pair);
  size_t waiting() const { return host_.size() + board_.size(); }

 private:
  // request serial, network, by frame, frame id or sequence
  using Key = std::tuple<int, int, bool, int64_t>;
  static Key key(const InferenceResult& r);
  std::map<Key, InferenceResult> host_, board_;
};

}  // namespace tt::gui

Q_DECLARE_METATYPE(tt::gui::TwinPair)
