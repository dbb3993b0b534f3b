#include "gui/asset_locator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tt::gui {
namespace {

QStringList candidate_dirs() {
  QStringList dirs;
  dirs << QDir::current().absoluteFilePath(QStringLiteral("assets/models"));
  // applicationDirPath() needs a QCoreApplication; the GUI and its tests always have one.
  if (QCoreApplication::instance() != nullptr) {
    QDir dir(QCoreApplication::applicationDirPath());
    while (true) {
      dirs << dir.absoluteFilePath(QStringLiteral("assets/models"));
      if (!dir.cdUp()) break;
    }
  }
  dirs.removeDuplicates();
  return dirs;
}

}  // namespace

QString find_shipped_model(const QString& file_name, QStringList* looked_in) {
  for (const QString& dir : candidate_dirs()) {
    const QString path = QDir(dir).absoluteFilePath(file_name);
    if (looked_in != nullptr) looked_in->append(path);
    if (QFileInfo(path).isFile()) return path;
  }
  return QString();
}

QString shipped_models_dir() {
  for (const QString& dir : candidate_dirs()) {
    if (QFileInfo(dir).isDir()) return dir;
  }
  return QString();
}

}  // namespace tt::gui
