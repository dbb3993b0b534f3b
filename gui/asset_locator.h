// Finds the shipped models (assets/models/NAME) with the CLI's lookup (tools::
// find_shipped_model): under the working directory first, then beside the executable and in
// each of its parent folders, so build/host/gui/tinytwin-gui finds the source tree's models
// without any configured path. Qt types for the widgets.
#pragma once

#include <QString>
#include <QStringList>

namespace tt::gui {

// The path of assets/models/file_name, or an empty string; *looked_in (optional) gets the
// candidate paths in the order tried, for an error message.
QString find_shipped_model(const QString& file_name, QStringList* looked_in = nullptr);

// The assets/models folder found the same way ("" when none): where the model picker opens.
QString shipped_models_dir();

}  // namespace tt::gui
