// LinkReporter: see link_reporter.h.
#include "firmware/app/link_reporter.h"

#include <cstring>

#include "firmware/boards/board_support.h"

namespace tt::firmware {

namespace {
uint32_t g_marks;  // tt_layer_marker calls so far; the emulator's counter numbers them alike
}  // namespace

void LinkReporter::mark_layer(void*, int32_t, bool) {
  ++g_marks;
  tt_layer_marker();
}

uint32_t LinkReporter::marks() { return g_marks; }

void LinkReporter::on_inference(const apps::InferenceReport& report) {
  link::Inference m;
  m.network = static_cast<uint8_t>(report.network);
  m.class_count = static_cast<uint8_t>(report.class_count);
  m.top = static_cast<int8_t>(report.top);
  m.sequence = report.sequence;
  m.started_ticks = report.started_ticks;
  m.frontend_ticks = report.frontend_ticks;
  m.inference_ticks = report.inference_ticks;
  m.output_scale = report.output_scale;
  m.output_zero_point = report.output_zero_point;
  m.output_crc32 = report.output_crc32;
  m.op_count = static_cast<uint16_t>(report.op_count);
  std::memcpy(m.scores, report.scores, sizeof m.scores);
  std::strncpy(m.model, report.model ? report.model : "", sizeof m.model - 1);
  send_inference(m, report.op_ticks, report.op_crc32);
}

void LinkReporter::send_inference(const link::Inference& report, const uint64_t* ticks,
                                  const uint32_t* crc) {
  link::Inference m = report;
  // Sent right after the run, so the last 2 x op_count marks are this run's.
  m.first_mark = g_marks - 2u * m.op_count;
  {
    uint8_t buf[256];
    link::Writer w(buf, sizeof buf);
    m.write(w);
    link_.send(link::MsgType::kInference, buf, w.size());
  }
  const int32_t op_count = m.op_count;
  constexpr int kPerMessage = 256;  // 3 KB per message
  uint8_t buf[link::LayersHeader::kBytes + kPerMessage * link::LayersHeader::kEntryBytes];
  for (int32_t first = 0; first < op_count; first += kPerMessage) {
    const int32_t count = op_count - first < kPerMessage ? op_count - first : kPerMessage;
    link::Writer w(buf, sizeof buf);
    link::LayersHeader{static_cast<uint16_t>(first), static_cast<uint16_t>(count)}.write(w);
    for (int32_t i = first; i < first + count; ++i) {
      w.u64(ticks[i]);
      w.u32(crc[i]);
    }
    link_.send(link::MsgType::kLayers, buf, w.size());
  }
}

void LinkReporter::on_keyword(const apps::KeywordReport& keyword) {
  link::Keyword m;
  m.keyword = keyword.keyword;
  m.score = keyword.score;
  m.ticks = keyword.ticks;
  uint8_t buf[32];
  link::Writer w(buf, sizeof buf);
  m.write(w);
  link_.send(link::MsgType::kKeyword, buf, w.size());
}

void LinkReporter::on_message(const char* text) { send_text(link::MsgType::kMessage, text); }

void LinkReporter::send_text(link::MsgType type, const char* text) {
  link_.send(type, text, std::strlen(text));
}

}  // namespace tt::firmware
