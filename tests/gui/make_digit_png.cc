// make_digit_png DIGIT OUT.png: one MNIST-style digit cut from OpenCV's digits.png, for the
// screenshot test. Exit 77 (ctest's skip) when opencv-doc is not installed.
#include <QCoreApplication>
#include <cstdio>

#include "tests/gui/gui_test_support.h"

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_digit_png DIGIT OUT.png\n");
    return 2;
  }
  if (tt::gui::test::opencv_digits_png().isEmpty()) {
    std::printf("SKIP: opencv-doc is not installed (no examples/data/digits.png)\n");
    return 77;
  }
  if (!tt::gui::test::write_opencv_digit(std::atoi(argv[1]), 0, QString::fromLocal8Bit(argv[2]))) {
    std::fprintf(stderr, "make_digit_png: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}
