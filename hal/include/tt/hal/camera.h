// Camera: a source of whole frames in one stated pixel format and size (a webcam, a video or
// image-sequence file, a board's sensor bridged over the link, a scripted fake).
//
// Pixel formats: kRgb888 is three bytes R, G, B per pixel; kRgb565 is one 16-bit word per
// pixel (R in bits 15..11, G 10..5, B 4..0) stored little-endian, i.e. a uint16_t in memory
// on x86 and Cortex-M, the same convention as kernels/frontend. Rows are stride_bytes apart.
//
// Spec, per method:
//   name()          Defined: any time; a non-empty, static string naming the backend/source.
//   frame_format()  Defined: while open (after open() returned kOk, until close()): a format
//                   with width, height >= 1 and stride_bytes >= width * bytes per pixel that
//                   stays the same while open. Undefined: before open() / after close().
//   open()          Defined: on a closed camera: kOk (frames can be read) or kNoDevice (the
//                   camera stays closed). On an open camera: kOk, nothing changes.
//   read_frame()    Defined: while open, with buffer != nullptr and size >= frame_bytes().
//                   Waits at most timeout_ms (0: only a frame that is already there) and
//                   returns kOk with exactly frame_bytes() bytes written, or kTimeout (the
//                   camera is still usable; the buffer may have been written), kDeviceLost or
//                   kEndOfStream; the latter two are sticky: every later read returns the same
//                   status until close(). Never writes beyond frame_bytes() bytes.
//                   Undefined: on a closed camera, a null or too small buffer.
//   close()         Defined: any time; closing a closed camera does nothing. A closed camera
//                   may be opened again (a file source then starts from its beginning).
#pragma once

#include <cstddef>
#include <cstdint>

#include "tt/hal/hal_status.h"

namespace tt::hal {

enum class PixelFormat : uint8_t {
  kRgb888 = 0,
  kRgb565 = 1,
};

constexpr int bytes_per_pixel(PixelFormat f) { return f == PixelFormat::kRgb888 ? 3 : 2; }

struct FrameFormat {
  PixelFormat format = PixelFormat::kRgb565;
  int width = 0;
  int height = 0;
  int stride_bytes = 0;  // bytes from the start of one row to the next
};

// Bytes a frame occupies: the last row counts only its pixels, not its padding.
constexpr size_t frame_bytes(const FrameFormat& f) {
  return f.height <= 0 ? 0
                       : static_cast<size_t>(f.height - 1) * static_cast<size_t>(f.stride_bytes) +
                             static_cast<size_t>(f.width) * bytes_per_pixel(f.format);
}

class Camera {
 public:
  virtual const char* name() const = 0;
  virtual FrameFormat frame_format() const = 0;
  virtual HalStatus open() = 0;
  virtual HalStatus read_frame(uint8_t* buffer, size_t size, uint32_t timeout_ms) = 0;
  virtual void close() = 0;

 protected:
  // Not virtual: nobody deletes a backend through the interface, and a virtual destructor
  // would pull operator delete (the heap) into firmware images.
  ~Camera() = default;
};

}  // namespace tt::hal
