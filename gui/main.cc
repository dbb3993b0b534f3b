// tinytwin-gui: the desktop GUI. Parses the command line, sets a clean platform-independent
// look (Fusion), and shows the main window.
#include <QApplication>
#include <QStyleFactory>
#include <cstdio>

#include "gui/gui_options.h"
#include "gui/main_window.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  QApplication::setApplicationName(QStringLiteral("tinytwin-gui"));
  QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
  QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

  tt::gui::GuiOptions options;
  QString error;
  if (!tt::gui::parse_gui_options(QApplication::arguments(), &options, &error)) {
    std::fprintf(stderr, "tinytwin-gui: %s\n", qPrintable(error));
    return 2;
  }
  tt::gui::MainWindow window(options);
  window.show();
  return app.exec();
}
