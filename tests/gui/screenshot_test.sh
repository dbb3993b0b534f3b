#!/bin/sh
# A real screenshot under Xvfb: tinytwin-gui classifies a digit picture in mnist_draw and
# writes its window to a PNG, then screenshot_check asserts the LCD and the panels are drawn.
# usage: screenshot_test.sh TINYTWIN_GUI MAKE_DIGIT_PNG SCREENSHOT_CHECK WORK_DIR
# Exit 77 (skip) without xvfb-run or opencv-doc.
set -u
gui=$1 make_digit=$2 check=$3 work=$4
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "SKIP: xvfb-run is not installed (Debian package xvfb)"
  exit 77
fi
mkdir -p "$work" || exit 1
"$make_digit" 3 "$work/digit3.png"
status=$?
[ "$status" -eq 0 ] || exit "$status"
rm -f "$work/screenshot.png"
# -a picks a free display number, so parallel test runs do not collide.
# No OpenGL integration: widgets do not need it, and Mesa's software GL only adds start-up
# time (and, under ASan, leaks of its own).
QT_QPA_PLATFORM=xcb QT_XCB_GL_INTEGRATION=none xvfb-run -a -s "-screen 0 1600x1200x24" \
  "$gui" --app mnist_draw --image "$work/digit3.png" --no-microphone \
  --screenshot "$work/screenshot.png" || { echo "FAIL: tinytwin-gui exited with $?"; exit 1; }
"$check" "$work/screenshot.png"
