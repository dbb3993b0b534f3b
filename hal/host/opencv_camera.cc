#include "hal/host/opencv_camera.h"

#include <cassert>
#include <cctype>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio/registry.hpp>
#include <system_error>
#include <thread>
#include <utility>

#include "hal/host/image_fit.h"

namespace tt::hal::host {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kDefaultFps = 30.0;
constexpr int64_t kMaxSkippedPerRead = 1000;  // bounds the catch-up after a long stall

bool is_device_index(const std::string& s) {
  if (s.empty() || s.size() > 6) return false;
  for (const char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// One known backend rather than CAP_ANY's trial of all of them: FFmpeg decodes every common
// video format and V4L2 is how Linux exposes webcams; trying GStreamer and the image-sequence
// reader as well on a file neither can read only adds noise (and GStreamer's leaks).
int backend_or_any(cv::VideoCaptureAPIs preferred) {
  return cv::videoio_registry::hasBackend(preferred) ? preferred : cv::CAP_ANY;
}

int device_api() {
#ifdef __linux__
  return backend_or_any(cv::CAP_V4L2);
#else
  return cv::CAP_ANY;
#endif
}

int video_file_api() { return backend_or_any(cv::CAP_FFMPEG); }

bool file_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

}  // namespace

OpenCvCamera::OpenCvCamera(OpenCvCameraOptions options)
    : options_(std::move(options)), name_("opencv camera: " + options_.source) {
  const FrameFormat& f = options_.format;
  assert(f.width > 0 && f.height > 0 && f.stride_bytes >= f.width * bytes_per_pixel(f.format));
  (void)f;
}

OpenCvCamera::SourceKind OpenCvCamera::classify(const std::string& source) {
  if (is_device_index(source)) return SourceKind::kDevice;
  if (source.find('%') != std::string::npos) return SourceKind::kImageSequence;
  try {
    if (file_exists(source) && cv::haveImageReader(source)) return SourceKind::kStillImage;
  } catch (const cv::Exception&) {
  }
  return SourceKind::kVideoFile;
}

HalStatus OpenCvCamera::open() {
  if (open_) return HalStatus::kOk;
  error_.clear();
  HalStatus s;
  try {
    s = open_source();
  } catch (const cv::Exception& e) {
    error_ = "camera '" + options_.source + "': OpenCV failed to open it: " + e.what();
    s = HalStatus::kNoDevice;
  }
  if (s != HalStatus::kOk) {
    capture_.release();
    still_.release();
    return s;
  }
  open_ = true;
  terminal_ = HalStatus::kOk;
  timeline_started_ = false;
  next_index_ = pass_frames_ = delivered_ = skipped_ = 0;
  return HalStatus::kOk;
}

HalStatus OpenCvCamera::open_source() {
  kind_ = classify(options_.source);
  fps_ = options_.fps > 0 ? options_.fps : kDefaultFps;
  pass_length_ = -1;
  switch (kind_) {
    case SourceKind::kDevice:
      if (!capture_.open(std::stoi(options_.source), device_api())) {
        error_ = "camera '" + options_.source + "': no such video device (or it is busy)";
        return HalStatus::kNoDevice;
      }
      // Keep the driver's queue short so a slow reader gets a recent picture, not a backlog.
      capture_.set(cv::CAP_PROP_BUFFERSIZE, 1);
      return HalStatus::kOk;
    case SourceKind::kImageSequence:
      if (!capture_.open(options_.source, cv::CAP_IMAGES)) {
        error_ = "camera '" + options_.source + "': no image file matches this pattern";
        return HalStatus::kNoDevice;
      }
      pass_length_ = static_cast<int64_t>(capture_.get(cv::CAP_PROP_FRAME_COUNT));
      return HalStatus::kOk;
    case SourceKind::kStillImage: {
      const cv::Mat picture = to_bgr8(cv::imread(options_.source, cv::IMREAD_UNCHANGED));
      if (picture.empty()) {
        error_ = "camera '" + options_.source + "': OpenCV cannot decode this image";
        return HalStatus::kNoDevice;
      }
      // Scaled once: a repeated still would otherwise be resized again for every frame.
      source_size_ = picture.size();
      still_ = fit_bgr8(picture, options_.format.width, options_.format.height, FitMode::kCover);
      return HalStatus::kOk;
    }
    case SourceKind::kVideoFile:
      if (!file_exists(options_.source)) {
        error_ = "camera '" + options_.source + "': no such file";
        return HalStatus::kNoDevice;
      }
      if (!capture_.open(options_.source, video_file_api())) {
        error_ = "camera '" + options_.source + "': OpenCV cannot decode it as a video";
        return HalStatus::kNoDevice;
      }
      if (options_.fps <= 0) {
        const double fps = capture_.get(cv::CAP_PROP_FPS);
        if (fps > 0 && fps <= 1000) fps_ = fps;  // NaN and nonsense fall back to the default
      }
      return HalStatus::kOk;
  }
  return HalStatus::kNoDevice;
}

void OpenCvCamera::close() {
  if (!open_) return;
  capture_.release();
  still_.release();
  open_ = false;
  terminal_ = HalStatus::kOk;
}

HalStatus OpenCvCamera::read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) {
  assert(open_ && buffer != nullptr && size >= frame_bytes(options_.format));
  (void)size;
  if (terminal_ != HalStatus::kOk) return terminal_;
  if (kind_ == SourceKind::kStillImage && delivered_ > 0 && !options_.repeat_still) {
    terminal_ = HalStatus::kEndOfStream;  // at once: there is no next frame to wait for
    return terminal_;
  }
  if (kind_ != SourceKind::kDevice && options_.pacing == Pacing::kRealTime &&
      !wait_until_due(timeout_ms)) {
    return HalStatus::kTimeout;
  }
  cv::Mat picture;
  try {
    if (!capture(&picture)) return terminal_;
    write_frame(fit_bgr8(picture, options_.format.width, options_.format.height, FitMode::kCover),
                options_.format, buffer);
  } catch (const cv::Exception& e) {
    error_ = "camera '" + options_.source + "': OpenCV failed to read a frame: " + e.what();
    terminal_ = kind_ == SourceKind::kDevice ? HalStatus::kDeviceLost : HalStatus::kEndOfStream;
    return terminal_;
  }
  ++next_index_;
  ++delivered_;
  return HalStatus::kOk;
}

// Real-time pacing: false when frame next_index_ is not due within timeout_ms.
bool OpenCvCamera::wait_until_due(uint32_t timeout_ms) {
  const Clock::time_point now = Clock::now();
  if (!timeline_started_) {
    timeline_started_ = true;
    timeline_start_ = now;
  }
  const auto due = timeline_start_ + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(next_index_ / fps_));
  if (due <= now) {
    skip_late_frames(now);
    return true;
  }
  if (due - now > std::chrono::milliseconds(timeout_ms)) {
    std::this_thread::sleep_for(std::chrono::milliseconds(timeout_ms));
    return false;
  }
  std::this_thread::sleep_until(due);
  return true;
}

// A reader that fell behind the timeline gets the frame that is due now, not a backlog.
void OpenCvCamera::skip_late_frames(Clock::time_point now) {
  const double elapsed = std::chrono::duration<double>(now - timeline_start_).count();
  int64_t late = static_cast<int64_t>(elapsed * fps_) - next_index_;
  if (late > kMaxSkippedPerRead) late = kMaxSkippedPerRead;
  for (int64_t i = 0; i < late; ++i) {
    // A still picture has nothing to skip over; a file reaching its end stops skipping and
    // the next read reports the end.
    if (kind_ != SourceKind::kStillImage && !next_file_frame(nullptr)) break;
    ++next_index_;
    ++skipped_;
  }
}

// The next picture as 8-bit BGR; false after setting terminal_ when there is none.
bool OpenCvCamera::capture(cv::Mat* picture) {
  cv::Mat raw;
  switch (kind_) {
    case SourceKind::kStillImage:
      *picture = still_;  // already fitted; source_size_ was set by open()
      return true;
    case SourceKind::kDevice:
      if (!capture_.read(raw) || (*picture = to_bgr8(raw)).empty()) {
        error_ = "camera '" + options_.source + "': the device stopped delivering frames";
        terminal_ = HalStatus::kDeviceLost;
        return false;
      }
      break;
    case SourceKind::kImageSequence:
    case SourceKind::kVideoFile:
      if (!next_file_frame(picture)) {
        terminal_ = HalStatus::kEndOfStream;
        return false;
      }
      break;
  }
  source_size_ = picture->size();
  return true;
}

// Moves to the next frame of a video or sequence and decodes it into *picture (only
// grabs it when picture is null), starting again at the end when looping. False at the end.
bool OpenCvCamera::next_file_frame(cv::Mat* picture) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    // A sequence's length is known: reading past it would only make OpenCV warn about the
    // missing next file.
    const bool at_known_end = pass_length_ > 0 && pass_frames_ >= pass_length_;
    cv::Mat raw;
    const bool ok = !at_known_end &&
                    (picture == nullptr ? capture_.grab()
                                        : capture_.read(raw) && !(*picture = to_bgr8(raw)).empty());
    if (ok) {
      ++pass_frames_;
      return true;
    }
    if (!options_.loop || pass_frames_ == 0) return false;  // an empty file never loops
    // Reopening is the one way to rewind that every backend supports.
    capture_.release();
    pass_frames_ = 0;
    const int api = kind_ == SourceKind::kImageSequence ? cv::CAP_IMAGES : video_file_api();
    if (!capture_.open(options_.source, api)) return false;
  }
  return false;
}

}  // namespace tt::hal::host
