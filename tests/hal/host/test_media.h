// Test media for the OpenCV-backed backends, written with OpenCV into a temporary directory
// the first time a test asks for them and removed when the test program ends, so nothing
// binary is committed. Each picture is made of flat regions, so lossy codecs (MJPG) keep
// their colours within a few levels.
#pragma once

#include <string>

namespace tt::tests::hal {

struct TestMedia {
  std::string dir;
  std::string video;     // 10 frames, 64x48, MJPG in AVI at 25 fps; frame k: video_colour(k)
  std::string sequence;  // "img_%03d.png": 5 frames, 40x30; frame k: sequence_colour(k)
  std::string still;     // 80x60 PNG, flat sequence_colour(0)
  std::string wide;      // 640x240 PNG: left half pure red, right half pure blue
  std::string grey;      // 32x24 8-bit grey PNG, every pixel 77
  std::string grey16;    // 32x24 16-bit 3-channel PNG, every channel 65535 (white)
  std::string rgba;      // 32x24 RGBA PNG: rows 0-7 opaque (200,100,50), 8-15 the same at
                         // alpha 128, 16-23 white at alpha 0
  std::string text;      // a text file: neither an image nor a video
  std::string missing;   // a path that does not exist
};

struct Rgb {
  int r, g, b;
};
Rgb video_colour(int k);
Rgb sequence_colour(int k);

const TestMedia& test_media();

}  // namespace tt::tests::hal
