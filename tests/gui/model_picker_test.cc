// The model picker's code path (MainWindow::load_model_file) and the app switcher: any
// supported model runs and is described; a model that does not fit the app or a file that
// is not a model is reported in a message box while the app keeps running on the model it
// had; switching apps (quickly, repeatedly) always stops the running app cleanly first.
#include <QFile>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "apps/common/app.h"
#include "gui/drawing_canvas.h"
#include "gui/layer_table.h"
#include "gui/main_window.h"
#include "gui/memory_panel.h"
#include "gui/tensor_lifetime_map.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {
namespace {

QString shipped(const char* name) {
  return QStringLiteral(TT_SOURCE_DIR "/assets/models/") + QLatin1String(name);
}

constexpr int kOk = static_cast<int>(apps::AppStatus::kOk);

}  // namespace

class ModelPickerTest : public QObject {
  Q_OBJECT

 private slots:
  void models_load_and_bad_ones_are_reported() {
    GuiOptions options;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::app_state_changed);
    QSignalSpy shown(&window, &MainWindow::inference_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 20000);
    QCOMPARE(started.last().at(1).toInt(), kOk);
    QCOMPARE(window.layer_table()->rowCount(), 6);  // mnist_cnn

    // Another MNIST model: described in the Model tab, its layers in the table.
    window.load_model_file(shipped("mnist_mlp.tflite"));
    QTRY_VERIFY(window.model_info_text().contains(QStringLiteral("mnist_mlp.tflite")));
    QTRY_COMPARE(started.last().at(1).toInt(), kOk);
    QCOMPARE(window.layer_table()->rowCount(), 4);  // three FULLY_CONNECTED and SOFTMAX
    QVERIFY(window.memory_panel()->map()->block_count() > 0);

    // A CIFAR-10 model does not fit mnist_draw: an error, then the app runs mnist_mlp again.
    const int before = started.count();
    window.load_model_file(shipped("cifar10_cnn.tflite"));
    QTRY_VERIFY(!window.last_error().isEmpty());
    QTRY_VERIFY(started.count() >= before + 2);
    QCOMPARE(started.last().at(1).toInt(), kOk);
    QTRY_VERIFY(window.model_info_text().contains(QStringLiteral("mnist_mlp.tflite")));

    // Not a model at all: an error naming the file; the app keeps running.
    QTemporaryDir dir;
    const QString bogus = dir.filePath(QStringLiteral("bogus.tflite"));
    QFile f(bogus);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("definitely not a flatbuffer");
    f.close();
    window.load_model_file(bogus);
    QTRY_VERIFY(window.last_error().contains(QStringLiteral("bogus.tflite")));
    QTRY_COMPARE(started.last().at(1).toInt(), kOk);

    // Each error is in a (window-modal) message box; the user dismisses them.
    const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
    QVERIFY(boxes.size() >= 2);
    for (QMessageBox* box : boxes) box->close();

    // Still classifying with mnist_mlp.
    const int results = shown.count();
    test::draw_digit(window.canvas(), 7);
    QVERIFY(test::wait_until_settled(shown, results, 10000));
    const auto r = shown.last().at(0).value<InferenceResult>();
    QCOMPARE(r.model, QStringLiteral("mnist_mlp"));
    QCOMPARE(r.top_label(), QStringLiteral("7"));
  }

  void switching_apps_stops_each_cleanly() {
    GuiOptions options;
    options.no_microphone = true;
    options.webcam = QStringLiteral("/nonexistent/webcam");
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::app_state_changed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Rapid switches queue up; each one stops the previous app before the next starts.
    for (int round = 0; round < 2; ++round) {
      for (AppKind k :
           {AppKind::kCifar10Camera, AppKind::kKws, AppKind::kMultinet, AppKind::kMnistDraw}) {
        window.switch_app(k);
      }
    }
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 9, 30000);
    for (const QList<QVariant>& s : started) {
      QVERIFY(s.at(1).toInt() != static_cast<int>(apps::AppStatus::kModelError));
    }
    QCOMPARE(started.last().at(0).toString(), QStringLiteral("mnist_draw"));
    // multinet's two networks: the kws model replaced through its slot.
    window.switch_app(AppKind::kMultinet);
    window.load_model_file(shipped("kws_dnn.tflite"), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.model_info_text().contains(QStringLiteral("kws_dnn.tflite")),
                             20000);
    QVERIFY(window.model_info_text().contains(QStringLiteral("cifar10_cnn.tflite")));
    // Shared arena (the default): one arena of the larger size; partitioned: the sum.
    QSignalSpy snapshots(&window, &MainWindow::multinet_shown);
    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 10000);
    apps::MultinetMemory m = snapshots.last().at(0).value<MultinetSnapshot>().memory;
    QVERIFY(m.shared_arena);
    QCOMPARE(m.arena_bytes_used, std::max(m.kws_arena_bytes, m.image_arena_bytes));
    window.set_shared_arena(false);
    QTRY_VERIFY(!snapshots.last().at(0).value<MultinetSnapshot>().memory.shared_arena);
    m = snapshots.last().at(0).value<MultinetSnapshot>().memory;
    QCOMPARE(m.arena_bytes_used, m.kws_arena_bytes + m.image_arena_bytes);
    window.shutdown_worker();  // what closing the window does; idempotent
    window.shutdown_worker();
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::ModelPickerTest)
#include "model_picker_test.moc"
