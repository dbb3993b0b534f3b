// The messages the host and a board exchange over the frame codec (frame_codec.h): their
// type codes and payload layouts. One definition for both sides; a version bump in
// kProtocolVersion whenever a layout changes, checked by the Hello handshake.
//
// Host -> board: the handshake, model plans (chunked), which app to start, camera frames
// (chunked by rows), audio chunks, button events, plan runs, exit.
// Board -> host: the handshake reply, an Ack for every request that can fail, LCD regions,
// inference reports with per-layer ticks and output CRC32s, keywords, app messages, logs.
//
// Flow control: a request the host must know the outcome of gets an Ack carrying the
// request's sequence number and a LinkStatus. Streams (rows, audio) are not acked: the UART
// paces them (QEMU hands the guest one byte at a time; a real board's RX interrupt fills a
// ring the firmware drains between inferences).
#pragma once

#include <cstdint>

#include "hal/link/wire.h"

namespace tt::link {

inline constexpr uint16_t kProtocolVersion = 1;

enum class MsgType : uint8_t {
  // host -> board
  kHello = 0x01,
  kPlanBegin = 0x02,
  kPlanData = 0x03,
  kPlanEnd = 0x04,
  kStartApp = 0x05,
  kStopApp = 0x06,
  kCameraFormat = 0x07,
  kCameraRows = 0x08,
  kCameraEnd = 0x09,
  kAudio = 0x0A,
  kAudioEnd = 0x0B,
  kButton = 0x0C,
  kTensorData = 0x0D,
  kRunPlan = 0x0E,
  kPing = 0x0F,
  kExit = 0x10,
  // board -> host
  kHelloReply = 0x81,
  kAck = 0x82,
  kLog = 0x83,
  kLcdRegion = 0x84,
  kLcdFlush = 0x85,
  kInference = 0x86,
  kLayers = 0x87,
  kKeyword = 0x88,
  kMessage = 0x89,
  kLed = 0x8A,
  kOutput = 0x8B,
  kAppStatus = 0x8C,
};
const char* msg_type_name(uint8_t type);

// Outcome of a request, carried by an Ack.
enum class LinkStatus : uint8_t {
  kOk = 0,
  kBadPayload,    // too short or inconsistent for its type
  kBadVersion,    // Hello with another protocol version
  kBadSlot,       // model slot or linked-model index out of range
  kTooLarge,      // plan or tensor larger than the board's buffers
  kBadCrc,        // the reassembled plan's CRC32 differs from PlanBegin's
  kPlanRejected,  // the board's plan loader refused it (detail = its status code)
  kNoPlan,        // RunPlan/StartApp names an empty slot
  kUnknownApp,
  kAppFailed,  // the app's start() failed (detail = AppStatus, text = its message)
  kRunFailed,  // a plan run failed (detail = failing op)
  kBadState,   // e.g. data for a plan that was never begun
  kUnknownType,
};
const char* link_status_name(LinkStatus s);

enum class AppId : uint8_t { kMnistDraw = 0, kCifar10Camera = 1, kKws = 2, kMultinet = 3 };
inline constexpr int kAppCount = 4;

// Where a model comes from: a plan uploaded into a slot, or one linked into the firmware.
enum class ModelSource : uint8_t { kUploaded = 0, kLinked = 1 };

inline constexpr int kMaxModelSlots = 2;
inline constexpr int kMaxLayersPerReport = 512;
inline constexpr int kMaxScores = 16;
inline constexpr uint32_t kPlanChunkBytes = 4096;
inline constexpr int kAudioChunkSamples = 2048;

struct Hello {
  uint16_t version = kProtocolVersion;
  void write(Writer& w) const { w.u16(version); }
  bool read(Reader& r) {
    version = r.u16();
    return r.ok();
  }
};

struct HelloReply {
  uint16_t version = kProtocolVersion;
  uint16_t max_payload = 0;
  uint32_t arena_bytes = 0;     // per model slot
  uint32_t max_plan_bytes = 0;  // per model slot
  uint64_t ticks_per_second = 0;
  char board[48] = {};
  char tick_meaning[64] = {};
  char linked_models[128] = {};  // comma-separated names, index = position
  void write(Writer& w) const {
    w.u16(version);
    w.u16(max_payload);
    w.u32(arena_bytes);
    w.u32(max_plan_bytes);
    w.u64(ticks_per_second);
    w.str(board);
    w.str(tick_meaning);
    w.str(linked_models);
  }
  bool read(Reader& r) {
    version = r.u16();
    max_payload = r.u16();
    arena_bytes = r.u32();
    max_plan_bytes = r.u32();
    ticks_per_second = r.u64();
    r.str(board, sizeof board);
    r.str(tick_meaning, sizeof tick_meaning);
    r.str(linked_models, sizeof linked_models);
    return r.ok();
  }
};

struct Ack {
  uint16_t sequence = 0;  // of the request
  uint8_t type = 0;       // of the request
  LinkStatus status = LinkStatus::kOk;
  int32_t detail = 0;
  char text[160] = {};
  void write(Writer& w) const {
    w.u16(sequence);
    w.u8(type);
    w.u8(static_cast<uint8_t>(status));
    w.i32(detail);
    w.str(text);
  }
  bool read(Reader& r) {
    sequence = r.u16();
    type = r.u8();
    status = static_cast<LinkStatus>(r.u8());
    detail = r.i32();
    r.str(text, sizeof text);
    return r.ok();
  }
};

struct PlanBegin {
  uint8_t slot = 0;
  uint32_t total_bytes = 0;
  uint32_t crc32 = 0;
  void write(Writer& w) const {
    w.u8(slot);
    w.u32(total_bytes);
    w.u32(crc32);
  }
  bool read(Reader& r) {
    slot = r.u8();
    total_bytes = r.u32();
    crc32 = r.u32();
    return r.ok();
  }
};

// PlanData / TensorData: slot, offset, then the bytes up to the end of the payload.
struct ChunkHeader {
  static constexpr int kBytes = 5;
  uint8_t slot = 0;
  uint32_t offset = 0;
  void write(Writer& w) const {
    w.u8(slot);
    w.u32(offset);
  }
  bool read(Reader& r) {
    slot = r.u8();
    offset = r.u32();
    return r.ok();
  }
};

struct StartApp {
  AppId app = AppId::kMnistDraw;
  uint8_t model_count = 0;
  ModelSource source[kMaxModelSlots] = {};
  uint8_t index[kMaxModelSlots] = {};  // slot or linked-model index
  bool shared_arena = true;            // multinet: both plans in one arena
  uint8_t devices = 0;                 // kHasCamera | kHasMicrophone: what the host feeds
  static constexpr uint8_t kHasCamera = 1, kHasMicrophone = 2;
  uint16_t lcd_min_interval_ms = 0;  // LCD rate limit in board time; 0: every flush
  void write(Writer& w) const {
    w.u8(static_cast<uint8_t>(app));
    w.u8(model_count);
    for (int i = 0; i < kMaxModelSlots; ++i) {
      w.u8(static_cast<uint8_t>(source[i]));
      w.u8(index[i]);
    }
    w.u8(shared_arena ? 1 : 0);
    w.u8(devices);
    w.u16(lcd_min_interval_ms);
  }
  bool read(Reader& r) {
    app = static_cast<AppId>(r.u8());
    model_count = r.u8();
    for (int i = 0; i < kMaxModelSlots; ++i) {
      source[i] = static_cast<ModelSource>(r.u8());
      index[i] = r.u8();
    }
    shared_arena = r.u8() != 0;
    devices = r.u8();
    lcd_min_interval_ms = r.u16();
    return r.ok() && model_count <= kMaxModelSlots;
  }
};

struct CameraFormat {
  uint8_t format = 1;  // hal::PixelFormat
  uint16_t width = 0;
  uint16_t height = 0;
  void write(Writer& w) const {
    w.u8(format);
    w.u16(width);
    w.u16(height);
  }
  bool read(Reader& r) {
    format = r.u8();
    width = r.u16();
    height = r.u16();
    return r.ok();
  }
};

// CameraRows: this header, then rows * width * bytes-per-pixel bytes. The frame is complete
// when y + rows == height.
struct CameraRows {
  static constexpr int kBytes = 6;
  uint16_t frame = 0;
  uint16_t y = 0;
  uint16_t rows = 0;
  void write(Writer& w) const {
    w.u16(frame);
    w.u16(y);
    w.u16(rows);
  }
  bool read(Reader& r) {
    frame = r.u16();
    y = r.u16();
    rows = r.u16();
    return r.ok();
  }
};

// LcdRegion: this header, then w * h RGB565 pixels (little-endian u16). LcdFlush carries the
// rectangle of the whole update once its regions are sent.
struct LcdRect {
  static constexpr int kBytes = 8;
  uint16_t x = 0, y = 0, w = 0, h = 0;
  void write(Writer& wr) const {
    wr.u16(x);
    wr.u16(y);
    wr.u16(w);
    wr.u16(h);
  }
  bool read(Reader& r) {
    x = r.u16();
    y = r.u16();
    w = r.u16();
    h = r.u16();
    return r.ok();
  }
};

// Inference: one report (apps::InferenceReport without the per-layer arrays, which follow in
// Layers messages, and without the label strings, which the host knows per model).
struct Inference {
  uint8_t network = 0;
  uint8_t class_count = 0;
  int8_t top = -1;
  uint32_t sequence = 0;
  uint64_t started_ticks = 0;
  uint64_t frontend_ticks = 0;
  uint64_t inference_ticks = 0;
  float output_scale = 0.0f;
  int32_t output_zero_point = 0;
  uint32_t output_crc32 = 0;
  uint16_t op_count = 0;
  // Layer marks (tt_layer_marker calls, one before and one after each layer) made before
  // this inference's first: its layers are marks first_mark .. first_mark + 2 * op_count - 1
  // of the emulator's exact instruction counter.
  uint32_t first_mark = 0;
  int8_t scores[kMaxScores] = {};
  char model[32] = {};
  void write(Writer& w) const {
    w.u8(network);
    w.u8(class_count);
    w.u8(static_cast<uint8_t>(top));
    w.u32(sequence);
    w.u64(started_ticks);
    w.u64(frontend_ticks);
    w.u64(inference_ticks);
    w.f32(output_scale);
    w.i32(output_zero_point);
    w.u32(output_crc32);
    w.u16(op_count);
    w.u32(first_mark);
    w.bytes(scores, sizeof scores);
    w.str(model);
  }
  bool read(Reader& r) {
    network = r.u8();
    class_count = r.u8();
    top = static_cast<int8_t>(r.u8());
    sequence = r.u32();
    started_ticks = r.u64();
    frontend_ticks = r.u64();
    inference_ticks = r.u64();
    output_scale = r.f32();
    output_zero_point = r.i32();
    output_crc32 = r.u32();
    op_count = r.u16();
    first_mark = r.u32();
    const uint8_t* s = r.bytes(sizeof scores);
    if (s) std::memcpy(scores, s, sizeof scores);
    r.str(model, sizeof model);
    return r.ok() && class_count <= kMaxScores && op_count <= kMaxLayersPerReport;
  }
};

// Layers: first op index, count, then count x (u64 ticks, u32 output CRC32). Sent after its
// Inference, split so each message fits the payload limit.
struct LayersHeader {
  static constexpr int kBytes = 4;
  static constexpr int kEntryBytes = 12;
  uint16_t first = 0;
  uint16_t count = 0;
  void write(Writer& w) const {
    w.u16(first);
    w.u16(count);
  }
  bool read(Reader& r) {
    first = r.u16();
    count = r.u16();
    return r.ok();
  }
};

struct Keyword {
  int32_t keyword = -1;
  int32_t score = 0;
  uint64_t ticks = 0;
  void write(Writer& w) const {
    w.i32(keyword);
    w.i32(score);
    w.u64(ticks);
  }
  bool read(Reader& r) {
    keyword = r.i32();
    score = r.i32();
    ticks = r.u64();
    return r.ok();
  }
};

// RunPlan: run the plan in `slot` on the input tensor gathered by TensorData messages.
struct RunPlan {
  uint8_t slot = 0;
  uint32_t input_bytes = 0;
  void write(Writer& w) const {
    w.u8(slot);
    w.u32(input_bytes);
  }
  bool read(Reader& r) {
    slot = r.u8();
    input_bytes = r.u32();
    return r.ok();
  }
};

// Output: output index, offset, then bytes (an output larger than a payload is split).
struct OutputHeader {
  static constexpr int kBytes = 9;
  uint8_t index = 0;
  uint32_t offset = 0;
  uint32_t total_bytes = 0;
  void write(Writer& w) const {
    w.u8(index);
    w.u32(offset);
    w.u32(total_bytes);
  }
  bool read(Reader& r) {
    index = r.u8();
    offset = r.u32();
    total_bytes = r.u32();
    return r.ok();
  }
};

}  // namespace tt::link
