// RGB565 colour helpers for the drawing layer: packing 8-bit channels into the framebuffer's
// 16-bit pixels, widening them back, and a small palette the apps share so every screen uses
// the same colours.
#pragma once

#include <cstdint>

namespace tt::hal::draw {

// Keeps the top 5/6/5 bits of each channel (truncation, as LCD controllers do).
constexpr uint16_t rgb565(uint8_t r, uint8_t g, uint8_t b) {
  return static_cast<uint16_t>(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));
}

// Widening by bit replication, so 0 stays 0 and full scale stays 255 (the same rule as
// kernels/frontend uses for RGB565 camera frames).
constexpr uint8_t red_of(uint16_t c) {
  const int v = (c >> 11) & 0x1F;
  return static_cast<uint8_t>((v << 3) | (v >> 2));
}
constexpr uint8_t green_of(uint16_t c) {
  const int v = (c >> 5) & 0x3F;
  return static_cast<uint8_t>((v << 2) | (v >> 4));
}
constexpr uint8_t blue_of(uint16_t c) {
  const int v = c & 0x1F;
  return static_cast<uint8_t>((v << 3) | (v >> 2));
}

inline constexpr uint16_t kBlack = rgb565(0, 0, 0);
inline constexpr uint16_t kWhite = rgb565(255, 255, 255);
inline constexpr uint16_t kGrey = rgb565(128, 128, 128);
inline constexpr uint16_t kDarkGrey = rgb565(64, 64, 64);
inline constexpr uint16_t kRed = rgb565(255, 0, 0);
inline constexpr uint16_t kGreen = rgb565(0, 255, 0);
inline constexpr uint16_t kBlue = rgb565(0, 0, 255);
inline constexpr uint16_t kYellow = rgb565(255, 255, 0);
inline constexpr uint16_t kCyan = rgb565(0, 255, 255);
inline constexpr uint16_t kMagenta = rgb565(255, 0, 255);
inline constexpr uint16_t kOrange = rgb565(255, 165, 0);

}  // namespace tt::hal::draw
