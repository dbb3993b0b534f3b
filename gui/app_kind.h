// The four apps the GUI can run, their names as the command line and the app switcher spell
// them, and the shipped models each one starts with, in the app's ModelSlot order.
#pragma once

#include <QString>
#include <QStringList>

namespace tt::gui {

enum class AppKind { kMnistDraw, kCifar10Camera, kKws, kMultinet };

inline constexpr AppKind kAllApps[] = {AppKind::kMnistDraw, AppKind::kCifar10Camera, AppKind::kKws,
                                       AppKind::kMultinet};

QString app_name(AppKind kind);                          // "mnist_draw", ...
bool app_from_name(const QString& name, AppKind* kind);  // false for an unknown name
QString app_title(AppKind kind);                         // "MNIST drawing", for the switcher

// File names in assets/models, one per ModelSlot ("mnist_cnn.tflite"; multinet: the
// keyword network, then the image network).
QStringList default_model_files(AppKind kind);

bool app_uses_camera(AppKind kind);
bool app_uses_microphone(AppKind kind);
int app_network_count(AppKind kind);

}  // namespace tt::gui
