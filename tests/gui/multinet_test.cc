// multinet in the GUI: a "go" clip then a "stop" clip (one recording, two seconds apart,
// played in real time) switch the image classifier on and off while a timer keeps pushing
// camera pictures, as a live camera would. The classifier's state must go off -> on -> off,
// and every image inference must lie between the two keywords on the app's timeline.
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdint>
#include <map>
#include <vector>

#include "gui/main_window.h"
#include "hal/host/sndfile_microphone.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {

class MultinetTest : public QObject {
  Q_OBJECT

 private slots:
  void go_and_stop_toggle_the_classifier() {
    if (test::speech_commands_dir().isEmpty()) {
      QSKIP(
          "../shared/datasets/speech_commands (beside the source tree) is absent: no "
          "spoken go/stop to play");
    }
    const QString go = test::speech_clip("go", "022cd682_nohash_0.flac");
    const QString stop = test::speech_clip("stop", "022cd682_nohash_0.flac");
    QVERIFY2(!go.isEmpty() && !stop.isEmpty(), "the go/stop clips are missing from ../shared");
    std::vector<int16_t> go_pcm, stop_pcm;
    std::string error;
    QVERIFY2(hal::host::SndfileMicrophone::read_file_16k_mono(go.toStdString(), &go_pcm, &error),
             error.c_str());
    QVERIFY2(
        hal::host::SndfileMicrophone::read_file_16k_mono(stop.toStdString(), &stop_pcm, &error),
        error.c_str());
    std::vector<int16_t> speech = go_pcm;
    speech.resize(speech.size() + 2 * 16000, 0);  // two seconds of classifying in between
    speech.insert(speech.end(), stop_pcm.begin(), stop_pcm.end());
    QTemporaryDir dir;
    const QString wav = dir.filePath(QStringLiteral("go_then_stop.wav"));
    QVERIFY(test::write_wav(wav, speech));
    // A colourful picture for the camera: its class does not matter, only that it is classified.
    const QString png = dir.filePath(QStringLiteral("scene.png"));
    QImage scene(320, 240, QImage::Format_RGB32);
    scene.fill(QColor(40, 90, 160));
    QPainter(&scene).fillRect(QRect(100, 60, 120, 120), QColor(220, 180, 40));
    QVERIFY(scene.save(png));

    GuiOptions options;
    options.app = AppKind::kMultinet;
    options.no_microphone = true;
    options.image = png;
    MainWindow window(options);
    QSignalSpy snapshots(&window, &MainWindow::multinet_shown);
    QSignalSpy inferences(&window, &MainWindow::inference_shown);
    QSignalSpy keywords(&window, &MainWindow::keyword_shown);
    QSignalSpy ended(&window, &MainWindow::input_ended);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTimer camera;  // a new picture ten times a second, like a live camera
    connect(&camera, &QTimer::timeout, &window, [&] { window.open_image_file(png); });
    camera.start(100);
    window.open_audio_file(wav, /*real_time=*/true);
    QTRY_VERIFY_WITH_TIMEOUT(ended.count() >= 1, 30000);
    QTest::qWait(300);
    camera.stop();

    QStringList heard;
    for (const QList<QVariant>& k : keywords) heard << k.at(0).value<KeywordResult>().label;
    QCOMPARE(heard, (QStringList{"go", "stop"}));

    // The classifier's state as the GUI saw it, without repeats: off, on, off.
    QVector<bool> states;
    std::map<std::pair<int, uint64_t>, apps::TimelineEntry> timeline;  // union of snapshots
    for (const QList<QVariant>& s : snapshots) {
      const auto snap = s.at(0).value<MultinetSnapshot>();
      if (states.isEmpty() || states.back() != snap.classifier_running) {
        states << snap.classifier_running;
      }
      for (const apps::TimelineEntry& e : snap.timeline) {
        timeline[{static_cast<int>(e.kind), e.start_ticks}] = e;
      }
    }
    if (!states.isEmpty() && states.front()) states.prepend(false);  // on before the 1st look
    QCOMPARE(states, (QVector<bool>{false, true, false}));

    uint64_t on = 0, off = 0;
    int images = 0;
    for (const auto& [key, e] : timeline) {
      if (e.kind == apps::TimelineKind::kClassifierOn) on = e.start_ticks;
      if (e.kind == apps::TimelineKind::kClassifierOff) off = e.start_ticks;
    }
    QVERIFY(on > 0 && off > on);
    for (const auto& [key, e] : timeline) {
      if (e.kind != apps::TimelineKind::kImageInference) continue;
      ++images;
      QVERIFY2(e.start_ticks >= on && e.start_ticks <= off,
               "an image inference ran while the classifier was off");
    }
    QVERIFY2(images > 0, "no image inference while the classifier was on");
    qInfo("%d image inferences between \"go\" and \"stop\"", images);
    int image_results = 0;
    for (const QList<QVariant>& r : inferences) {
      if (r.at(0).value<InferenceResult>().report.network == 1) ++image_results;
    }
    QCOMPARE(image_results, images);
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::MultinetTest)
#include "multinet_test.moc"
