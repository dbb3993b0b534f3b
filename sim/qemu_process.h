// Starts qemu-system-arm for the emulated board and owns the process: its UART0 on a pipe
// pair (binary-safe: a non-multiplexed stdio chardev, so no byte is an escape), its stderr
// captured, and its end. The child dies with its parent (PR_SET_PDEATHSIG) and is killed and
// reaped by the destructor, so no QEMU outlives the host program, whatever happens.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace tt::sim {

struct QemuCommand {
  std::string qemu = "qemu-system-arm";  // found on PATH unless it contains a '/'
  std::string firmware;                  // ELF
  std::string plugin;                    // TCG plugin .so; empty: none
  std::string plugin_out;                // its output file
  std::vector<std::string> extra_args;   // e.g. -device loader,...

  std::vector<std::string> argv() const;
};

// Where an executable named `name` is, searching PATH; "" when nowhere.
std::string find_on_path(const std::string& name);

class QemuProcess {
 public:
  QemuProcess() = default;
  ~QemuProcess();
  QemuProcess(const QemuProcess&) = delete;
  QemuProcess& operator=(const QemuProcess&) = delete;

  // Spawns QEMU; false with error() naming what is missing or failed.
  bool start(const QemuCommand& command);
  const std::string& error() const { return error_; }

  int uart_in() const { return to_qemu_; }     // write: bytes for the board's UART
  int uart_out() const { return from_qemu_; }  // read: bytes the board sent
  int stderr_fd() const { return err_; }
  pid_t pid() const { return pid_; }

  // Non-blocking check; true once the process ended (exit_code() then valid).
  bool poll_exited();
  // Waits up to timeout_ms for the end; true when it ended.
  bool wait_exited(int timeout_ms);
  // SIGTERM, then SIGKILL after grace_ms; always reaps.
  void kill(int grace_ms = 500);
  bool exited() const { return exited_; }
  // The firmware's exit code (semihosting exit), or 128 + signal when QEMU was killed.
  int exit_code() const { return exit_code_; }
  // What QEMU wrote to stderr so far (bounded).
  std::string stderr_text();

 private:
  void close_fds();

  pid_t pid_ = -1;
  int to_qemu_ = -1;
  int from_qemu_ = -1;
  int err_ = -1;
  bool exited_ = false;
  int exit_code_ = -1;
  std::string error_;
  std::string stderr_;
};

}  // namespace tt::sim
