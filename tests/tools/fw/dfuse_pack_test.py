#!/usr/bin/env python3
"""Tests tools/fw/dfuse_pack.py: the DfuSe layout (UM0391) field by field, the suffix CRC
against a bitwise CRC-32 written here (not zlib), the command line's errors, and, when
dfu-util's dfu-suffix is installed, its verdict on our files. With --image-dfu/--image-bin
it also checks a real image's .dfu: one element at --address holding exactly the .bin.

Usage: dfuse_pack_test.py [--image-dfu F --image-bin F --address A] [unittest options]
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
TOOL = os.path.join(HERE, "..", "..", "..", "tools", "fw", "dfuse_pack.py")
IMAGE = {}


def bitwise_crc(data):
    """CRC-32, reflected polynomial 0xEDB88320, initial 0xFFFFFFFF, no final inversion."""
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xEDB88320 if crc & 1 else crc >> 1
    return crc


def parse_dfuse(data):
    """Reads a DfuSe file back independently of the packer; returns its fields."""
    out = {}
    sig, version, image_size, targets = struct.unpack_from("<5sBIB", data, 0)
    out.update(signature=sig, version=version, image_size=image_size, targets=targets)
    at = 11
    tsig, alt, named = struct.unpack_from("<6sBI", data, at)
    name = data[at + 11:at + 11 + 255]
    tsize, count = struct.unpack_from("<II", data, at + 266)
    out.update(target_signature=tsig, alt=alt, named=named, name=name, target_size=tsize,
               element_count=count)
    at += 274
    elements = []
    for _ in range(count):
        address, size = struct.unpack_from("<II", data, at)
        elements.append((address, data[at + 8:at + 8 + size]))
        at += 8 + size
    out["elements"] = elements
    out["suffix_at"] = at
    device, pid, vid, bcd, ufd, length, crc = struct.unpack_from("<HHHH3sBI", data, at)
    out.update(device=device, pid=pid, vid=vid, bcd_dfu=bcd, ufd=ufd, suffix_length=length,
               crc=crc)
    return out


def run_tool(*args):
    return subprocess.run([sys.executable, TOOL, *args], capture_output=True, text=True)


class DfusePackTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="dfuse_pack_test_")
        self.addCleanup(shutil.rmtree, self.dir)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def pack(self, *args):
        out = os.path.join(self.dir, "out.dfu")
        result = run_tool("-o", out, *args)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(out, "rb") as f:
            return out, f.read()

    def test_layout_of_two_elements(self):
        first = bytes(range(256)) * 3 + b"\x01"  # odd size: no padding may creep in
        second = b"\xA5" * 40
        a = self.write("a.bin", first)
        b = self.write("b.bin", second)
        _, data = self.pack("--name", "demo", "0x08040000:" + a, "0x08100000:" + b)
        d = parse_dfuse(data)
        self.assertEqual(d["signature"], b"DfuSe")
        self.assertEqual(d["version"], 1)
        self.assertEqual(d["targets"], 1)
        self.assertEqual(d["image_size"], len(data) - 16)  # prefix + target, no suffix
        self.assertEqual(d["target_signature"], b"Target")
        self.assertEqual(d["alt"], 0)
        self.assertEqual(d["named"], 1)
        self.assertEqual(d["name"], b"demo" + b"\0" * 251)
        self.assertEqual(d["element_count"], 2)
        self.assertEqual(d["target_size"], 8 + len(first) + 8 + len(second))
        self.assertEqual(d["elements"], [(0x08040000, first), (0x08100000, second)])
        self.assertEqual(d["suffix_at"], len(data) - 16)
        self.assertEqual((d["device"], d["pid"], d["vid"]), (0xFFFF, 0xDF11, 0x0483))
        self.assertEqual(d["bcd_dfu"], 0x011A)
        self.assertEqual(d["ufd"], b"UFD")
        self.assertEqual(d["suffix_length"], 16)
        self.assertEqual(d["crc"], bitwise_crc(data[:-4]))

    def test_crc_changes_with_every_byte(self):
        a = self.write("a.bin", b"\0" * 16)
        _, before = self.pack("0x08000000:" + a)
        self.write("a.bin", b"\0" * 15 + b"\1")
        _, after = self.pack("0x08000000:" + a)
        self.assertNotEqual(before[-4:], after[-4:])
        self.assertEqual(struct.unpack("<I", after[-4:])[0], bitwise_crc(after[:-4]))

    def test_ids_and_alternate_setting(self):
        a = self.write("a.bin", b"xyz")
        _, data = self.pack("--vid", "0x1234", "--pid", "0xabcd", "--alt", "2", "0x0:" + a)
        d = parse_dfuse(data)
        self.assertEqual((d["vid"], d["pid"], d["alt"]), (0x1234, 0xABCD, 2))

    def test_bad_arguments(self):
        a = self.write("a.bin", b"xyz")
        out = os.path.join(self.dir, "x.dfu")
        self.assertEqual(run_tool("-o", out, "nocolon").returncode, 2)
        self.assertEqual(run_tool("-o", out, "zz:" + a).returncode, 2)
        missing = run_tool("-o", out, "0x08000000:" + os.path.join(self.dir, "missing.bin"))
        self.assertEqual(missing.returncode, 1)
        self.assertIn("dfuse_pack:", missing.stderr)
        too_high = run_tool("-o", out, "0xFFFFFFFF:" + a)
        self.assertEqual(too_high.returncode, 1)
        self.assertFalse(os.path.exists(out))

    @unittest.skipUnless(shutil.which("dfu-suffix"), "dfu-suffix (dfu-util) not installed")
    def test_dfu_suffix_accepts_ours_and_rejects_a_flipped_bit(self):
        a = self.write("a.bin", os.urandom(1000))
        out, data = self.pack("0x08040000:" + a)
        check = subprocess.run(["dfu-suffix", "--check", out], capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertIn("Vendor ID:\t0x0483", check.stdout)
        self.assertIn("Product ID:\t0xDF11", check.stdout)
        self.assertIn("BCD DFU:\t0x011A", check.stdout)
        flipped = bytearray(data)
        flipped[300] ^= 0x10
        bad = self.write("bad.dfu", bytes(flipped))
        check = subprocess.run(["dfu-suffix", "--check", bad], capture_output=True, text=True)
        self.assertIn("CRC does not match", check.stderr)

    def test_real_image(self):
        if "dfu" not in IMAGE:
            self.skipTest("no --image-dfu given")
        with open(IMAGE["dfu"], "rb") as f:
            data = f.read()
        with open(IMAGE["bin"], "rb") as f:
            image = f.read()
        d = parse_dfuse(data)
        self.assertEqual(d["elements"], [(IMAGE["address"], image)])
        self.assertEqual(d["crc"], bitwise_crc(data[:-4]))
        # The vector table opens the image: an initial stack pointer in RAM and an odd
        # (Thumb) reset handler address inside the image.
        sp, reset = struct.unpack_from("<II", image, 0)
        self.assertTrue(0x20000000 <= sp <= 0x38010000, hex(sp))
        self.assertEqual(reset & 1, 1)
        self.assertTrue(IMAGE["address"] <= reset - 1 < IMAGE["address"] + len(image))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--image-dfu")
    parser.add_argument("--image-bin")
    parser.add_argument("--address", type=lambda s: int(s, 0))
    known, rest = parser.parse_known_args()
    if known.image_dfu:
        IMAGE.update(dfu=known.image_dfu, bin=known.image_bin, address=known.address)
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
