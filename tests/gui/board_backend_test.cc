// The GUI's emulated Cortex-M7 backend, through the real window: the firmware runs under
// QEMU, its LCD shows in the emulated board's panel, the inputs feed it live, and side by
// side every host result is paired with the board's result for the same input and compared
// layer by layer. Needs the fw-mps2-an500 build's firmware (./run.sh builds it; ctest passes
// its path in TT_FIRMWARE); skipped with a message when it is absent.
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstdlib>

#include "gui/board_bridge.h"
#include "gui/board_panel.h"
#include "gui/drawing_canvas.h"
#include "gui/layer_table.h"
#include "gui/lcd_view.h"
#include "gui/main_window.h"
#include "gui/prediction_bars.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {
namespace {

bool firmware_present() {
  const QString fw = qEnvironmentVariable("TT_FIRMWARE");
  return !fw.isEmpty() && QFileInfo(fw).isFile();
}

// Pixels of the LCD that are not the background: the firmware drew something.
int lit_pixels(const QImage& lcd) {
  int lit = 0;
  for (int y = 0; y < lcd.height(); ++y) {
    for (int x = 0; x < lcd.width(); ++x) lit += qGray(lcd.pixel(x, y)) > 60;
  }
  return lit;
}

TwinPair pair_at(const QSignalSpy& spy, int i) { return spy.at(i).at(0).value<TwinPair>(); }

}  // namespace

class BoardBackendTest : public QObject {
  Q_OBJECT

 private slots:
  void init() {
    if (!firmware_present()) {
      QSKIP(
          "the board firmware is absent (TT_FIRMWARE unset or missing): build the "
          "fw-mps2-an500 preset");
    }
  }

  void side_by_side_digits_agree_layer_by_layer() {
    GuiOptions options;
    options.app = AppKind::kMnistDraw;
    options.backend = Backend::kBoth;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::board_started);
    QSignalSpy pairs(&window, &MainWindow::comparison_shown);
    QSignalSpy board_lcd(&window, &MainWindow::board_lcd_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 60000);
    QVERIFY2(started.last().at(0).toBool(), qPrintable(started.last().at(1).toString()));
    QVERIFY(window.board()->isVisible());
    QVERIFY(window.emulated_board()->isVisible());

    for (int digit : {3, 7, 0}) {
      window.canvas()->clear();
      const int before = pairs.count();
      test::draw_digit(window.canvas(), digit);
      QVERIFY2(test::wait_until_settled(pairs, before, 60000, 1500),
               qPrintable(QStringLiteral("no host/board pair after drawing %1").arg(digit)));
    }
    for (int i = 0; i < pairs.count(); ++i) {
      const TwinPair p = pair_at(pairs, i);
      QVERIFY2(p.outputs_equal, qPrintable(window.agreement_text()));
      QCOMPARE(p.first_diverging, -1);
      QVERIFY(p.host.input_id >= 0);
      QCOMPARE(p.board.input_id, p.host.input_id);
      QCOMPARE(p.board.top_label(), p.host.top_label());
      // Exact counts from the QEMU plugin, one per layer.
      QCOMPARE(p.board.op_instructions.size(), p.board.report.op_count);
    }
    const TwinPair last = pair_at(pairs, pairs.count() - 1);
    QCOMPARE(last.host.top_label(), QStringLiteral("0"));
    QVERIFY(window.agreement_text().contains(QStringLiteral("agree bit for bit")));
    LayerTable* table = window.layer_table();
    QCOMPARE(table->highlighted_row(), -1);
    QVERIFY(table->rowCount() > 0);
    for (int r = 0; r < table->rowCount(); ++r) {
      QVERIFY(table->item(r, LayerTable::kAgree)->text().startsWith(QLatin1Char('=')));
      QVERIFY(!table->item(r, LayerTable::kBoard)->text().isEmpty());
      QVERIFY(!table->item(r, LayerTable::kTime)->text().isEmpty());
    }
    // The board's own LCD, drawn by the firmware and sent over the link.
    QVERIFY(board_lcd.count() > 0);
    QVERIFY(lit_pixels(window.emulated_board()->lcd()->image()) > 1000);
  }

  void board_alone_classifies_a_picture() {
    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("scene.png"));
    QImage picture(160, 120, QImage::Format_RGB888);
    for (int y = 0; y < picture.height(); ++y) {
      for (int x = 0; x < picture.width(); ++x) picture.setPixel(x, y, qRgb(2 * x, 200 - y, 90));
    }
    QVERIFY(picture.save(png));
    GuiOptions options;
    options.app = AppKind::kCifar10Camera;
    options.backend = Backend::kBoard;
    options.image = png;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy results(&window, &MainWindow::board_inference_shown);
    QSignalSpy host_results(&window, &MainWindow::inference_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(results.count() >= 1, 60000);
    const auto r = results.last().at(0).value<InferenceResult>();
    QVERIFY(r.on_board);
    QCOMPARE(r.model, QStringLiteral("cifar10_cnn"));
    QCOMPARE(r.labels.size(), 10);
    QCOMPARE(r.op_instructions.size(), r.report.op_count);
    QCOMPARE(window.predictions()->top_label(), r.top_label());
    QVERIFY(!window.board()->isVisible());
    QVERIFY(window.emulated_board()->isVisible());
    QCOMPARE(host_results.count(), 0);  // the host app does not run
    quint64 total = 0;
    for (quint64 n : r.op_instructions) total += n;
    QVERIFY2(total > 10'000'000, qPrintable(QString::number(total)));  // ~24 M for cifar10_cnn
  }

  void side_by_side_keyword_windows_agree() {
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("noise.wav"));
    // Two seconds of a warbling tone in noise: any sound does, the point is bit-exactness.
    std::vector<int16_t> audio(32000);
    uint32_t seed = 12345;
    for (size_t i = 0; i < audio.size(); ++i) {
      seed = seed * 1664525u + 1013904223u;
      const double t = static_cast<double>(i) / 16000.0;
      const double tone = 6000.0 * std::sin(2 * M_PI * (400 + 300 * std::sin(3 * t)) * t);
      audio[i] = static_cast<int16_t>(tone + static_cast<int>(seed >> 20) - 2048);
    }
    QVERIFY(test::write_wav(wav, audio));
    GuiOptions options;
    options.app = AppKind::kKws;
    options.backend = Backend::kBoth;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy pairs(&window, &MainWindow::comparison_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.open_audio_file(wav, /*real_time=*/false);
    QTRY_VERIFY_WITH_TIMEOUT(pairs.count() >= 6, 120000);
    for (int i = 0; i < pairs.count(); ++i) {
      const TwinPair p = pair_at(pairs, i);
      QVERIFY2(p.outputs_equal, qPrintable(window.agreement_text()));
      QCOMPARE(p.host.input_id, -1);  // audio pairs by window sequence
      QCOMPARE(p.board.report.sequence, p.host.report.sequence);
    }
  }

  void a_board_that_cannot_start_falls_back_to_the_host() {
    GuiOptions options;
    options.app = AppKind::kMnistDraw;
    options.firmware = QStringLiteral("/nonexistent/tinytwin_fw.elf");
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::board_started);
    QSignalSpy shown(&window, &MainWindow::inference_shown);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.set_backend(Backend::kBoard);
    QTRY_VERIFY_WITH_TIMEOUT(started.count() >= 1, 60000);
    QVERIFY(!started.last().at(0).toBool());
    QVERIFY2(window.last_error().contains(QStringLiteral("tinytwin_fw.elf")),
             qPrintable(window.last_error()));
    QCOMPARE(window.backend(), Backend::kHost);
    // The user reads the message and closes it (a window-modal box takes the canvas' mouse).
    const QList<QMessageBox*> boxes = window.findChildren<QMessageBox*>();
    QVERIFY(!boxes.isEmpty());
    for (QMessageBox* box : boxes) box->close();
    // Still useful: the host runs the app.
    const int before = shown.count();
    test::draw_digit(window.canvas(), 1);
    QVERIFY(test::wait_until_settled(shown, before, 20000));
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::BoardBackendTest)
#include "board_backend_test.moc"
