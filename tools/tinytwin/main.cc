// tinytwin: the command-line front door (host). Progress and errors go to stderr, results
// to stdout. Exit codes: 0 success, 1 bad model or input, 2 bad usage.
#include <cstdio>
#include <cstring>

#include "tools/tinytwin/commands.h"

namespace {

struct Command {
  const char* name;
  const char* summary;
  int (*run)(int, char**);
};

constexpr Command kCommands[] = {
    {"info", "per-layer shapes, MACs, weights; arena and plan size of a .tflite or .ttm",
     tt::tools::cmd_info},
    {"compile", "compile a .tflite into a plan (.ttm), optionally as a C array",
     tt::tools::cmd_compile},
    {"run", "one inference with per-layer time and output CRC32 (--json for tools)",
     tt::tools::cmd_run},
    {"bench", "per-layer instructions on the emulated Cortex-M7 (exact, TCG plugin)",
     tt::tools::cmd_bench},
    {"eval", "accuracy of a classifier on the MNIST, CIFAR-10 or keyword test set",
     tt::tools::cmd_eval},
    {"features", "MFCC features (49x10) of one-second 16 kHz clips, as the board computes them",
     tt::tools::cmd_features},
    {"kernels", "list every int8 kernel variant in the registry", tt::tools::cmd_kernels},
    {"demo",
     "run the apps headless on inputs every machine has (digits, photos, spoken words): "
     "predictions and per-layer timings",
     tt::tools::cmd_demo},
    {"selftest",
     "a CIFAR-10-shaped network through every kernel variant: per-layer time, bit-exactness",
     tt::tools::cmd_selftest},
};

void usage(FILE* out) {
  std::fprintf(out,
               "usage: tinytwin COMMAND [ARGS...]\n"
               "       tinytwin COMMAND --help\n\ncommands:\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (std::strcmp(argv[1], c.name) == 0) return c.run(argc - 2, argv + 2);
  }
  std::fprintf(stderr, "tinytwin: unknown command '%s'\n\n", argv[1]);
  usage(stderr);
  return 2;
}
