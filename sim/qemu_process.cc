// QemuProcess: see qemu_process.h.
#include "sim/qemu_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace tt::sim {

std::vector<std::string> QemuCommand::argv() const {
  // -icount shift=0: one instruction = 1 ns of virtual time, so SysTick counts instructions
  // (DESIGN.md section 6). The UART is a plain stdio chardev: -nographic would multiplex
  // the monitor into it and treat 0x01 bytes as escapes.
  std::vector<std::string> a = {qemu,
                                "-M",
                                "mps2-an500",
                                "-cpu",
                                "cortex-m7",
                                "-display",
                                "none",
                                "-monitor",
                                "none",
                                "-chardev",
                                "stdio,id=link,mux=off,signal=off",
                                "-serial",
                                "chardev:link",
                                "-semihosting-config",
                                "enable=on,target=native",
                                "-icount",
                                "shift=0"};
  if (!plugin.empty()) {
    a.push_back("-plugin");
    a.push_back(plugin + ",out=" + plugin_out);
  }
  for (const std::string& e : extra_args) a.push_back(e);
  a.push_back("-kernel");
  a.push_back(firmware);
  return a;
}

std::string find_on_path(const std::string& name) {
  if (name.find('/') != std::string::npos) return access(name.c_str(), X_OK) == 0 ? name : "";
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  size_t start = 0;
  while (start <= p.size()) {
    size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    const std::string dir = p.substr(start, end - start);
    const std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
    start = end + 1;
  }
  return "";
}

QemuProcess::~QemuProcess() {
  if (pid_ > 0 && !exited_) kill(200);
  close_fds();
}

void QemuProcess::close_fds() {
  for (int* fd : {&to_qemu_, &from_qemu_, &err_}) {
    if (*fd >= 0) close(*fd);
    *fd = -1;
  }
}

bool QemuProcess::start(const QemuCommand& command) {
  const std::string qemu = find_on_path(command.qemu);
  if (qemu.empty()) {
    error_ = "'" + command.qemu +
             "' not found on PATH: the emulated board needs QEMU (Debian/Ubuntu: apt install "
             "qemu-system-arm)";
    return false;
  }
  struct stat st;
  if (stat(command.firmware.c_str(), &st) != 0) {
    error_ = "firmware image not found: " + command.firmware +
             " (build it with: cmake --preset fw-mps2-an500 && cmake --build --preset "
             "fw-mps2-an500)";
    return false;
  }
  if (!command.plugin.empty() && stat(command.plugin.c_str(), &st) != 0) {
    error_ = "instruction-counter plugin not found: " + command.plugin;
    return false;
  }
  int in[2], out[2], err[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
    error_ = std::string("pipe: ") + std::strerror(errno);
    return false;
  }
  std::vector<std::string> args = command.argv();
  args[0] = qemu;
  std::vector<char*> argv;
  for (std::string& s : args) argv.push_back(s.data());
  argv.push_back(nullptr);
  const pid_t parent = getpid();
  pid_ = fork();
  if (pid_ < 0) {
    error_ = std::string("fork: ") + std::strerror(errno);
    return false;
  }
  if (pid_ == 0) {
    // Child: only async-signal-safe calls until exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    setpgid(0, 0);  // a terminal's ^C goes to the host program, which ends QEMU itself
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  to_qemu_ = in[1];
  from_qemu_ = out[0];
  err_ = err[0];
  fcntl(err_, F_SETFL, O_NONBLOCK);
  // Writing to a QEMU that died must give EPIPE, not kill the host program.
  signal(SIGPIPE, SIG_IGN);
  return true;
}

bool QemuProcess::poll_exited() {
  if (exited_ || pid_ <= 0) return exited_;
  int status = 0;
  const pid_t r = waitpid(pid_, &status, WNOHANG);
  if (r == pid_) {
    exited_ = true;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  return exited_;
}

bool QemuProcess::wait_exited(int timeout_ms) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (!poll_exited()) {
    if (std::chrono::steady_clock::now() >= end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

void QemuProcess::kill(int grace_ms) {
  if (pid_ <= 0 || poll_exited()) return;
  ::kill(pid_, SIGTERM);
  if (!wait_exited(grace_ms)) {
    ::kill(pid_, SIGKILL);
    wait_exited(5000);
  }
}

std::string QemuProcess::stderr_text() {
  if (err_ >= 0) {
    char buf[4096];
    ssize_t n;
    while ((n = read(err_, buf, sizeof buf)) > 0) {
      if (stderr_.size() < 16384) stderr_.append(buf, static_cast<size_t>(n));
    }
  }
  return stderr_;
}

}  // namespace tt::sim
