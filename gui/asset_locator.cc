#include "gui/asset_locator.h"

#include <string>

#include "tools/tinytwin/model_source.h"

namespace tt::gui {

QString find_shipped_model(const QString& file_name, QStringList* looked_in) {
  std::string looked;
  const std::string path = tools::find_shipped_model(file_name.toStdString(), &looked);
  if (looked_in != nullptr) {
    for (const QString& line : QString::fromStdString(looked).split('\n', Qt::SkipEmptyParts)) {
      looked_in->append(line.trimmed());
    }
  }
  return QString::fromStdString(path);
}

QString shipped_models_dir() { return QString::fromStdString(tools::shipped_models_dir()); }

}  // namespace tt::gui
