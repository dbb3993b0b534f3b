// Display: an RGB565 framebuffer in the program's memory plus a way to show parts of it (an
// image widget on the host, an LCD or the link on a board). Apps draw into surface() with
// hal/draw, mark what they changed, and flush; a backend that has to ship pixels somewhere
// (the link to the host, an SPI LCD) then sends only the changed region.
//
// Dirty tracking is one bounding rectangle: cheap, and an app usually changes a few nearby
// widgets per frame. Pixels are described in tt/hal/surface.h.
//
// Spec, per method:
//   name()           Defined: any time; a non-empty, static string.
//   surface()        Defined: any time; the same valid surface for the display's lifetime
//                    (kDefaultWidth x kDefaultHeight unless the backend states otherwise).
//                    Writing inside it is always allowed; it is shown only when flushed.
//   mark_dirty(r)    Defined: any r (clipped to the surface; empty adds nothing). dirty()
//                    becomes the bounding rectangle of itself and r.
//   dirty()          Defined: any time; inside surface().bounds(), empty when nothing is.
//   flush()          Defined: any time. Shows at least the dirty rectangle: kOk (dirty()
//                    becomes empty), or kTimeout / kDeviceLost (dirty() stays, so a later
//                    flush retries). Empty dirty(): kOk at once.
//   flush_region(r)  Defined: any r (clipped). Shows r as flush() would, whether dirty or not;
//                    dirty() is left unchanged.
//   Undefined: writing outside the surface (hal/draw clips, so it never does).
#pragma once

#include "tt/hal/hal_status.h"
#include "tt/hal/surface.h"

namespace tt::hal {

class Display {
 public:
  static constexpr int kDefaultWidth = 320;
  static constexpr int kDefaultHeight = 240;

  virtual const char* name() const = 0;
  virtual Surface surface() = 0;
  virtual void mark_dirty(const Rect& r) = 0;
  virtual Rect dirty() const = 0;
  virtual HalStatus flush() = 0;
  virtual HalStatus flush_region(const Rect& r) = 0;

 protected:
  ~Display() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
