// Shared by the GUI tests: where the test data lives (../shared beside the source tree, the
// OpenCV sample digits), cutting one MNIST-like digit out of OpenCV's digits.png, drawing a
// digit on the canvas with synthesized mouse strokes, and waiting for the worker to settle.
#pragma once

#include <QSignalSpy>
#include <QString>
#include <cstdint>
#include <vector>

namespace tt::gui {
class DrawingCanvas;
}

namespace tt::gui::test {

// ../shared/datasets/speech_commands next to the source tree, or "" when absent.
QString speech_commands_dir();
// A clip of the Speech Commands test set, e.g. speech_clip("yes", "0c40e715_nohash_0.flac");
// "" when ../shared or the file is absent.
QString speech_clip(const QString& word, const QString& file);

// OpenCV's sample digits (5000 digits of 20x20 in 50 rows of 100; rows 5d..5d+4 hold digit
// d), or "" when opencv-doc is not installed.
QString opencv_digits_png();
// Writes digit `digit`, sample `index` (0..499) of digits.png to out_png, enlarged 4x so it
// is an ordinary picture rather than a 20-pixel stamp. False when digits.png is missing.
bool write_opencv_digit(int digit, int index, const QString& out_png);

// Writes a 16 kHz mono 16-bit PCM WAV.
bool write_wav(const QString& path, const std::vector<int16_t>& samples);

// Draws the digit on the canvas as a person would (press, moves, release per stroke).
void draw_digit(DrawingCanvas* canvas, int digit);

// Waits until the spy has at least one more signal than `before`, then until no new one
// arrives for quiet_ms (the worker has finished with the newest input). False on timeout.
bool wait_until_settled(QSignalSpy& spy, int before, int timeout_ms, int quiet_ms = 300);

}  // namespace tt::gui::test
