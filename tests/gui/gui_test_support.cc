// Mouse handling through the window system (QWindow), not straight to the widget: only that
// path carries the pressed button into the synthesized moves (QTest's widget path turns a
// move into QCursor::setPos, which the offscreen platform ignores).
#define QTEST_QPA_MOUSE_HANDLING

#include "tests/gui/gui_test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTest>

#include "gui/drawing_canvas.h"
#include "tests/gui/digit_strokes.h"

namespace tt::gui::test {

QString speech_commands_dir() {
  const QString dir =
      QDir(QStringLiteral(TT_SOURCE_DIR)).absoluteFilePath("../shared/datasets/speech_commands");
  return QFileInfo(dir).isDir() ? QDir::cleanPath(dir) : QString();
}

QString speech_clip(const QString& word, const QString& file) {
  const QString dir = speech_commands_dir();
  if (dir.isEmpty()) return QString();
  const QString path = QDir(dir).absoluteFilePath(word + QLatin1Char('/') + file);
  return QFileInfo(path).isFile() ? path : QString();
}

QString opencv_digits_png() {
  const QString path = QStringLiteral("/usr/share/doc/opencv-doc/examples/data/digits.png");
  return QFileInfo(path).isFile() ? path : QString();
}

bool write_opencv_digit(int digit, int index, const QString& out_png) {
  const QString sheet_path = opencv_digits_png();
  if (sheet_path.isEmpty()) return false;
  const QImage sheet(sheet_path);
  if (sheet.isNull()) return false;
  const int row = digit * 5 + index / 100;
  const int column = index % 100;
  const QImage cut = sheet.copy(column * 20, row * 20, 20, 20);
  return cut.scaled(80, 80, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(out_png);
}

bool write_wav(const QString& path, const std::vector<int16_t>& samples) {
  QFile f(path);
  if (!f.open(QIODevice::WriteOnly)) return false;
  auto u32 = [&](uint32_t v) { f.write(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [&](uint16_t v) { f.write(reinterpret_cast<const char*>(&v), 2); };
  const uint32_t data_bytes = static_cast<uint32_t>(samples.size() * 2);
  f.write("RIFF");  // the canonical 44-byte header; x86 is little-endian like RIFF
  u32(36 + data_bytes);
  f.write("WAVEfmt ");
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(16000);
  u32(16000 * 2);
  u16(2);
  u16(16);
  f.write("data");
  u32(data_bytes);
  f.write(reinterpret_cast<const char*>(samples.data()), data_bytes);
  return f.error() == QFile::NoError;
}

void draw_digit(DrawingCanvas* canvas, int digit) {
  // The digit fills 72 % of the canvas height and is 0.62 as wide as tall, as a person
  // drawing in a square box does; MNIST's digits have about that aspect.
  const double side = DrawingCanvas::kWidgetSide;
  const double h = side * 0.72, w = h * 0.62;
  const QRectF box((side - w) / 2, (side - h) / 2, w, h);
  for (const Stroke& s : digit_strokes(digit)) {
    const QVector<QPointF> path = stroke_path(s, box, 4.0);
    QTest::mousePress(canvas, Qt::LeftButton, Qt::NoModifier, path.first().toPoint());
    for (const QPointF& p : path) QTest::mouseMove(canvas, p.toPoint());
    QTest::mouseRelease(canvas, Qt::LeftButton, Qt::NoModifier, path.last().toPoint());
  }
}

bool wait_until_settled(QSignalSpy& spy, int before, int timeout_ms, int quiet_ms) {
  QElapsedTimer t;
  t.start();
  while (spy.count() <= before) {
    if (t.elapsed() > timeout_ms) return false;
    QTest::qWait(10);
  }
  int seen = spy.count();
  QElapsedTimer quiet;
  quiet.start();
  while (quiet.elapsed() < quiet_ms) {
    QTest::qWait(10);
    if (spy.count() != seen) {
      seen = spy.count();
      quiet.restart();
    }
    if (t.elapsed() > timeout_ms) return false;
  }
  return true;
}

}  // namespace tt::gui::test
