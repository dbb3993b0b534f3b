// Drawing each of the ten digits on the canvas with synthesized mouse strokes makes
// mnist_draw predict that digit, through the whole GUI: canvas -> pushed camera -> worker
// thread -> app -> queued result -> prediction bars. Run with both shipped MNIST models.
#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include "apps/common/app.h"
#include "gui/drawing_canvas.h"
#include "gui/main_window.h"
#include "gui/prediction_bars.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {

class DrawingTest : public QObject {
  Q_OBJECT

 private slots:
  void each_digit_is_recognised_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("mnist_cnn") << QStringLiteral("mnist_cnn");
    QTest::newRow("mnist_mlp") << QStringLiteral("mnist_mlp");
  }

  void each_digit_is_recognised() {
    QFETCH(QString, model);
    GuiOptions options;
    options.app = AppKind::kMnistDraw;
    options.models = QStringList{QStringLiteral(TT_SOURCE_DIR "/assets/models/") + model +
                                 QStringLiteral(".tflite")};
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::app_state_changed);
    QSignalSpy shown(&window, &MainWindow::inference_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 20000);
    QCOMPARE(started.last().at(1).toInt(), static_cast<int>(apps::AppStatus::kOk));

    QStringList wrong;
    for (int digit = 0; digit <= 9; ++digit) {
      window.canvas()->clear();
      QTest::qWait(50);
      const int before = shown.count();
      test::draw_digit(window.canvas(), digit);
      QVERIFY2(test::wait_until_settled(shown, before, 10000),
               qPrintable(QStringLiteral("no prediction after drawing %1").arg(digit)));
      if (shown.last().at(0).value<InferenceResult>().top_label() != QString::number(digit)) {
        // On a loaded machine the last stroke's frame may still be on its way after an
        // earlier stroke's result went quiet: give it a moment before judging.
        test::wait_until_settled(shown, shown.count(), 3000);
      }
      const auto result = shown.last().at(0).value<InferenceResult>();
      QCOMPARE(result.model, model);
      QCOMPARE(window.predictions()->top_label(), result.top_label());
      if (result.top_label() != QString::number(digit)) {
        wrong << QStringLiteral("%1 read as %2").arg(digit).arg(result.top_label());
      }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(", ")));

    // The board's button (here the space key) classifies the last frame again.
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    const int before = shown.count();
    QTest::keyPress(&window, Qt::Key_Space);
    QTest::keyRelease(&window, Qt::Key_Space);
    QVERIFY2(test::wait_until_settled(shown, before, 5000), "the space key classified nothing");
    QCOMPARE(shown.last().at(0).value<InferenceResult>().top_label(), QStringLiteral("9"));
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::DrawingTest)
#include "drawing_test.moc"
