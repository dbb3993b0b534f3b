// A firmware image that never ends, for the qemu.timeout_reported test: the runner must kill
// QEMU after its timeout and say so with exit code 124.
#include <cstdio>

int main() {
  std::printf("spin_image: spinning forever\n");
  for (;;) {
    asm volatile("" ::: "memory");  // a side effect, so the loop is not undefined behaviour
  }
}
