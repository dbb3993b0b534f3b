// screenshot_check PNG: checks a tinytwin-gui screenshot taken after an inference. The LCD
// (found by its dark bezel, a 648-pixel-wide frame around the 640x480 panel) must show a
// picture, not one flat colour; the prediction bars and the per-layer time chart must be
// drawn (their bar colour present in the prediction column and the lower half); the window
// as a whole must not be blank. Prints what it measured; exit 0 when every check passes.
#include <QColor>
#include <QCoreApplication>
#include <QHash>
#include <QImage>
#include <QRect>
#include <cstdio>

namespace {

constexpr QRgb kBezel = 0xff1d2024;  // LcdView's frame
constexpr QRgb kBar = 0xff2f7dd1;    // the best prediction's bar and the time chart's bars
constexpr int kLcdWidth = 640, kLcdHeight = 480, kBezelWidth = 4;

struct Colours {
  int distinct = 0;
  double top_share = 0;  // of the most common colour
};

Colours colours_in(const QImage& img, const QRect& r) {
  QHash<QRgb, int> count;
  for (int y = r.top(); y <= r.bottom(); ++y) {
    for (int x = r.left(); x <= r.right(); ++x) ++count[img.pixel(x, y)];
  }
  int top = 0;
  for (int c : count) top = std::max(top, c);
  return {static_cast<int>(count.size()), static_cast<double>(top) / (r.width() * r.height())};
}

int pixels_of(const QImage& img, const QRect& r, QRgb colour) {
  int n = 0;
  for (int y = r.top(); y <= r.bottom(); ++y) {
    for (int x = r.left(); x <= r.right(); ++x) n += img.pixel(x, y) == colour;
  }
  return n;
}

// The top-left corner of the LCD's bezel: the first row with a run of bezel colour as wide
// as the bezel.
bool find_lcd(const QImage& img, QRect* panel) {
  const int run_needed = kLcdWidth + 2 * kBezelWidth;
  for (int y = 0; y < img.height(); ++y) {
    int run = 0;
    for (int x = 0; x < img.width(); ++x) {
      run = img.pixel(x, y) == kBezel ? run + 1 : 0;
      if (run == run_needed) {
        *panel = QRect(x - run_needed + 1 + kBezelWidth, y + kBezelWidth, kLcdWidth, kLcdHeight);
        return img.rect().contains(*panel);
      }
    }
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc != 2) {
    std::fprintf(stderr, "usage: screenshot_check PNG\n");
    return 2;
  }
  const QImage img = QImage(QString::fromLocal8Bit(argv[1])).convertToFormat(QImage::Format_RGB32);
  if (img.isNull()) {
    std::fprintf(stderr, "FAIL: cannot read %s\n", argv[1]);
    return 1;
  }
  int failures = 0;
  auto check = [&](bool ok, const char* what) {
    std::printf("%s: %s\n", ok ? "ok" : "FAIL", what);
    failures += ok ? 0 : 1;
  };
  std::printf("screenshot %dx%d\n", img.width(), img.height());
  check(img.width() >= 1000 && img.height() >= 700, "window at least 1000x700");
  const Colours window = colours_in(img, img.rect());
  std::printf("window: %d colours, most common %.1f %%\n", window.distinct, 100 * window.top_share);
  check(window.distinct >= 64 && window.top_share < 0.8, "window is not blank");

  QRect lcd;
  const bool found = find_lcd(img, &lcd);
  check(found, "LCD bezel found");
  if (!found) return 1;
  const Colours panel = colours_in(img, lcd);
  std::printf("LCD at %d,%d: %d colours, most common %.1f %%\n", lcd.x(), lcd.y(), panel.distinct,
              100 * panel.top_share);
  check(panel.distinct >= 8 && panel.top_share < 0.95, "LCD shows a picture");

  // The prediction column: right of the LCD, above the analysis tabs.
  const int right_x = lcd.right() + kBezelWidth + 1;
  const QRect top_right(right_x, 0, img.width() - right_x, lcd.bottom());
  const int bars = pixels_of(img, top_right, kBar);
  std::printf("prediction bar pixels: %d\n", bars);
  check(bars >= 300, "prediction bars drawn");
  const QRect lower(0, lcd.bottom() + kBezelWidth + 1, img.width(),
                    img.height() - lcd.bottom() - kBezelWidth - 1);
  const int chart = pixels_of(img, lower, kBar);
  const Colours analysis = colours_in(img, lower);
  std::printf("analysis tabs: %d colours, time-chart bar pixels: %d\n", analysis.distinct, chart);
  check(chart >= 50, "per-layer time chart drawn");
  check(analysis.distinct >= 16, "analysis tabs are filled");
  return failures == 0 ? 0 : 1;
}
