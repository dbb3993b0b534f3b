// A spoken keyword in a WAV/FLAC file, played through SndfileMicrophone (with lead and trail
// silence, as fast as the app reads) into the kws app, is reported exactly once. Real clips
// of the Speech Commands test set from ../shared; skipped when it is absent.
#include <QSignalSpy>
#include <QTest>

#include "gui/audio_panel.h"
#include "gui/main_window.h"
#include "gui/mfcc_heatmap.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {

class KwsTest : public QObject {
  Q_OBJECT

 private slots:
  void keyword_reported_once_data() {
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("file");
    QTest::newRow("yes") << "yes"
                         << "022cd682_nohash_0.flac";
    QTest::newRow("go") << "go"
                        << "022cd682_nohash_0.flac";
  }

  void keyword_reported_once() {
    QFETCH(QString, word);
    QFETCH(QString, file);
    if (test::speech_commands_dir().isEmpty()) {
      QSKIP(
          "../shared/datasets/speech_commands (beside the source tree) is absent: no "
          "spoken keyword to play");
    }
    const QString clip = test::speech_clip(word, file);
    QVERIFY2(!clip.isEmpty(), qPrintable(word + '/' + file + " is missing from ../shared"));
    GuiOptions options;
    options.app = AppKind::kKws;
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy keywords(&window, &MainWindow::keyword_shown);
    QSignalSpy ended(&window, &MainWindow::input_ended);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.open_audio_file(clip, /*real_time=*/false);
    QTRY_VERIFY_WITH_TIMEOUT(ended.count() >= 1, 30000);
    QTest::qWait(300);  // anything still queued behind the end arrives
    QStringList heard;
    for (const QList<QVariant>& k : keywords) heard << k.at(0).value<KeywordResult>().label;
    QCOMPARE(heard, QStringList{word});
    QVERIFY(window.audio_panel()->heatmap()->windows_shown() > 0);
    QVERIFY(window.audio_panel()->message().isEmpty());
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::KwsTest)
#include "kws_test.moc"
