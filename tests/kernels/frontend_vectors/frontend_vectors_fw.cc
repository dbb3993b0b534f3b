// The front-end vectors on the Cortex-M7 under qemu-system-arm -M mps2-an500: prints the
// same lines as the host's frontend_vectors over UART0, plus the instruction counts of the
// MFCC of one clip and of the camera resize + quantize (SysTick under -icount shift=0, exact
// to +-40; firmware/boards/mps2_an500/instruction_counter.h). Exit code 0 when every case
// ran, else 1.
#include "firmware/boards/mps2_an500/instruction_counter.h"
#include "tests/kernels/frontend_vectors/frontend_vectors.h"

namespace {

uint64_t instructions_now() { return tt_icount_start(); }

}  // namespace

int main() { return tt::tests::print_frontend_vectors(instructions_now) == 0 ? 0 : 1; }
