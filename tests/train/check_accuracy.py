#!/usr/bin/python3
"""Accuracy floor of a shipped model, measured with `tinytwin eval` (our C++ engine).

Usage: check_accuracy.py TINYTWIN MODEL APP DATA FLOOR [WORKDIR]
For APP kws, DATA is the Speech Commands folder and the held-out test folder is rebuilt in
WORKDIR first (tools/train/make_kws_test_set.py), exactly as the model card measured it.
Exit 0 when accuracy >= FLOOR, 1 when below or on error, 77 (skipped) when DATA is absent.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tools", "train"))


def main(argv):
    if len(argv) not in (5, 6):
        sys.exit(__doc__)
    tinytwin, model, app, data, floor = argv[:5]
    if not os.path.isdir(data):
        print(f"skipping: {data} not found")
        return 77
    if app == "kws":
        import kws_data  # soundfile is only needed here

        workdir = argv[5]
        if os.path.isdir(workdir):
            subprocess.run(["rm", "-rf", workdir], check=True)
        kws_data.write_test_folder(data, workdir)
        data = workdir
    out = subprocess.run([tinytwin, "eval", "--app", app, "--data", data, "--model", model,
                          "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        print(out.stderr)
        return 1
    result = json.loads(out.stdout)
    accuracy = result["accuracy"]
    print(f"{os.path.basename(model)}: accuracy {accuracy * 100:.2f} % on {result['n']} "
          f"(floor {float(floor) * 100:.1f} %)")
    return 0 if accuracy >= float(floor) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
