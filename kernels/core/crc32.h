// CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320; the zlib/PNG CRC), used to compare
// tensors between the host and the board without shipping the tensors themselves.
#pragma once

#include <cstdint>

namespace tt::kernels {

// Continues a CRC: start with crc = 0; crc32(crc32(0, a, n), b, m) == crc32 of a then b.
uint32_t crc32(uint32_t crc, const void* data, int32_t bytes);

}  // namespace tt::kernels
