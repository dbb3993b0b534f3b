#include "gui/app_kind.h"

namespace tt::gui {

QString app_name(AppKind kind) {
  switch (kind) {
    case AppKind::kMnistDraw:
      return QStringLiteral("mnist_draw");
    case AppKind::kCifar10Camera:
      return QStringLiteral("cifar10_camera");
    case AppKind::kKws:
      return QStringLiteral("kws");
    case AppKind::kMultinet:
      return QStringLiteral("multinet");
  }
  return QString();
}

bool app_from_name(const QString& name, AppKind* kind) {
  for (AppKind k : kAllApps) {
    if (app_name(k) == name) {
      *kind = k;
      return true;
    }
  }
  return false;
}

QString app_title(AppKind kind) {
  switch (kind) {
    case AppKind::kMnistDraw:
      return QStringLiteral("Handwritten digits (mnist_draw)");
    case AppKind::kCifar10Camera:
      return QStringLiteral("Camera objects (cifar10_camera)");
    case AppKind::kKws:
      return QStringLiteral("Keyword spotting (kws)");
    case AppKind::kMultinet:
      return QStringLiteral("Voice-controlled camera (multinet)");
  }
  return QString();
}

QStringList default_model_files(AppKind kind) {
  switch (kind) {
    case AppKind::kMnistDraw:
      return {QStringLiteral("mnist_cnn.tflite")};
    case AppKind::kCifar10Camera:
      return {QStringLiteral("cifar10_cnn.tflite")};
    case AppKind::kKws:
      return {QStringLiteral("kws_dscnn.tflite")};
    case AppKind::kMultinet:
      return {QStringLiteral("kws_dscnn.tflite"), QStringLiteral("cifar10_cnn.tflite")};
  }
  return {};
}

bool app_uses_camera(AppKind kind) { return kind != AppKind::kKws; }
bool app_uses_microphone(AppKind kind) {
  return kind == AppKind::kKws || kind == AppKind::kMultinet;
}
int app_network_count(AppKind kind) { return kind == AppKind::kMultinet ? 2 : 1; }

}  // namespace tt::gui
