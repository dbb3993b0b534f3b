// `tinytwin kernels`: the kernel registry as a table (op, variant).
#include <cstdio>
#include <cstring>

#include "kernels/registry.h"
#include "tools/tinytwin/commands.h"

namespace tt::tools {

int cmd_kernels(int argc, char** argv) {
  if (argc > 0) {
    const bool help = std::strcmp(argv[0], "--help") == 0 || std::strcmp(argv[0], "-h") == 0;
    std::fprintf(help ? stdout : stderr,
                 "usage: tinytwin kernels\n  Lists every int8 kernel variant: 'ref' is the "
                 "reference (the oracle), 'dsp' the ARMv7E-M SIMD32 variant.\n");
    return help ? 0 : 2;
  }
  const kernels::RegistryList list = kernels::kernel_registry();
  std::printf("%-20s %s\n", "op", "variant");
  for (int32_t i = 0; i < list.size; ++i) {
    std::printf("%-20s %s\n", list.entries[i].op, list.entries[i].variant);
  }
  return 0;
}

}  // namespace tt::tools
