#!/usr/bin/env python3
"""Checks the include-dependency rules of the layout (docs: DESIGN.md section 1).

Arrows only point down: leaves (kernels, hal/include, hal/link) use nothing of ours but
themselves, the drawing layer (hal/draw) uses only hal/include, apps use kernels, hal/include
and hal/draw, composition roots (firmware, sim, gui, tools) use what is below them. Leaves,
hal/draw and apps also build for the Cortex-M7, so their system headers are limited to a
freestanding allow-list.

Includes name files from the repository root ("kernels/core/status.h"), except the HAL
interfaces, whose include root is hal/include ("tt/hal/camera.h").

Usage: check_deps.py [ROOT]   (exit 0 when clean, 1 with one line per violation)
"""
import pathlib
import re
import sys

# module -> project modules it may include (besides itself)
ALLOWED = {
    "kernels": set(),
    "hal/include": set(),
    "hal/link": set(),
    "hal/draw": {"hal/include"},
    "apps": {"kernels", "hal/include", "hal/draw"},
    "hal/host": {"hal/include", "hal/draw", "kernels"},
    "hal/fake": {"hal/include"},
    "hal/board": {"hal/include", "hal/link", "kernels"},
    "firmware": {"kernels", "hal/include", "hal/draw", "hal/link", "hal/board", "apps"},
    "sim": {"kernels", "hal/include", "hal/link"},
    "gui": {"kernels", "hal/include", "hal/draw", "hal/link", "hal/host", "apps", "sim", "tools"},
    "tools": {"kernels", "hal/include", "hal/draw", "hal/link", "hal/host", "apps", "sim",
              "tools"},
    "tests": None,  # tests may include anything
}
MODULES = sorted(ALLOWED, key=len, reverse=True)  # longest prefix first (hal/include before hal)
# Include roots other than the repository root: include-path prefix -> module.
INCLUDE_ROOTS = {"tt/hal/": "hal/include"}

# System headers a module that builds for the MCU may use: freestanding C++ and newlib.
FREESTANDING = {
    "cstdint", "cstddef", "cstring", "cmath", "climits", "cfloat", "cstdarg", "cstdio",
    "limits", "type_traits", "utility", "new", "arm_acle.h", "stdint.h", "stddef.h",
}
MCU_MODULES = {"kernels", "hal/include", "hal/draw", "hal/link", "apps"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = {".h", ".hpp", ".cc", ".cpp", ".c"}


def module_of(rel):
    for prefix, m in INCLUDE_ROOTS.items():
        if rel.startswith(prefix):
            return m
    for m in MODULES:
        if rel == m or rel.startswith(m + "/"):
            return m
    return None


def check(root):
    problems = []
    for path in sorted(root.rglob("*")):
        if path.suffix not in SOURCES or "build" in path.relative_to(root).parts[:1]:
            continue
        rel = path.relative_to(root).as_posix()
        mod = module_of(rel)
        if mod is None or ALLOWED[mod] is None:
            continue
        for lineno, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, target = m.groups()
            where = f"{rel}:{lineno}"
            if kind == '"':
                dep = module_of(target)
                if dep is None:
                    problems.append(f"{where}: includes \"{target}\", which is not under a module")
                elif dep != mod and dep not in ALLOWED[mod]:
                    problems.append(f"{where}: {mod} must not include {dep} (\"{target}\")")
            elif mod in MCU_MODULES and target not in FREESTANDING:
                problems.append(f"{where}: {mod} builds for the MCU and must not include <{target}>")
    return problems


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    problems = check(root)
    for p in problems:
        print(p)
    print(f"include rules: {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
