// libFuzzer target: bytes -> parse_npy. The only acceptable failure is an NpyError; an
// accepted array must hold exactly the bytes its shape and dtype need.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "tools/tinytwin/npy.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const tt::tools::NpyArray a =
        tt::tools::parse_npy(std::vector<uint8_t>(data, data + size), "fuzz.npy");
    const int64_t item = a.type == tt::tools::NpyType::kFloat32 ? 4 : 1;
    if (a.count() < 0 || static_cast<int64_t>(a.data.size()) != a.count() * item) {
      std::fprintf(stderr, "fuzz_npy: accepted array with %zu bytes for %lld elements\n",
                   a.data.size(), static_cast<long long>(a.count()));
      std::abort();
    }
  } catch (const tt::tools::NpyError&) {
  }
  return 0;
}
