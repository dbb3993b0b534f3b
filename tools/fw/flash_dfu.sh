#!/usr/bin/env bash
# Flashes a raw image through the STM32's ROM DFU bootloader (USB 0483:df11) with dfu-util,
# then starts it (":leave"). The board must be in ROM DFU mode: BOOT0 jumper fitted at
# reset. Used by the `flash` targets of the OpenMV Cam H7 build; never run by the tests.
# Usage: flash_dfu.sh ADDRESS IMAGE.bin
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 ADDRESS IMAGE.bin" >&2
  exit 2
fi
address=$1
image=$2

if ! command -v dfu-util >/dev/null; then
  echo "flash: dfu-util is not installed (Debian: apt-get install dfu-util)" >&2
  exit 1
fi
if [ ! -f "$image" ]; then
  echo "flash: $image does not exist; build it first" >&2
  exit 1
fi
if ! dfu-util -l -d 0483:df11 2>/dev/null | grep -q "0483:df11"; then
  echo "flash: no STM32 in DFU mode (USB 0483:df11) found. Fit the BOOT0 jumper, reset the" >&2
  echo "       board and try again; behind the OpenMV bootloader the OpenMV IDE's" >&2
  echo "       'Load firmware' works without the jumper." >&2
  exit 1
fi
exec dfu-util -a 0 -d 0483:df11 -s "${address}:leave" -D "$image"
