// main() of the Qt backend tests: QtMultimedia needs a QCoreApplication (its plugins and
// event dispatcher); no window is ever shown.
#include <gtest/gtest.h>

#include <QCoreApplication>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
