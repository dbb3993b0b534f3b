// Names for the message types and statuses, for logs and error messages on both sides.
#include "hal/link/messages.h"

namespace tt::link {

const char* msg_type_name(uint8_t type) {
  switch (static_cast<MsgType>(type)) {
    case MsgType::kHello:
      return "hello";
    case MsgType::kPlanBegin:
      return "plan_begin";
    case MsgType::kPlanData:
      return "plan_data";
    case MsgType::kPlanEnd:
      return "plan_end";
    case MsgType::kStartApp:
      return "start_app";
    case MsgType::kStopApp:
      return "stop_app";
    case MsgType::kCameraFormat:
      return "camera_format";
    case MsgType::kCameraRows:
      return "camera_rows";
    case MsgType::kCameraEnd:
      return "camera_end";
    case MsgType::kAudio:
      return "audio";
    case MsgType::kAudioEnd:
      return "audio_end";
    case MsgType::kButton:
      return "button";
    case MsgType::kTensorData:
      return "tensor_data";
    case MsgType::kRunPlan:
      return "run_plan";
    case MsgType::kPing:
      return "ping";
    case MsgType::kExit:
      return "exit";
    case MsgType::kHelloReply:
      return "hello_reply";
    case MsgType::kAck:
      return "ack";
    case MsgType::kLog:
      return "log";
    case MsgType::kLcdRegion:
      return "lcd_region";
    case MsgType::kLcdFlush:
      return "lcd_flush";
    case MsgType::kInference:
      return "inference";
    case MsgType::kLayers:
      return "layers";
    case MsgType::kKeyword:
      return "keyword";
    case MsgType::kMessage:
      return "message";
    case MsgType::kLed:
      return "led";
    case MsgType::kOutput:
      return "output";
    case MsgType::kAppStatus:
      return "app_status";
  }
  return "unknown";
}

const char* link_status_name(LinkStatus s) {
  switch (s) {
    case LinkStatus::kOk:
      return "ok";
    case LinkStatus::kBadPayload:
      return "bad_payload";
    case LinkStatus::kBadVersion:
      return "bad_version";
    case LinkStatus::kBadSlot:
      return "bad_slot";
    case LinkStatus::kTooLarge:
      return "too_large";
    case LinkStatus::kBadCrc:
      return "bad_crc";
    case LinkStatus::kPlanRejected:
      return "plan_rejected";
    case LinkStatus::kNoPlan:
      return "no_plan";
    case LinkStatus::kUnknownApp:
      return "unknown_app";
    case LinkStatus::kAppFailed:
      return "app_failed";
    case LinkStatus::kRunFailed:
      return "run_failed";
    case LinkStatus::kBadState:
      return "bad_state";
    case LinkStatus::kUnknownType:
      return "unknown_type";
  }
  return "unknown";
}

}  // namespace tt::link
