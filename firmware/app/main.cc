// The application firmware: the board end of TinyTwin. Everything the board does is driven
// by the host over hal/link: the Hello handshake, model plans, which app runs, its camera,
// microphone and button input; the board sends back its LCD, inference reports with
// per-layer ticks and CRC32s, keywords and logs. One source for every board: the board
// differences are behind firmware/boards/board_support.h and firmware/app/memory_config.h.
//
// Main loop: handle a pending control frame (outside any app step, because it may stop or
// restart the app), else give the running app one step, else wait for the host.
#include <cstdio>
#include <cstring>

#include "firmware/app/app_session.h"
#include "firmware/app/firmware_port.h"
#include "firmware/app/link_reporter.h"
#include "firmware/app/memory_config.h"
#include "firmware/app/model_store.h"
#include "firmware/app/plan_service.h"
#include "hal/board/board_link.h"
#include "hal/board/link_button.h"
#include "hal/board/link_camera.h"
#include "hal/board/link_display.h"
#include "hal/board/link_log.h"
#include "hal/board/link_microphone.h"

namespace {

using namespace tt;  // NOLINT(google-build-using-namespace): the composition root
using link::LinkStatus;
using link::MsgType;

constexpr int kLcdWidth = hal::Display::kDefaultWidth;
constexpr int kLcdHeight = hal::Display::kDefaultHeight;
constexpr uint32_t kStepTimeoutMs = 20;

TT_LCD_BUFFER uint16_t g_lcd[kLcdWidth * kLcdHeight];
TT_CAMERA_BUFFER uint8_t g_camera[firmware::kCameraBufferBytes];
TT_BIG_BUFFER int16_t g_microphone[firmware::kMicrophoneRingSamples];

struct Firmware {
  firmware::FirmwarePort port;
  hal::board::BoardLink link{port};
  hal::board::LinkCamera camera{link, g_camera, sizeof g_camera};
  hal::board::LinkMicrophone microphone{link, g_microphone, firmware::kMicrophoneRingSamples};
  hal::board::LinkButton button{link};
  hal::board::LinkDisplay display{link, g_lcd, kLcdWidth, kLcdHeight};
  hal::board::LinkLed led{link, &tt_board_set_led};
  hal::board::PortClock clock{port};
  hal::board::LinkLog log{link};
  hal::Board board;
  firmware::ModelStore store;
  firmware::LinkReporter reporter{link};
  firmware::AppSession session{board, store, reporter};
  firmware::PlanService plans{store, reporter};

  Firmware() {
    link.add_sink(&camera);
    link.add_sink(&microphone);
    link.add_sink(&button);
    board.name = tt_board_name();
    board.camera = &camera;
    board.microphone = &microphone;
    board.display = &display;
    board.button = &button;
    board.led = &led;
    board.clock = &clock;
    board.log = &log;
  }

  void ack(const link::Frame& f, const firmware::StoreResult& r) {
    link.send_ack(f, r.status, r.detail, r.text);
  }

  void hello(const link::Frame& f) {
    link::Reader r(f.payload, f.length);
    link::Hello h;
    if (!h.read(r) || h.version != link::kProtocolVersion) {
      char text[64];
      std::snprintf(text, sizeof text, "board speaks protocol %u, host sent %u",
                    static_cast<unsigned>(link::kProtocolVersion),
                    static_cast<unsigned>(h.version));
      link.send_ack(f, LinkStatus::kBadVersion, link::kProtocolVersion, text);
      return;
    }
    link::HelloReply m;
    m.max_payload = static_cast<uint16_t>(link::kMaxPayload);
    m.arena_bytes = firmware::kArenaBytes;
    m.max_plan_bytes = firmware::kPlanSlotBytes;
    m.ticks_per_second = tt_board_ticks_per_second();
    std::snprintf(m.board, sizeof m.board, "%s", tt_board_name());
    std::snprintf(m.tick_meaning, sizeof m.tick_meaning, "%s", tt_board_tick_meaning());
    store.linked_names(m.linked_models, sizeof m.linked_models);
    uint8_t buf[320];
    link::Writer w(buf, sizeof buf);
    m.write(w);
    link.send(MsgType::kHelloReply, buf, w.size());
  }

  void start_app(const link::Frame& f) {
    link::Reader r(f.payload, f.length);
    link::StartApp m;
    if (!m.read(r)) {
      link.send_ack(f, LinkStatus::kBadPayload, 0, "short or invalid start_app");
      return;
    }
    session.stop();
    // Each session starts from clean devices: no stale frame, audio or button event.
    camera.reset((m.devices & link::StartApp::kHasCamera) != 0);
    microphone.reset((m.devices & link::StartApp::kHasMicrophone) != 0);
    button.reset();
    display.set_min_interval(&port, port.ticks_per_second() / 1000u * m.lcd_min_interval_ms);
    ack(f, session.start(m));
  }

  // Returns false when the firmware should end (Exit).
  bool handle(const link::Frame& f) {
    link::Reader r(f.payload, f.length);
    switch (static_cast<MsgType>(f.type)) {
      case MsgType::kHello:
        hello(f);
        break;
      case MsgType::kPing:
        link.send_ack(f, LinkStatus::kOk, 0, "");
        break;
      case MsgType::kPlanBegin:
        session.stop();  // the running app may use the slot being replaced
        ack(f, store.plan_begin(r));
        break;
      case MsgType::kPlanData: {
        const firmware::StoreResult res = store.plan_data(r);
        if (res.status != LinkStatus::kOk) ack(f, res);  // data is acked only when refused
        break;
      }
      case MsgType::kPlanEnd:
        ack(f, store.plan_end(r));
        break;
      case MsgType::kStartApp:
        start_app(f);
        break;
      case MsgType::kStopApp:
        session.stop();
        link.send_ack(f, LinkStatus::kOk, 0, "");
        break;
      case MsgType::kTensorData: {
        const firmware::StoreResult res = plans.tensor_data(r);
        if (res.status != LinkStatus::kOk) ack(f, res);
        break;
      }
      case MsgType::kRunPlan:
        session.stop();  // the run uses the slots' arenas
        ack(f, plans.run(r));
        break;
      case MsgType::kExit:
        link.send_ack(f, LinkStatus::kOk, 0, "");
        return false;
      default:
        link.send_ack(f, LinkStatus::kUnknownType, f.type, link::msg_type_name(f.type));
        break;
    }
    return true;
  }

  int run() {
    for (;;) {
      tt_board_watchdog_kick();
      if (link.poll()) {
        const link::Frame& f = link.control();
        const bool go_on = handle(f);
        link.release_control();
        if (!go_on) return 0;
        continue;
      }
      if (session.running()) {
        session.step(kStepTimeoutMs);
      } else {
        hal::board::wait_on_link(link, kStepTimeoutMs, [] { return false; });
      }
    }
  }
};

}  // namespace

int main() {
  tt_board_init();
  static Firmware firmware;  // static: far too big for the stack
  const int code = firmware.run();
  tt_board_exit(code);
}
