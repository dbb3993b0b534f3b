#!/usr/bin/env python3
"""Tests tools/fw/memory_report.py. On small ELF files built here (load addresses chosen
per case): flash use counts .data's initial values at their load address, a loadable
section outside flash fails (a .bin would span the gap), a region over capacity fails, a
section outside every region fails, a non-ELF is a usage error. With --elf and the real
regions (--flash-base, --flash-size, --ram-region...) it also runs the report on a real
image: fits as given, fails when flash or a RAM region is shrunk below what it uses.

Usage: memory_report_test.py [--elf F --flash-base B --flash-size S --ram-region R ...]
"""
import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.join(HERE, "..", "..", "..", "tools", "fw", "memory_report.py")
REAL = {}


def make_elf(sections):
    """A minimal ELF32 ARM executable. sections: [(name, vma, lma, size, nobits)]; each
    PROGBITS section gets its own PT_LOAD segment at its load address."""
    names = b"\0.shstrtab\0"
    name_offsets = []
    for name, *_ in sections:
        name_offsets.append(len(names))
        names += name.encode() + b"\0"
    header_size, ph_size, sh_size = 52, 32, 40
    loadable = [s for s in sections if not s[4]]
    data_at = header_size + ph_size * len(loadable)
    body = b""
    file_offsets = []
    for _, _, _, size, nobits in sections:
        file_offsets.append(data_at + len(body))
        if not nobits:
            body += b"\xAB" * size
    names_at = data_at + len(body)
    sh_at = names_at + len(names)
    phdrs = b""
    for (name, vma, lma, size, nobits), offset in zip(sections, file_offsets):
        if not nobits:
            phdrs += struct.pack("<IIIIIIII", 1, offset, vma, lma, size, size, 5, 4)
    shdrs = b"\0" * sh_size
    shdrs += struct.pack("<IIIIIIIIII", 1, 3, 0, 0, names_at, len(names), 0, 0, 1, 0)
    for (name, vma, lma, size, nobits), offset, noff in zip(sections, file_offsets,
                                                             name_offsets):
        shdrs += struct.pack("<IIIIIIIIII", noff, 8 if nobits else 1, 0x3, vma, offset, size,
                             0, 0, 4, 0)
    ident = b"\x7fELF\x01\x01\x01" + b"\0" * 9
    header = ident + struct.pack("<HHIIIIIHHHHHH", 2, 40, 1, 0x08000001, header_size, sh_at,
                                 0x05000400, header_size, ph_size, len(loadable), sh_size,
                                 len(sections) + 2, 1)
    return header + phdrs + body + names + shdrs


def run(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True)


REGIONS = ["--flash-base", "0x08000000", "--flash-size", "1K",
           "--ram-region", "DTCM:0x20000000:256", "--ram-region", "AXI_SRAM:0x24000000:1K"]


class SyntheticElfTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="memory_report_test_")
        self.addCleanup(shutil.rmtree, self.dir)

    def elf(self, sections):
        path = os.path.join(self.dir, "image.elf")
        with open(path, "wb") as f:
            f.write(make_elf(sections))
        return path

    def test_fits_and_counts_data_in_flash(self):
        path = self.elf([(".text", 0x08000000, 0x08000000, 0x100, False),
                         (".data", 0x24000000, 0x08000100, 0x20, False),
                         (".bss", 0x24000020, 0x24000020, 0x200, True),
                         (".stack", 0x20000000, 0x20000000, 0x100, True)])
        result = run(path, *REGIONS)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("everything fits", result.stdout)
        # FLASH: .text + .data's values = 0x120 = 288 of 1024; AXI: 0x20 + 0x200 = 544.
        self.assertRegex(result.stdout, r"FLASH\s+0x08000000\s+1024\s+288\s+736")
        self.assertRegex(result.stdout, r"AXI_SRAM\s+0x24000000\s+1024\s+544\s+480")
        self.assertRegex(result.stdout, r"DTCM\s+0x20000000\s+256\s+256\s+0")

    def test_loadable_section_outside_flash(self):
        path = self.elf([(".text", 0x08000000, 0x08000000, 0x100, False),
                         (".data", 0x24000000, 0x24000000, 0x20, False)])
        result = run(path, *REGIONS)
        self.assertEqual(result.returncode, 1)
        self.assertIn("DOES NOT FIT: .data: 32 bytes to load at 0x24000000", result.stdout)

    def test_region_over_capacity(self):
        path = self.elf([(".text", 0x08000000, 0x08000000, 0x100, False),
                         (".bss", 0x24000000, 0x24000000, 0x300, True),
                         (".heap", 0x24000300, 0x24000300, 0x200, True)])
        result = run(path, *REGIONS)
        self.assertEqual(result.returncode, 1)
        self.assertIn(".heap: 512 bytes at 0x24000300 run past the end of AXI_SRAM",
                      result.stdout)

    def test_flash_over_capacity(self):
        path = self.elf([(".text", 0x08000000, 0x08000000, 0x500, False)])
        result = run(path, *REGIONS)
        self.assertEqual(result.returncode, 1)
        self.assertIn("not inside FLASH", result.stdout)

    def test_section_outside_every_region(self):
        path = self.elf([(".text", 0x08000000, 0x08000000, 0x10, False),
                         (".sram4_bss", 0x38000000, 0x38000000, 0x10, True)])
        result = run(path, *REGIONS)
        self.assertEqual(result.returncode, 1)
        self.assertIn(".sram4_bss: 16 bytes at 0x38000000, outside every region", result.stdout)

    def test_usage_errors(self):
        not_elf = os.path.join(self.dir, "not.elf")
        with open(not_elf, "w") as f:
            f.write("text")
        self.assertEqual(run(not_elf, *REGIONS).returncode, 2)
        self.assertEqual(run(os.path.join(self.dir, "missing"), *REGIONS).returncode, 2)
        self.assertEqual(run(not_elf, "--flash-base", "0x0").returncode, 2)
        self.assertEqual(run(not_elf, *REGIONS, "--ram-region", "X:1").returncode, 2)


class RealImageTest(unittest.TestCase):
    def setUp(self):
        if not REAL:
            self.skipTest("no --elf given")

    def test_fits(self):
        result = run(REAL["elf"], *REAL["regions"])
        self.assertEqual(result.returncode, 0, result.stdout)

    def test_shrunk_flash_fails(self):
        args = list(REAL["regions"])
        args[args.index("--flash-size") + 1] = "1K"
        result = run(REAL["elf"], *args)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("DOES NOT FIT", result.stdout)

    def test_shrunk_ram_fails(self):
        # The first RAM region with something in it, cut to 8 bytes.
        report = run(REAL["elf"], *REAL["regions"]).stdout
        args = list(REAL["regions"])
        for i, arg in enumerate(args):
            if i > 0 and args[i - 1] == "--ram-region":
                name, base, _ = arg.split(":")
                if any(line.split()[:1] == [name] and line.split()[3] != "0"
                       for line in report.splitlines()):
                    args[i] = f"{name}:{base}:8"
                    break
        else:
            self.fail("no RAM region in use:\n" + report)
        result = run(REAL["elf"], *args)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertIn("DOES NOT FIT", result.stdout)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--elf")
    parser.add_argument("--flash-base")
    parser.add_argument("--flash-size")
    parser.add_argument("--ram-region", action="append", default=[])
    known, rest = parser.parse_known_args()
    if known.elf:
        REAL["elf"] = known.elf
        REAL["regions"] = ["--flash-base", known.flash_base, "--flash-size", known.flash_size]
        for region in known.ram_region:
            REAL["regions"] += ["--ram-region", region]
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
