// newlib system calls, the same for every board: stdout/stderr go to the board's console
// (board_console.h), stdin reads as empty, exit ends in tt_board_exit (QEMU exits, a board
// resets), and the heap is the bounded .heap region of the linker script with a clear
// message when it runs out.
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>

#include "firmware/boards/board_support.h"
#include "firmware/boards/common/board_console.h"

extern char tt_ld_heap_start[], tt_ld_heap_end[];  // every board's linker script

enum { kExitAbort = 128 + SIGABRT };  // as a shell reports it on the host (134)

// The names and signatures below are fixed by newlib.
// NOLINTBEGIN(bugprone-reserved-identifier,readability-identifier-naming)
int _write(int fd, const char* data, int size);
int _read(int fd, char* data, int size);
int _close(int fd);
int _fstat(int fd, struct stat* st);
int _isatty(int fd);
int _lseek(int fd, int offset, int whence);
void _exit(int code) __attribute__((noreturn));
int _kill(int pid, int sig);
int _getpid(void);
void* _sbrk(ptrdiff_t increment);

static int is_console(int fd) { return fd >= 0 && fd <= 2; }

int _write(int fd, const char* data, int size) {
  if (fd != 1 && fd != 2) {
    errno = EBADF;
    return -1;
  }
  tt_board_console_write(data, (size_t)size);
  return size;
}

// Nothing reads the console: its received bytes belong to the link protocol, and end-of-file
// keeps a stray scanf from blocking a test run.
int _read(int fd, char* data, int size) {
  (void)data;
  (void)size;
  if (fd != 0) {
    errno = EBADF;
    return -1;
  }
  return 0;
}

int _close(int fd) {
  (void)fd;
  errno = EBADF;
  return -1;
}

// A character device, so newlib line-buffers stdout and a crash loses at most one line.
int _fstat(int fd, struct stat* st) {
  if (!is_console(fd)) {
    errno = EBADF;
    return -1;
  }
  st->st_mode = S_IFCHR;
  return 0;
}

int _isatty(int fd) { return is_console(fd); }

int _lseek(int fd, int offset, int whence) {
  (void)fd;
  (void)offset;
  (void)whence;
  errno = ESPIPE;
  return -1;
}

void _exit(int code) { tt_board_exit(code); }

// Reached through abort() -> raise(SIGABRT); there is no other process to signal.
int _kill(int pid, int sig) {
  (void)pid;
  tt_console_puts("\n*** ABORT: signal ");
  tt_console_put_dec32((uint32_t)sig);
  tt_console_puts("\n");
  tt_board_exit(sig == SIGABRT ? kExitAbort : 128 + sig);
}

int _getpid(void) { return 1; }

void* _sbrk(ptrdiff_t increment) {
  // Integers, not pointers: the heap bounds are distinct linker symbols.
  const uintptr_t start = (uintptr_t)tt_ld_heap_start;
  const uintptr_t end = (uintptr_t)tt_ld_heap_end;
  static uintptr_t brk;
  if (brk == 0) {
    brk = start;
  }
  const uintptr_t available = end - brk;
  const int fits =
      increment >= 0 ? (uintptr_t)increment <= available : (uintptr_t)(-increment) <= brk - start;
  if (!fits) {
    // The console, not printf: printf may be the caller (it allocates its buffer on first use).
    tt_console_puts("\n*** sbrk: heap exhausted: ");
    tt_console_put_dec32((uint32_t)increment);
    tt_console_puts(" bytes requested, ");
    tt_console_put_dec32((uint32_t)available);
    tt_console_puts(" free of ");
    tt_console_put_dec32((uint32_t)(end - start));
    tt_console_puts(" (raise tt_ld_heap_size in the board's linker script)\n");
    errno = ENOMEM;
    return (void*)-1;  // NOLINT(performance-no-int-to-ptr): newlib's failure value
  }
  const uintptr_t previous = brk;
  brk += (uintptr_t)increment;
  return (void*)previous;  // NOLINT(performance-no-int-to-ptr): inside .heap
}
// NOLINTEND(bugprone-reserved-identifier,readability-identifier-naming)
