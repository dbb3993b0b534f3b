// Front-end vectors: the same inputs through every front-end of kernels/frontend on the host
// and on the emulated Cortex-M7, reduced to one CRC32 per case, so that the two can be
// compared without shipping the outputs. The inputs are made here by an integer LCG (no
// libm, no rand(), no files): one-second int16 clips through the MFCC (float features and
// their int8 quantization), the real FFT and the logarithm on their own, camera, RGB888 and
// grey images through the AREA resize, the pixel quantizers and the MNIST preparation.
//
// Each case prints `frontend CASE crc XXXXXXXX` (CRC32 of the output bytes, floats as their
// IEEE bytes); a front-end that returns an error prints `frontend CASE error STATUS` instead.
// Given a clock, the costs of the MFCC of one clip and of the camera resize + quantize are
// printed as `frontend_cost CASE instructions N`. Last comes `frontend_vectors: N cases, M
// failed`. qemu.frontends_match_host (frontends_on_qemu.py) compares the two sides' lines.
//
// Framework-neutral and freestanding apart from printf: no heap, exceptions or iostream. The
// buffers are static (about 330 KB), so one call at a time.
#pragma once

#include <cstdint>

namespace tt::tests {

// Number of `frontend` lines one run prints; the ctest expects exactly this many.
inline constexpr int32_t kFrontendCaseCount = 25;

// Instructions (or any monotonic count) so far; null for no cost lines.
using FrontendClock = uint64_t (*)();

// Runs every case and prints its lines to stdout. Returns the number of failed cases: a
// front-end returned an error, or the number of cases differs from kFrontendCaseCount.
int32_t print_frontend_vectors(FrontendClock clock);

}  // namespace tt::tests
