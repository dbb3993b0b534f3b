// A picture file classifies through the file picker's code path (MainWindow::open_image_file):
// one sample of each digit cut from OpenCV's digits.png, enlarged and saved as a PNG, then
// opened in mnist_draw, gives that digit.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "gui/main_window.h"
#include "gui/prediction_bars.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {

class ImageFileTest : public QObject {
  Q_OBJECT

 private slots:
  void digit_pictures_are_classified() {
    if (test::opencv_digits_png().isEmpty()) {
      QSKIP(
          "opencv-doc is not installed: /usr/share/doc/opencv-doc/examples/data/digits.png "
          "is missing");
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    GuiOptions options;
    options.app = AppKind::kMnistDraw;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::app_state_changed);
    QSignalSpy shown(&window, &MainWindow::inference_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 20000);

    QStringList wrong;
    for (int digit = 0; digit <= 9; ++digit) {
      const QString png = dir.filePath(QStringLiteral("digit%1.png").arg(digit));
      QVERIFY(test::write_opencv_digit(digit, 0, png));
      const int before = shown.count();
      QVERIFY2(window.open_image_file(png), qPrintable(window.last_error()));
      QVERIFY2(test::wait_until_settled(shown, before, 10000),
               qPrintable(QStringLiteral("no prediction for %1").arg(png)));
      const auto result = shown.last().at(0).value<InferenceResult>();
      QCOMPARE(window.predictions()->top_label(), result.top_label());
      if (result.top_label() != QString::number(digit)) {
        wrong << QStringLiteral("%1 read as %2").arg(digit).arg(result.top_label());
      }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(", ")));
  }

  void unreadable_picture_is_reported() {
    QTemporaryDir dir;
    const QString bogus = dir.filePath(QStringLiteral("not_a_picture.png"));
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a PNG");
    f.close();
    GuiOptions options;
    options.no_microphone = true;
    MainWindow window(options);
    QVERIFY(!window.open_image_file(bogus));
    QVERIFY(window.last_error().contains(QStringLiteral("not_a_picture.png")));
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::ImageFileTest)
#include "image_file_test.moc"
