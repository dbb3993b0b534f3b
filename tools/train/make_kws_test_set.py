#!/usr/bin/python3
"""Builds the held-out keyword-spotting test folder (the test speakers of the speaker-hash
split, plus silence clips) that `tinytwin eval --app kws --data OUT_DIR` measures.

Usage: make_kws_test_set.py SPEECH_COMMANDS_DIR OUT_DIR
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kws_data  # noqa: E402

if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n = kws_data.write_test_folder(sys.argv[1], sys.argv[2])
    print(f"{sys.argv[2]}: {n} clips")
