// With no webcam and no microphone (CI, offscreen) the GUI starts, says so where the input
// would be shown, and the file sources still work. Both devices are made deterministically
// absent through the real backends: OpenCvCamera on a source that does not exist (as
// "0" behaves on a machine without a webcam) and QtMicrophone on a null device.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

#include "apps/common/app.h"
#include "gui/audio_panel.h"
#include "gui/board_panel.h"
#include "gui/camera_preview.h"
#include "gui/lcd_view.h"
#include "gui/level_meter.h"
#include "gui/main_window.h"
#include "tests/gui/gui_test_support.h"

namespace tt::gui {
namespace {

const QString kNoWebcam = QStringLiteral("no webcam found: choose an image or video file");
const QString kNoMicrophone = QStringLiteral("no microphone found: choose a WAV/FLAC file");

}  // namespace

class NoDeviceTest : public QObject {
  Q_OBJECT

 private slots:
  void missing_devices_are_shown_and_files_work() {
    QTemporaryDir dir;
    GuiOptions options;
    options.app = AppKind::kMultinet;
    options.webcam = dir.filePath(QStringLiteral("no-such-webcam"));
    options.no_microphone = true;
    MainWindow window(options);
    QSignalSpy started(&window, &MainWindow::app_state_changed);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.camera_preview()->message(), kNoWebcam, 20000);
    QTRY_COMPARE(window.audio_panel()->message(), kNoMicrophone);
    // The app runs anyway, says so itself (kNoInput) and draws its LCD.
    QTRY_VERIFY(started.count() >= 1);
    QCOMPARE(started.last().at(1).toInt(), static_cast<int>(apps::AppStatus::kNoInput));
    QTRY_VERIFY(window.board()->lcd()->updates() > 0);

    // A picture file becomes the camera.
    const QString png = dir.filePath(QStringLiteral("picture.png"));
    QImage picture(200, 150, QImage::Format_RGB32);
    picture.fill(QColor(30, 140, 90));
    QVERIFY(picture.save(png));
    QVERIFY(window.open_image_file(png));
    QTRY_VERIFY(window.camera_preview()->message().isEmpty());

    // An audio file becomes the microphone: the level meter moves.
    std::vector<int16_t> tone(16000);
    for (size_t i = 0; i < tone.size(); ++i) {
      tone[i] = static_cast<int16_t>(8000 * std::sin(2 * M_PI * 440.0 * i / 16000.0));
    }
    const QString wav = dir.filePath(QStringLiteral("tone.wav"));
    QVERIFY(test::write_wav(wav, tone));
    window.open_audio_file(wav, /*real_time=*/true);
    QTRY_VERIFY(window.audio_panel()->message().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(window.audio_panel()->meter()->level_db() > -30.0, 5000);
  }

  void kws_without_microphone_says_so() {
    GuiOptions options;
    options.app = AppKind::kKws;
    options.no_microphone = true;
    MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.audio_panel()->message(), kNoMicrophone, 20000);
  }

  void default_webcam_missing_on_this_machine() {
    // The same message through the default device index, where there is no webcam (CI).
    if (QFileInfo::exists(QStringLiteral("/dev/video0"))) {
      QSKIP("this machine has /dev/video0: the default webcam may exist");
    }
    GuiOptions options;
    options.app = AppKind::kCifar10Camera;
    options.no_microphone = true;
    MainWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.camera_preview()->message(), kNoWebcam, 20000);
  }
};

}  // namespace tt::gui

QTEST_MAIN(tt::gui::NoDeviceTest)
#include "no_device_test.moc"
