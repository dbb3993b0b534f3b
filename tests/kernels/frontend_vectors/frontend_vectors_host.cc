// The front-end vectors on the host: prints the lines of frontend_vectors.h (no cost lines;
// instruction counts exist only on the emulated board). qemu.frontends_match_host compares
// them with frontend_vectors_fw's. Exit code 0 when every case ran, else 1.
#include "tests/kernels/frontend_vectors/frontend_vectors.h"

int main() { return tt::tests::print_frontend_vectors(nullptr) == 0 ? 0 : 1; }
