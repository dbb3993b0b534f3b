// SimBoard: see sim_board.h.
#include "sim/sim_board.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace tt::sim {
namespace {

using Clock = std::chrono::steady_clock;
constexpr size_t kMaxUartLines = 40;

std::chrono::milliseconds ms(double seconds) {
  return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000.0));
}

bool write_all(int fd, const uint8_t* data, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, data, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

class FdSink final : public link::ByteSink {
 public:
  explicit FdSink(int fd) : fd_(fd) {}
  void write(const uint8_t* data, size_t bytes) override {
    ok_ = ok_ && write_all(fd_, data, bytes);
  }
  bool ok() const { return ok_; }

 private:
  int fd_;
  bool ok_ = true;
};

}  // namespace

SimBoard::SimBoard(SimOptions options)
    : options_(std::move(options)), lcd_(static_cast<size_t>(kLcdWidth) * kLcdHeight, 0) {}

SimBoard::~SimBoard() {
  if (qemu_.pid() > 0 && !qemu_.exited() && !dead_) {
    uint16_t seq;
    send(link::MsgType::kExit, nullptr, 0, &seq);
    qemu_.wait_exited(2000);
  }
  stop_ = true;
  qemu_.kill(200);
  if (reader_.joinable()) reader_.join();
  if (marks_) std::fclose(marks_);
  if (!plugin_out_.empty()) std::remove(plugin_out_.c_str());
}

void SimBoard::set_event_callback(std::function<void(const SimEvent&)> callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  callback_ = std::move(callback);
}

void SimBoard::notify(const SimEvent& e) {
  std::function<void(const SimEvent&)> cb;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    cb = callback_;
  }
  if (cb) cb(e);
}

bool SimBoard::start() {
  QemuCommand c;
  c.qemu = options_.qemu;
  c.firmware = options_.firmware;
  c.extra_args = options_.extra_args;
  if (!options_.plugin.empty()) {
    char name[] = "/tmp/tinytwin-marks-XXXXXX";
    const int fd = mkstemp(name);
    if (fd < 0) {
      error_ = "cannot create a temporary file for the instruction counter";
      return false;
    }
    close(fd);
    plugin_out_ = name;
    c.plugin = options_.plugin;
    c.plugin_out = plugin_out_;
  }
  if (!qemu_.start(c)) {
    error_ = qemu_.error();
    dead_ = true;
    return false;
  }
  last_byte_ = Clock::now();
  deadline_ = Clock::now() + ms(options_.wall_timeout_s);
  reader_ = std::thread([this] { reader_loop(); });
  link::Hello h;
  uint8_t buf[8];
  link::Writer w(buf, sizeof buf);
  h.write(w);
  uint16_t seq;
  if (!send(link::MsgType::kHello, buf, w.size(), &seq)) return false;
  // No own deadline: a board that talks but never answers is stopped by the idle limit
  // once it falls silent, one that keeps talking by the session's wall-clock limit.
  const bool ok = wait_for(
      options_.wall_timeout_s, [this] { return have_hello_ || !acks_.empty(); },
      "the firmware's hello reply");
  if (!ok) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!have_hello_) {
    error_ = std::string("handshake refused by the board: ") + acks_.front().text;
    return false;
  }
  if (info_.version != link::kProtocolVersion) {
    error_ = "the firmware speaks link protocol " + std::to_string(info_.version) + ", this host " +
             std::to_string(link::kProtocolVersion) + ": rebuild the firmware";
    return false;
  }
  return true;
}

int SimBoard::linked_model(const std::string& name) const {
  std::string all = info_.linked_models;
  int index = 0;
  size_t start = 0;
  while (start <= all.size() && !all.empty()) {
    size_t end = all.find(',', start);
    if (end == std::string::npos) end = all.size();
    if (all.compare(start, end - start, name) == 0) return index;
    ++index;
    start = end + 1;
  }
  return -1;
}

// ---- sending --------------------------------------------------------------------------

bool SimBoard::send(link::MsgType type, const link::Span* pieces, int count, uint16_t* sequence) {
  if (dead_) return false;
  std::lock_guard<std::mutex> lock(write_mutex_);
  FdSink sink(qemu_.uart_in());
  const uint16_t seq = tx_sequence_++;
  if (sequence) *sequence = seq;
  if (!link::write_frame(sink, static_cast<uint8_t>(type), seq, pieces, count)) {
    error_ =
        std::string("internal: cannot frame a ") + link::msg_type_name(static_cast<uint8_t>(type));
    return false;
  }
  if (!sink.ok()) {
    die("the board's UART is closed (QEMU ended)");
    return false;
  }
  return true;
}

bool SimBoard::send(link::MsgType type, const void* payload, size_t bytes, uint16_t* sequence) {
  const link::Span s{payload, bytes};
  uint16_t seq;
  return send(type, &s, 1, sequence ? sequence : &seq);
}

bool SimBoard::send_raw(const uint8_t* data, size_t bytes) {
  if (dead_) return false;
  std::lock_guard<std::mutex> lock(write_mutex_);
  return write_all(qemu_.uart_in(), data, bytes);
}

template <typename Ready>
bool SimBoard::wait_for(double timeout_s, Ready ready, const char* what) {
  std::unique_lock<std::mutex> lock(mutex_);
  const auto give_up = Clock::now() + ms(timeout_s);
  for (;;) {
    if (ready()) return true;
    if (dead_) return false;
    const auto now = Clock::now();
    if (now - last_byte_ >= ms(options_.idle_timeout_s)) {
      lock.unlock();
      die("the board sent nothing for " +
          std::to_string(static_cast<int>(options_.idle_timeout_s)) +
          " s while the host waited for " + what + " (hung firmware?)");
      return false;
    }
    if (now >= give_up) {
      error_ = std::string("timed out waiting for ") + what;
      return false;
    }
    cv_.wait_for(lock, std::chrono::milliseconds(50));
  }
}

bool SimBoard::wait_ack(uint16_t sequence, link::Ack* ack) {
  bool found = false;
  const bool ok = wait_for(
      options_.idle_timeout_s,
      [&] {
        for (auto it = acks_.begin(); it != acks_.end(); ++it) {
          if (it->sequence == sequence) {
            *ack = *it;
            acks_.erase(it);
            found = true;
            return true;
          }
        }
        return false;
      },
      "the board's reply");
  return ok && found;
}

bool SimBoard::request(link::MsgType type, const void* payload, size_t bytes, link::Ack* ack) {
  uint16_t seq;
  if (!send(type, payload, bytes, &seq)) return false;
  if (!wait_ack(seq, ack)) return false;
  if (ack->status != link::LinkStatus::kOk) {
    error_ = std::string(link::msg_type_name(static_cast<uint8_t>(type))) +
             " refused by the board (" + link::link_status_name(ack->status) + "): " + ack->text;
    return false;
  }
  return true;
}

bool SimBoard::ping() {
  link::Ack ack;
  return request(link::MsgType::kPing, nullptr, 0, &ack);
}

bool SimBoard::upload_plan(int slot, const std::vector<uint8_t>& plan) {
  link::PlanBegin b;
  b.slot = static_cast<uint8_t>(slot);
  b.total_bytes = static_cast<uint32_t>(plan.size());
  b.crc32 = link::crc32(0, plan.data(), plan.size());
  uint8_t buf[16];
  link::Writer w(buf, sizeof buf);
  b.write(w);
  link::Ack ack;
  if (!request(link::MsgType::kPlanBegin, buf, w.size(), &ack)) return false;
  for (size_t off = 0; off < plan.size(); off += link::kPlanChunkBytes) {
    const size_t n = std::min<size_t>(link::kPlanChunkBytes, plan.size() - off);
    uint8_t h[link::ChunkHeader::kBytes];
    link::Writer hw(h, sizeof h);
    link::ChunkHeader{static_cast<uint8_t>(slot), static_cast<uint32_t>(off)}.write(hw);
    const link::Span pieces[2] = {{h, sizeof h}, {plan.data() + off, n}};
    uint16_t seq;
    if (!send(link::MsgType::kPlanData, pieces, 2, &seq)) return false;
  }
  const uint8_t s = static_cast<uint8_t>(slot);
  return request(link::MsgType::kPlanEnd, &s, 1, &ack);
}

bool SimBoard::run_plan(int slot, const std::vector<uint8_t>& input, SimReport* report) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reports_.clear();
  }
  for (size_t off = 0; off < input.size() || off == 0; off += link::kPlanChunkBytes) {
    const size_t n = std::min<size_t>(link::kPlanChunkBytes, input.size() - off);
    uint8_t h[link::ChunkHeader::kBytes];
    link::Writer hw(h, sizeof h);
    link::ChunkHeader{static_cast<uint8_t>(slot), static_cast<uint32_t>(off)}.write(hw);
    const link::Span pieces[2] = {{h, sizeof h}, {input.data() + off, n}};
    uint16_t seq;
    if (!send(link::MsgType::kTensorData, pieces, 2, &seq)) return false;
    if (input.empty()) break;
  }
  link::RunPlan r;
  r.slot = static_cast<uint8_t>(slot);
  r.input_bytes = static_cast<uint32_t>(input.size());
  uint8_t buf[8];
  link::Writer w(buf, sizeof buf);
  r.write(w);
  link::Ack ack;
  if (!request(link::MsgType::kRunPlan, buf, w.size(), &ack)) return false;
  // The ack follows the report (the board sends outputs, report, layers, then the ack).
  return wait_report(report, options_.idle_timeout_s);
}

bool SimBoard::start_app(const link::StartApp& request_msg, std::string* message) {
  uint8_t buf[32];
  link::Writer w(buf, sizeof buf);
  request_msg.write(w);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    reports_.clear();
    keywords_.clear();
    messages_.clear();
  }
  link::Ack ack;
  const bool ok = request(link::MsgType::kStartApp, buf, w.size(), &ack);
  if (message) *message = ack.text;
  return ok;
}

bool SimBoard::stop_app() {
  link::Ack ack;
  return request(link::MsgType::kStopApp, nullptr, 0, &ack);
}

bool SimBoard::set_camera_format(uint8_t pixel_format, int width, int height) {
  link::CameraFormat f;
  f.format = pixel_format;
  f.width = static_cast<uint16_t>(width);
  f.height = static_cast<uint16_t>(height);
  uint8_t buf[8];
  link::Writer w(buf, sizeof buf);
  f.write(w);
  camera_format_ = f;
  return send(link::MsgType::kCameraFormat, buf, w.size());
}

bool SimBoard::send_frame(const uint8_t* pixels, size_t bytes) {
  const size_t row =
      static_cast<size_t>(camera_format_.width) * (camera_format_.format == 0 ? 3 : 2);
  if (row == 0 || bytes != row * camera_format_.height) {
    error_ = "frame of " + std::to_string(bytes) + " bytes does not match the camera format";
    return false;
  }
  const int rows_per_frame = static_cast<int>((link::kMaxPayload - link::CameraRows::kBytes) / row);
  for (int y = 0; y < camera_format_.height; y += rows_per_frame) {
    const int rows = std::min(rows_per_frame, camera_format_.height - y);
    uint8_t h[link::CameraRows::kBytes];
    link::Writer hw(h, sizeof h);
    link::CameraRows{frame_id_, static_cast<uint16_t>(y), static_cast<uint16_t>(rows)}.write(hw);
    const link::Span pieces[2] = {{h, sizeof h}, {pixels + y * row, rows * row}};
    uint16_t seq;
    if (!send(link::MsgType::kCameraRows, pieces, 2, &seq)) return false;
  }
  ++frame_id_;
  return true;
}

bool SimBoard::send_camera_end() { return send(link::MsgType::kCameraEnd, nullptr, 0); }

bool SimBoard::send_audio(const int16_t* samples, size_t count) {
  uint8_t buf[link::kAudioChunkSamples * 2];
  for (size_t off = 0; off < count; off += link::kAudioChunkSamples) {
    const size_t n = std::min<size_t>(link::kAudioChunkSamples, count - off);
    link::Writer w(buf, sizeof buf);
    for (size_t i = 0; i < n; ++i) w.u16(static_cast<uint16_t>(samples[off + i]));
    if (!send(link::MsgType::kAudio, buf, w.size())) return false;
  }
  return true;
}

bool SimBoard::send_audio_end() { return send(link::MsgType::kAudioEnd, nullptr, 0); }

bool SimBoard::set_button(bool pressed) {
  const uint8_t b = pressed ? 1 : 0;
  return send(link::MsgType::kButton, &b, 1);
}

// ---- results ----------------------------------------------------------------------------

template <typename T>
bool SimBoard::pop_when_ready(std::deque<T>& queue, T* out, double timeout_s, const char* what) {
  if (!wait_for(
          timeout_s, [&queue] { return !queue.empty(); }, what))
    return false;
  std::lock_guard<std::mutex> lock(mutex_);
  *out = std::move(queue.front());
  queue.pop_front();
  return true;
}

bool SimBoard::wait_report(SimReport* report, double timeout_s) {
  return pop_when_ready(reports_, report, timeout_s, "an inference report");
}

bool SimBoard::wait_keyword(link::Keyword* keyword, double timeout_s) {
  return pop_when_ready(keywords_, keyword, timeout_s, "a keyword");
}

std::vector<std::string> SimBoard::take_messages() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out;
  out.swap(messages_);
  return out;
}

std::vector<link::Keyword> SimBoard::take_keywords() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<link::Keyword> out(keywords_.begin(), keywords_.end());
  keywords_.clear();
  return out;
}

std::vector<SimReport> SimBoard::take_reports() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<SimReport> out(std::make_move_iterator(reports_.begin()),
                             std::make_move_iterator(reports_.end()));
  reports_.clear();
  return out;
}

void SimBoard::copy_lcd(uint16_t* out, uint64_t* flushes) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::memcpy(out, lcd_.data(), lcd_.size() * sizeof(uint16_t));
  if (flushes) *flushes = lcd_flushes_;
}

uint64_t SimBoard::lcd_flushes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lcd_flushes_;
}

int SimBoard::exit_board(double timeout_s) {
  if (!dead_) {
    uint16_t seq;
    send(link::MsgType::kExit, nullptr, 0, &seq);
  }
  if (!qemu_.wait_exited(static_cast<int>(timeout_s * 1000))) qemu_.kill(500);
  stop_ = true;
  if (reader_.joinable()) reader_.join();
  dead_ = true;
  return qemu_.exit_code();
}

std::vector<std::string> SimBoard::uart_lines() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> out(uart_lines_.begin(), uart_lines_.end());
  if (!uart_partial_.empty()) out.push_back(uart_partial_);
  return out;
}

link::DecoderStats SimBoard::link_stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

// ---- the reader thread --------------------------------------------------------------------

void SimBoard::die(const std::string& why) {
  if (dead_.exchange(true)) return;
  qemu_.kill(300);
  std::string text = why;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (qemu_.exited()) text += "; QEMU exit status " + std::to_string(qemu_.exit_code());
    if (!uart_lines_.empty() || !uart_partial_.empty()) {
      text += "; last UART lines:";
      for (const std::string& l : uart_lines_) text += "\n  | " + l;
      if (!uart_partial_.empty()) text += "\n  | " + uart_partial_;
    }
  }
  const std::string err = qemu_.stderr_text();
  if (!err.empty()) text += "\nQEMU said: " + err.substr(0, 600);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = text;
  }
  cv_.notify_all();
  notify(SimEvent{SimEvent::kDied, text, 0});
}

void SimBoard::on_text(const uint8_t* data, size_t n) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (size_t i = 0; i < n; ++i) {
    const char c = static_cast<char>(data[i]);
    if (c == '\n') {
      uart_lines_.push_back(uart_partial_);
      uart_partial_.clear();
      if (uart_lines_.size() > kMaxUartLines) uart_lines_.pop_front();
    } else if (c != '\r' && uart_partial_.size() < 200) {
      uart_partial_ += (c >= 32 && c < 127) ? c : '.';
    }
  }
}

void SimBoard::reader_loop() {
  std::vector<uint8_t> rx(link::kMaxFrameBytes);
  link::Decoder decoder(rx.data(), rx.size());
  uint8_t buf[4096];
  uint8_t skipped[256];
  while (!stop_) {
    pollfd p{qemu_.uart_out(), POLLIN, 0};
    const int r = ::poll(&p, 1, 100);
    if (Clock::now() >= deadline_) {
      die("the session exceeded its wall-clock limit of " +
          std::to_string(static_cast<int>(options_.wall_timeout_s)) + " s");
      return;
    }
    if (r <= 0) continue;
    const ssize_t n = ::read(qemu_.uart_out(), buf, sizeof buf);
    if (n <= 0) {
      if (n < 0 && errno == EINTR) continue;
      // End of the UART: QEMU ended. An exit the host asked for is not an error.
      qemu_.wait_exited(2000);
      if (!stop_) {
        die(qemu_.exited() && qemu_.exit_code() == 0 ? "the firmware exited"
                                                     : "the emulated board stopped");
      }
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      last_byte_ = Clock::now();
    }
    for (ssize_t i = 0; i < n; ++i) {
      link::Frame f;
      link::DecodeEvent e = decoder.push(buf[i], &f);
      for (;;) {
        const size_t k = decoder.take_skipped(skipped, sizeof skipped);
        if (k) on_text(skipped, k);
        if (e == link::DecodeEvent::kFrame) on_frame(f);
        if (!decoder.pending()) break;
        e = decoder.poll(&f);
      }
    }
    std::lock_guard<std::mutex> lock(mutex_);
    stats_ = decoder.stats();
  }
}

void SimBoard::attach_exact_counts(SimReport* r) {
  if (plugin_out_.empty()) return;
  if (!marks_) marks_ = std::fopen(plugin_out_.c_str(), "r");
  if (!marks_) return;
  const size_t need = static_cast<size_t>(r->info.first_mark) + 2u * r->info.op_count;
  // The plugin writes each mark before the firmware can send the report that follows it,
  // so the lines are there; a short retry covers the file system's latency.
  for (int attempt = 0; mark_counts_.size() < need && attempt < 100; ++attempt) {
    char line[128];
    while (mark_counts_.size() < need && std::fgets(line, sizeof line, marks_)) {
      unsigned long long index = 0, count = 0;
      if (std::sscanf(line, "%llu %llu", &index, &count) == 2) mark_counts_.push_back(count);
    }
    if (mark_counts_.size() < need) {
      std::clearerr(marks_);
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
  }
  if (mark_counts_.size() < need) return;
  r->op_instructions.resize(r->info.op_count);
  for (size_t i = 0; i < r->info.op_count; ++i) {
    const size_t m = r->info.first_mark + 2 * i;
    r->op_instructions[i] = mark_counts_[m + 1] - mark_counts_[m];
  }
}

void SimBoard::on_frame(const link::Frame& f) {
  using link::MsgType;
  link::Reader r(f.payload, f.length);
  switch (static_cast<MsgType>(f.type)) {
    case MsgType::kHelloReply: {
      link::HelloReply h;
      if (h.read(r)) {
        std::lock_guard<std::mutex> lock(mutex_);
        info_ = h;
        have_hello_ = true;
      }
      break;
    }
    case MsgType::kAck: {
      link::Ack a;
      if (a.read(r)) {
        std::lock_guard<std::mutex> lock(mutex_);
        acks_.push_back(a);
        if (acks_.size() > 256) acks_.pop_front();
      }
      break;
    }
    case MsgType::kLcdRegion: {
      link::LcdRect rect;
      if (!rect.read(r) || rect.x + rect.w > kLcdWidth || rect.y + rect.h > kLcdHeight ||
          r.remaining() != static_cast<size_t>(rect.w) * rect.h * 2) {
        break;
      }
      std::lock_guard<std::mutex> lock(mutex_);
      for (int y = 0; y < rect.h; ++y) {
        for (int x = 0; x < rect.w; ++x) {
          lcd_[static_cast<size_t>(rect.y + y) * kLcdWidth + rect.x + x] = r.u16();
        }
      }
      break;
    }
    case MsgType::kLcdFlush: {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ++lcd_flushes_;
      }
      notify(SimEvent{SimEvent::kLcd, "", 0});
      break;
    }
    case MsgType::kInference: {
      auto rep = std::make_unique<SimReport>();
      if (!rep->info.read(r)) break;
      std::lock_guard<std::mutex> lock(mutex_);
      building_ = std::move(rep);
      if (building_->info.op_count == 0) {
        reports_.push_back(std::move(*building_));
        building_.reset();
      } else if (!pending_outputs_.empty()) {
        building_->outputs = std::move(pending_outputs_);
        pending_outputs_.clear();
      }
      break;
    }
    case MsgType::kLayers: {
      link::LayersHeader h;
      if (!h.read(r)) break;
      std::unique_ptr<SimReport> done;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!building_ || h.first != building_->op_ticks.size()) break;
        for (int i = 0; i < h.count; ++i) {
          building_->op_ticks.push_back(r.u64());
          building_->op_crc32.push_back(r.u32());
        }
        if (building_->op_ticks.size() >= building_->info.op_count) done = std::move(building_);
      }
      if (done) {
        attach_exact_counts(done.get());
        {
          std::lock_guard<std::mutex> lock(mutex_);
          reports_.push_back(std::move(*done));
          if (reports_.size() > 4096) reports_.pop_front();
        }
        cv_.notify_all();
        notify(SimEvent{SimEvent::kReport, "", 0});
      }
      break;
    }
    case MsgType::kOutput: {
      link::OutputHeader h;
      if (!h.read(r)) break;
      std::lock_guard<std::mutex> lock(mutex_);
      if (pending_outputs_.size() <= h.index) pending_outputs_.resize(h.index + 1);
      std::vector<uint8_t>& o = pending_outputs_[h.index];
      o.resize(h.total_bytes);
      const size_t n = r.remaining();
      if (h.offset + n <= o.size()) std::memcpy(o.data() + h.offset, r.bytes(n), n);
      break;
    }
    case MsgType::kKeyword: {
      link::Keyword k;
      if (!k.read(r)) break;
      {
        std::lock_guard<std::mutex> lock(mutex_);
        keywords_.push_back(k);
      }
      cv_.notify_all();
      notify(SimEvent{SimEvent::kKeyword, "", k.keyword});
      break;
    }
    case MsgType::kMessage:
    case MsgType::kLog: {
      const bool log = static_cast<MsgType>(f.type) == MsgType::kLog;
      const size_t skip = log && f.length > 0 ? 1 : 0;
      std::string text(reinterpret_cast<const char*>(f.payload) + skip, f.length - skip);
      if (!log) {
        std::lock_guard<std::mutex> lock(mutex_);
        messages_.push_back(text);
      }
      notify(SimEvent{log ? SimEvent::kLog : SimEvent::kMessage, text, 0});
      break;
    }
    case MsgType::kLed:
      if (f.length == 3) {
        notify(SimEvent{SimEvent::kLed, "",
                        (f.payload[0] << 16) | (f.payload[1] << 8) | f.payload[2]});
      }
      break;
    case MsgType::kAppStatus: {
      const uint8_t status = r.u8();
      char text[256];
      r.str(text, sizeof text);
      notify(SimEvent{SimEvent::kAppStatus, text, status});
      break;
    }
    default:
      break;
  }
  cv_.notify_all();
}

}  // namespace tt::sim
