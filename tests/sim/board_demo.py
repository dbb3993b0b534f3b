#!/usr/bin/python3
"""`tinytwin demo --backend qemu`: every app on the emulated board, on the inputs a fresh
machine has (opencv-doc's digits, photos and video; espeak-ng's voices). The digits and the
photos give the same class and the same CRC32 of every layer as the host; the spoken
keywords are heard; in multinet "go" then "stop" toggle the image classifier. Skips (77)
with a message when opencv-doc, espeak-ng or the firmware is absent.

Usage: board_demo.py TINYTWIN FIRMWARE PLUGIN
"""
import os
import re
import shutil
import subprocess
import sys

SAMPLES = "/usr/share/doc/opencv-doc/examples/data/digits.png"


def main():
    tinytwin, firmware, plugin = sys.argv[1:4]
    if not os.path.exists(SAMPLES) or shutil.which("espeak-ng") is None:
        print("SKIP: needs Debian's opencv-doc and espeak-ng (./run.sh installs them)")
        return 77
    if not os.path.exists(firmware) or shutil.which("qemu-system-arm") is None:
        print(f"SKIP: needs qemu-system-arm and the firmware {firmware} (./run.sh builds it)")
        return 77
    r = subprocess.run([tinytwin, "demo", "--backend", "qemu", "--limit", "20", "--firmware",
                        firmware, "--plugin", plugin], capture_output=True, text=True,
                       timeout=900)
    print(r.stdout)
    failures = []

    def check(cond, what):
        print(("ok   " if cond else "FAIL ") + what)
        if not cond:
            failures.append(what)

    check(r.returncode == 0, f"demo exits 0 (stderr: {r.stderr[-400:]})")
    m = re.search(r"mnist_draw on the board: (\d+) digits.*?(\d+) right.*?board == host for "
                  r"(\d+) of (\d+)", r.stdout)
    check(m is not None and m[1] == "20" and m[3] == m[4] == "20" and int(m[2]) >= 18,
          f"mnist_draw: 20 digits, at least 18 right, all equal to the host ({m and m.groups()})")
    c = re.search(r"cifar10_camera on the board: (\d+) photos, board == host for (\d+) of (\d+)",
                  r.stdout)
    check(c is not None and int(c[1]) >= 8 and c[2] == c[3] == c[1],
          f"cifar10_camera: every photo equal to the host ({c and c.groups()})")
    k = re.search(r"kws on the board: .*-> heard:(.*)", r.stdout)
    words = k[1].split() if k else []
    expected = "yes no up down left right on off stop go".split()
    right = sum(1 for w in words if w in expected)
    check(right >= 7, f"kws: {right} of 10 spoken keywords heard ({words})")
    n = re.search(r"multinet on the board: .*heard: (.*?); (\d+) audio windows.*?, (\d+) image "
                  r"inferences", r.stdout)
    check(n is not None and n[1].split() == ["go", "stop"] and int(n[3]) > 0,
          f"multinet: go then stop heard, images classified in between ({n and n.groups()})")
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
