#!/usr/bin/python3
"""Checks that the committed golden-vector headers are exactly what gen_golden.py produces.

Usage: /usr/bin/python3 tools/golden/check_reproducible.py GOLDEN_DIR
Reruns tools/golden/gen_golden.py into a temporary directory and compares every generated file
byte for byte with GOLDEN_DIR. Also fails on a stale golden_*.h in GOLDEN_DIR that the
generator no longer writes. Exit status 0 when identical.
"""

import difflib
import os
import subprocess
import sys
import tempfile


def main(argv):
    if len(argv) != 2:
        sys.exit("usage: check_reproducible.py GOLDEN_DIR")
    golden_dir = argv[1]
    generator = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gen_golden.py")
    failures = []
    with tempfile.TemporaryDirectory(prefix="tt_golden_") as tmp:
        subprocess.run([sys.executable, generator, tmp], check=True)
        generated = sorted(os.listdir(tmp))
        for name in generated:
            with open(os.path.join(tmp, name), "rb") as f:
                fresh = f.read()
            path = os.path.join(golden_dir, name)
            if not os.path.exists(path):
                failures.append(f"{path}: missing (the generator writes it)")
                continue
            with open(path, "rb") as f:
                committed = f.read()
            if committed != fresh:
                diff = difflib.unified_diff(
                    committed.decode("ascii", "replace").splitlines(),
                    fresh.decode("ascii", "replace").splitlines(), f"{path} (committed)",
                    f"{name} (regenerated)", lineterm="", n=1)
                failures.append(f"{path}: differs from the generator's output\n" +
                                "\n".join(list(diff)[:20]))
        for name in sorted(os.listdir(golden_dir)):
            if name.startswith("golden_") and name.endswith(".h") and name not in generated:
                failures.append(f"{os.path.join(golden_dir, name)}: stale (not generated)")
    for f in failures:
        print(f)
    if failures:
        print("golden vectors are not reproducible; regenerate with "
              "/usr/bin/python3 tools/golden/gen_golden.py tests/kernels/golden")
        return 1
    print(f"golden vectors reproducible: {len(generated)} files identical")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
