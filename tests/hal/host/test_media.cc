#include "tests/hal/host/test_media.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

namespace tt::tests::hal {
namespace {

namespace fs = std::filesystem;

cv::Scalar bgr(const Rgb& c) { return cv::Scalar(c.b, c.g, c.r); }

fs::path media_dir() {
  return fs::temp_directory_path() / ("tt_hal_host_media_" + std::to_string(::getpid()));
}

// Removes the directory when the test program ends.
class MediaCleanup : public ::testing::Environment {
 public:
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(media_dir(), ec);
  }
};
[[maybe_unused]] ::testing::Environment* const kCleanup =
    ::testing::AddGlobalTestEnvironment(new MediaCleanup);

TestMedia write_media() {
  TestMedia m;
  const fs::path dir = media_dir();
  fs::create_directories(dir);
  m.dir = dir.string();

  m.video = (dir / "video.avi").string();
  cv::VideoWriter writer(m.video, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 25.0,
                         cv::Size(64, 48));
  if (!writer.isOpened()) ADD_FAILURE() << "cannot write " << m.video;
  for (int k = 0; k < 10; ++k) writer.write(cv::Mat(48, 64, CV_8UC3, bgr(video_colour(k))));
  writer.release();

  m.sequence = (dir / "img_%03d.png").string();
  for (int k = 0; k < 5; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "img_%03d.png", k);
    cv::imwrite((dir / name).string(), cv::Mat(30, 40, CV_8UC3, bgr(sequence_colour(k))));
  }

  m.still = (dir / "still.png").string();
  cv::imwrite(m.still, cv::Mat(60, 80, CV_8UC3, bgr(sequence_colour(0))));

  m.wide = (dir / "wide.png").string();
  cv::Mat wide(240, 640, CV_8UC3, cv::Scalar(255, 0, 0));       // blue
  wide(cv::Rect(0, 0, 320, 240)).setTo(cv::Scalar(0, 0, 255));  // red
  cv::imwrite(m.wide, wide);

  m.grey = (dir / "grey.png").string();
  cv::imwrite(m.grey, cv::Mat(24, 32, CV_8UC1, cv::Scalar(77)));

  m.grey16 = (dir / "white16.png").string();
  cv::imwrite(m.grey16, cv::Mat(24, 32, CV_16UC3, cv::Scalar(65535, 65535, 65535)));

  m.rgba = (dir / "rgba.png").string();
  cv::Mat rgba(24, 32, CV_8UC4, cv::Scalar(50, 100, 200, 255));  // BGRA
  rgba(cv::Rect(0, 8, 32, 8)).setTo(cv::Scalar(50, 100, 200, 128));
  rgba(cv::Rect(0, 16, 32, 8)).setTo(cv::Scalar(255, 255, 255, 0));
  cv::imwrite(m.rgba, rgba);

  m.text = (dir / "notes.txt").string();
  std::ofstream(m.text) << "neither an image nor a video\n";

  m.missing = (dir / "missing.avi").string();
  return m;
}

}  // namespace

Rgb video_colour(int k) { return Rgb{20 + 20 * k, 100, 220 - 15 * k}; }
Rgb sequence_colour(int k) { return Rgb{40 * k, 200 - 30 * k, 128}; }

const TestMedia& test_media() {
  static const TestMedia media = write_media();
  return media;
}

}  // namespace tt::tests::hal
