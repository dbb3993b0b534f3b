// LCD building blocks every app uses, so all screens share one look: a title bar, score bars
// with labels, a centred notice ("no camera"), a status line, and durations written in the
// board clock's own unit (milliseconds on the host and real silicon, instructions on the
// emulated board, where instructions and not time are exact). Each draws onto the display's
// surface and marks what it changed; the app flushes once per step.
#pragma once

#include <cstdint>

#include "apps/common/app.h"
#include "hal/draw/colour.h"
#include "tt/hal/board.h"
#include "tt/hal/clock.h"
#include "tt/hal/display.h"

namespace tt::apps::screen {

inline constexpr uint16_t kBackground = hal::draw::rgb565(16, 20, 28);
inline constexpr int kTitleHeight = 14;
inline constexpr int kStatusY = 228;  // the bottom text line

void clear(hal::Display& d);
// Text on the screen's background (opaque, so it overwrites what was there).
void text(hal::Display& d, int x, int y, const char* s, uint16_t fg, int scale = 1);
void title(hal::Display& d, const char* app, const char* model);
void status(hal::Display& d, const char* text);
// A framed box with up to a few lines of text centred in it.
void notice(hal::Display& d, const hal::Rect& box, const char* text, uint16_t colour);
// A camera app found no camera at start(): "no camera" in `box`, `text` as the app's message
// (message, message_bytes) told to the listener (may be null). Returns kNoInput.
AppStatus no_camera(const hal::Board& board, const hal::Rect& box, const char* text, char* message,
                    int32_t message_bytes, AppListener* listener);
// One row per class from class first (at most rows), best class highlighted:
// "label  ######  87%".
void score_bars(hal::Display& d, const hal::Rect& box, const InferenceReport& r, int32_t first,
                int32_t rows);

// "12.3 ms" or "1.52 M instr", depending on what the clock's ticks are.
void format_ticks(char* out, int32_t out_bytes, uint64_t ticks, const hal::Clock& clock);
// Probability of class c in percent, 0..100 (from the output's quantization).
int32_t percent(const InferenceReport& r, int32_t c);

}  // namespace tt::apps::screen
