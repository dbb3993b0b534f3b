// A firmware image that faults on purpose, for the qemu.fault_reported test: an LDRD from an
// address that is not word-aligned, which takes a UsageFault (UNALIGNED) on the Cortex-M7
// and under QEMU alike. The fault handler must report it and exit with code 3.
#include <cstdint>
#include <cstdio>

int main() {
  alignas(8) static volatile uint8_t buffer[16] = {};
  const volatile uint8_t* unaligned = buffer + 1;
  uint32_t lo;
  uint32_t hi;
  std::printf("fault_image: LDRD from %p (not word-aligned)\n",
              static_cast<const volatile void*>(unaligned));
  asm volatile("ldrd %0, %1, [%2]" : "=r"(lo), "=r"(hi) : "r"(unaligned) : "memory");
  std::printf("fault_image: no fault (lo=%lu hi=%lu)\n", static_cast<unsigned long>(lo),
              static_cast<unsigned long>(hi));
  return 0;  // a zero exit here fails the test: the fault went unreported
}
