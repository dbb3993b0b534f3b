// Led: one status LED, monochrome or RGB. Apps use it for "listening", "keyword heard",
// "classifying"; a monochrome LED shows any non-black colour as on.
//
// Spec, per method:
//   name()          Defined: any time; a non-empty, static string.
//   has_colour()    Defined: any time; constant.
//   set(on)         Defined: any time. Same as set_colour(white) or set_colour(black).
//   set_colour(c)   Defined: any time. is_on() becomes whether c is not black; colour()
//                   returns c on an RGB LED, and white or black on a monochrome one.
//   is_on(), colour()  Defined: any time; the last state set (off and black initially).
#pragma once

#include <cstdint>

namespace tt::hal {

struct LedColour {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;

  constexpr bool is_black() const { return r == 0 && g == 0 && b == 0; }
  constexpr bool operator==(const LedColour& o) const { return r == o.r && g == o.g && b == o.b; }
};

inline constexpr LedColour kLedWhite{255, 255, 255};
inline constexpr LedColour kLedBlack{0, 0, 0};

class Led {
 public:
  virtual const char* name() const = 0;
  virtual bool has_colour() const = 0;
  virtual void set_colour(const LedColour& c) = 0;
  virtual bool is_on() const = 0;
  virtual LedColour colour() const = 0;

  void set(bool on) { set_colour(on ? kLedWhite : kLedBlack); }

 protected:
  ~Led() = default;  // not virtual: see camera.h
};

}  // namespace tt::hal
