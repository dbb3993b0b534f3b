// How much memory the application firmware gives each buffer, per board, and where the big
// buffers live. mps2-an500 has 4 MB of RAM for .bss plus 16 MB more at 0x60000000 (section
// .ext_bss in its linker script); the OpenMV Cam H7 has about 1 MB of SRAM in several banks.
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(TT_BOARD_OPENMV_H7)
// AXI SRAM (512 KB): plans, arenas, the app, the plan-run input. SRAM1-3 (288 KB): the LCD
// and the camera frames. The shipped models are linked into flash; uploaded plans up to
// 64 KB each fit (bigger ones run on the emulated board).
#define TT_BIG_BUFFER __attribute__((section(".big_bss"), aligned(16)))
#define TT_LCD_BUFFER __attribute__((section(".lcd_bss"), aligned(16)))
#define TT_CAMERA_BUFFER __attribute__((section(".sram1_3_bss"), aligned(16)))
namespace tt::firmware {
inline constexpr uint32_t kPlanSlotBytes = 64u * 1024u;  // per uploaded plan
inline constexpr uint32_t kArenaBytes = 64u * 1024u;     // per model slot
inline constexpr uint32_t kInputBytes = 32u * 1024u;     // a plan run's input tensor
inline constexpr size_t kCameraBufferBytes = 2u * 160u * 120u * 2u;
inline constexpr int kMicrophoneRingSamples = 8192;
}  // namespace tt::firmware
#else  // mps2-an500 under QEMU
#define TT_BIG_BUFFER __attribute__((section(".ext_bss"), aligned(16)))
#define TT_LCD_BUFFER __attribute__((aligned(16)))
#define TT_CAMERA_BUFFER TT_BIG_BUFFER
namespace tt::firmware {
inline constexpr uint32_t kPlanSlotBytes = 2u * 1024u * 1024u;
inline constexpr uint32_t kArenaBytes = 1024u * 1024u;
inline constexpr uint32_t kInputBytes = 256u * 1024u;
inline constexpr size_t kCameraBufferBytes = 2u * 320u * 240u * 3u;
inline constexpr int kMicrophoneRingSamples = 16384;
}  // namespace tt::firmware
#endif
