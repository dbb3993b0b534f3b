#!/usr/bin/env bash
# TinyTwin: set up, build and run.
#   ./run.sh          install what is missing, build host + firmware, run the GUI (or, with
#                     no display, the headless demo)
#   ./run.sh test     same set-up, then every test: host, ASan/UBSan, firmware under QEMU, the
#                     OpenMV Cam H7 build's checks (images fit, .dfu), fuzzers
#   ./run.sh build    set-up and build only
# Environment: TT_JOBS (parallel build jobs, default: number of cores).
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the project needs (Debian 12). Keep this list the single source of truth.
PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libgtest-dev libgmock-dev libbenchmark-dev
  gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib
  qemu-system-arm
  python3 python3-numpy
  libflatbuffers-dev flatbuffers-compiler nlohmann-json3-dev python3-flatbuffers python3-pyarmnn
  clang libclang-rt-14-dev
  libsndfile1-dev libkissfft-dev python3-soundfile
  zlib1g-dev libopencv-dev
  python3-torch
  libsamplerate0-dev qtbase5-dev qtmultimedia5-dev libqt5multimedia5-plugins
  espeak-ng opencv-doc xvfb xauth
  dfu-util
)

log() { printf '[run.sh] %s\n' "$*" >&2; }

install_missing_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# Configures and builds one preset; the build log is kept in build/PRESET.log and shown
# only when something fails.
build_preset() {
  local preset=$1 logfile=build/$1.log
  mkdir -p build
  log "building $preset"
  if ! { cmake --preset "$preset" && cmake --build --preset "$preset" -j "${TT_JOBS:-$(nproc)}"; } \
      >"$logfile" 2>&1; then
    tail -n 60 "$logfile" >&2
    log "build of $preset failed (full log: $logfile)"
    exit 1
  fi
}

# With a display: the desktop GUI. Without one (a server, CI): the apps headless on
# OpenCV's sample digits, photos and video and on keywords spoken by espeak-ng, then the
# kernels' instruction counts on the emulated Cortex-M7.
main_job() {
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    log "starting the GUI (build/host/gui/tinytwin-gui)"
    exec build/host/gui/tinytwin-gui
  fi
  log "no display: the headless demo (tinytwin demo)"
  build/host/tools/tinytwin/tinytwin demo
  log "the same kernels on the emulated Cortex-M7 (instruction counts under QEMU):"
  tools/qemu/run_firmware.sh build/fw-mps2-an500/tests/kernels/fw/kernel_bench_fw
}

run_tests() {
  local failed=0
  for preset in host host-asan fw-mps2-an500 fw-openmv-h7; do
    log "ctest --preset $preset"
    ctest --preset "$preset" -j "${TT_JOBS:-$(nproc)}" || failed=1
  done
  # libFuzzer (clang, ASan/UBSan) on the model, plan and .npy loaders, seeded with real models.
  build_preset fuzz
  log "fuzzing the loaders"
  tests/fuzz/run_fuzzers.sh build/fuzz 30 || failed=1
  return $failed
}

mode=${1:-run}
case "$mode" in
  run|test|build) ;;
  -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
  *) log "unknown command '$mode' (use: ./run.sh [run|test|build])"; exit 2 ;;
esac

install_missing_packages
build_preset host
[ "$mode" = test ] && build_preset host-asan
build_preset fw-mps2-an500
build_preset fw-openmv-h7

case "$mode" in
  run) main_job ;;
  test) run_tests ;;
esac
