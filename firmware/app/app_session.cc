// AppSession: see app_session.h.
#include "firmware/app/app_session.h"

#include <cstdio>
#include <new>

#include "apps/cifar10_camera/cifar10_camera_app.h"
#include "apps/kws/kws_app.h"
#include "apps/mnist_draw/mnist_draw_app.h"
#include "apps/multinet/multinet_app.h"

namespace tt::firmware {
namespace {

template <typename A, typename B>
constexpr size_t max_size() {
  return sizeof(A) > sizeof(B) ? sizeof(A) : sizeof(B);
}
constexpr size_t kAppBytes = max_size<apps::MultinetApp, apps::Cifar10CameraApp>() >
                                     max_size<apps::MnistDrawApp, apps::KwsApp>()
                                 ? max_size<apps::MultinetApp, apps::Cifar10CameraApp>()
                                 : max_size<apps::MnistDrawApp, apps::KwsApp>();

TT_BIG_BUFFER uint8_t g_app_storage[kAppBytes];

apps::App* construct(link::AppId id) {
  switch (id) {
    case link::AppId::kMnistDraw:
      return new (g_app_storage) apps::MnistDrawApp();
    case link::AppId::kCifar10Camera:
      return new (g_app_storage) apps::Cifar10CameraApp();
    case link::AppId::kKws:
      return new (g_app_storage) apps::KwsApp();
    case link::AppId::kMultinet:
      return new (g_app_storage) apps::MultinetApp();
  }
  return nullptr;
}

int32_t models_needed(link::AppId id) { return id == link::AppId::kMultinet ? 2 : 1; }

}  // namespace

void AppSession::destroy() {
  if (app_ == nullptr) return;
  switch (id_) {
    case link::AppId::kMnistDraw:
      static_cast<apps::MnistDrawApp*>(app_)->~MnistDrawApp();
      break;
    case link::AppId::kCifar10Camera:
      static_cast<apps::Cifar10CameraApp*>(app_)->~Cifar10CameraApp();
      break;
    case link::AppId::kKws:
      static_cast<apps::KwsApp*>(app_)->~KwsApp();
      break;
    case link::AppId::kMultinet:
      static_cast<apps::MultinetApp*>(app_)->~MultinetApp();
      break;
  }
  app_ = nullptr;
}

void AppSession::stop() {
  if (app_ != nullptr) app_->stop();
  destroy();
}

StoreResult AppSession::start(const link::StartApp& request) {
  stop();
  StoreResult r;
  if (static_cast<int>(request.app) >= link::kAppCount) {
    r.status = link::LinkStatus::kUnknownApp;
    std::snprintf(r.text, sizeof r.text, "unknown app id %d", static_cast<int>(request.app));
    return r;
  }
  const int32_t needed = models_needed(request.app);
  if (request.model_count < needed) {
    r.status = link::LinkStatus::kNoPlan;
    std::snprintf(r.text, sizeof r.text, "the app needs %d model(s), got %d",
                  static_cast<int>(needed), static_cast<int>(request.model_count));
    return r;
  }
  for (int32_t i = 0; i < needed; ++i) {
    const int arena = request.shared_arena ? 0 : i;
    r = store_.model(request.source[i], request.index[i], store_.arena(arena), kArenaBytes,
                     &slots_[i]);
    if (r.status != link::LinkStatus::kOk) return r;
    slots_[i].on_layer = &LinkReporter::mark_layer;
  }
  id_ = request.app;
  app_ = construct(request.app);
  const apps::AppStatus s = app_->start(board_, slots_, needed, &reporter_);
  last_status_ = s;
  if (s == apps::AppStatus::kModelError) {
    r.status = link::LinkStatus::kAppFailed;
    r.detail = static_cast<int32_t>(s);
    std::snprintf(r.text, sizeof r.text, "%s", app_->message());
    stop();
    return r;
  }
  // kNoInput is a normal start: the app says on its LCD which device is missing.
  r.status = link::LinkStatus::kOk;
  r.detail = static_cast<int32_t>(s);
  std::snprintf(r.text, sizeof r.text, "%s", app_->message());
  return r;
}

void AppSession::step(uint32_t timeout_ms) {
  if (app_ == nullptr) return;
  const apps::AppStatus s = app_->step(timeout_ms);
  if (s != last_status_ && s != apps::AppStatus::kIdle) {
    uint8_t buf[128];
    link::Writer w(buf, sizeof buf);
    w.u8(static_cast<uint8_t>(s));
    w.str(app_->message());
    reporter_.link().send(link::MsgType::kAppStatus, buf, w.size());
  }
  if (s != apps::AppStatus::kIdle) last_status_ = s;
}

}  // namespace tt::firmware
