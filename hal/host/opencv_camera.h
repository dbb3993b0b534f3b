// OpenCvCamera: a Camera over cv::VideoCapture. The source string is
//   - a device index ("0", up to 6 digits): a webcam;
//   - a path with a printf-style number ("frames/img_%03d.png"): an image sequence, a fake
//     webcam that plays the numbered files in order;
//   - a file OpenCV can decode as an image (PNG, JPEG, ...): a still picture, delivered once
//     and then kEndOfStream, or again on every read with repeat_still;
//   - any other path: a video file.
// Webcams open through V4L2 on Linux, video files through OpenCV's FFmpeg backend (each
// falls back to any backend when OpenCV was built without it).
//
// Every captured picture (grey, BGR or BGRA, any depth) is scaled to cover the output format
// preserving its aspect ratio and centre-cropped, like a sensor's windowing (image_fit.h,
// FitMode::kCover). The output format is fixed at construction (default 320x240 RGB888,
// packed rows) and does not depend on the source.
//
// Statuses: a device or file that cannot be opened makes open() return kNoDevice, with
// last_error() naming the source and the reason. A live device that stops delivering gives
// kDeviceLost; the end of a file or sequence gives kEndOfStream (with `loop`, it starts
// again instead; an empty one still ends). Both are sticky until close(); close() and
// open() start a file from its beginning.
//
// Pacing (files only; a device delivers at its own rate):
//   kRealTime: frame k is due k / fps after the first read; read_frame() waits for it up to
//     timeout_ms (else kTimeout), and a reader that falls behind skips the frames whose
//     time has passed, as a webcam shows its latest picture (counted in frames_skipped()).
//   kAsFastAsPossible: every read decodes the next frame at once; nothing is skipped.
// fps: a video file's own rate unless options.fps > 0; 30 for image sequences, stills and
// videos that state no rate.
//
// Timeouts on a live device: cv::VideoCapture::read() blocks until the driver delivers the
// next frame and cannot be interrupted, so read_frame() on a webcam may wait longer than
// timeout_ms (typically up to one frame period, longer if the driver stalls).
//
// Thread-safety: none; one thread (the app's) uses the camera.
#pragma once

#include <chrono>
#include <cstdint>
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>
#include <string>

#include "hal/host/source_defaults.h"
#include "tt/hal/camera.h"

namespace tt::hal::host {

struct OpenCvCameraOptions {
  std::string source;
  FrameFormat format = kQvgaRgb888;  // RGB888 or RGB565, any size and stride
  Pacing pacing = Pacing::kRealTime;
  double fps = 0;             // > 0: the pacing rate of every file source
  bool repeat_still = false;  // a still picture: deliver it on every read, never end
  bool loop = false;          // a video or sequence: start again at its end
};

class OpenCvCamera final : public Camera {
 public:
  enum class SourceKind : uint8_t { kDevice, kImageSequence, kStillImage, kVideoFile };

  explicit OpenCvCamera(OpenCvCameraOptions options);

  const char* name() const override { return name_.c_str(); }
  FrameFormat frame_format() const override { return options_.format; }
  HalStatus open() override;
  HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) override;
  void close() override;

  // Why the last open() failed or the source was lost; empty when nothing failed.
  const std::string& last_error() const { return error_; }
  // What the source string denotes (a still picture is only told from a video by reading
  // the file, so that needs the file to exist).
  static SourceKind classify(const std::string& source);
  bool is_open() const { return open_; }
  double pacing_fps() const { return fps_; }               // while open
  int64_t frames_delivered() const { return delivered_; }  // since open()
  int64_t frames_skipped() const { return skipped_; }      // since open(), real-time only
  // The size of the last captured picture before scaling (for the GUI's crop box).
  cv::Size source_size() const { return source_size_; }

 private:
  HalStatus open_source();
  bool wait_until_due(uint32_t timeout_ms);
  void skip_late_frames(std::chrono::steady_clock::time_point now);
  bool capture(cv::Mat* picture);
  bool next_file_frame(cv::Mat* picture);

  OpenCvCameraOptions options_;
  std::string name_;
  std::string error_;
  SourceKind kind_ = SourceKind::kVideoFile;
  cv::VideoCapture capture_;
  cv::Mat still_;
  bool open_ = false;
  HalStatus terminal_ = HalStatus::kOk;
  double fps_ = 30;
  bool timeline_started_ = false;
  std::chrono::steady_clock::time_point timeline_start_;
  int64_t next_index_ = 0;    // position on the paced timeline: frames delivered + skipped
  int64_t pass_frames_ = 0;   // frames read since the file was (re)opened, for `loop`
  int64_t pass_length_ = -1;  // frames in one pass when known (image sequences)
  int64_t delivered_ = 0;
  int64_t skipped_ = 0;
  cv::Size source_size_;
};

}  // namespace tt::hal::host
