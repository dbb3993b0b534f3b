#!/usr/bin/env python3
"""Packs raw binary images into a DfuSe file (.dfu) for STM32 devices.

The DfuSe format is ST's extension of the USB DFU 1.1 file (ST UM0391), which the ST ROM
bootloader's DFU mode and dfu-util understand:

  prefix   11 bytes  "DfuSe", version 1, size of prefix + targets (uint32), target count
  target  274 bytes  "Target", alternate setting, named flag (uint32), 255-byte name,
                     size of its elements (uint32), element count (uint32)
           elements  address (uint32), size (uint32), then the bytes, for each element
  suffix   16 bytes  bcdDevice, idProduct, idVendor, bcdDFU 0x011A, "UFD", length 16, CRC

All integers are little-endian. The CRC is the DFU suffix's: CRC-32 (polynomial 0xEDB88320,
reflected, initial 0xFFFFFFFF) over every byte before it, without the final inversion.
This packer writes one target (alternate setting 0 = the internal flash by default).

Usage: dfuse_pack.py -o OUT.dfu [--vid 0x0483] [--pid 0xdf11] [--alt 0] [--name NAME]
                     ADDRESS:FILE [ADDRESS:FILE ...]
"""
import argparse
import struct
import sys
import zlib

PREFIX_FORMAT = "<5sBIB"
TARGET_FORMAT = "<6sBI255sII"
ELEMENT_FORMAT = "<II"
SUFFIX_FORMAT = "<HHHH3sB"  # the CRC follows
BCD_DFU = 0x011A  # DfuSe's version of the DFU suffix
DEFAULT_VID = 0x0483  # STMicroelectronics
DEFAULT_PID = 0xDF11  # STM32 ROM bootloader in DFU mode


def dfu_crc(data):
    """The DFU suffix CRC: zlib's CRC-32 without its final inversion."""
    return zlib.crc32(data) ^ 0xFFFFFFFF


def pack(elements, vid=DEFAULT_VID, pid=DEFAULT_PID, device=0xFFFF, alt=0, name="ST..."):
    """elements: list of (address, bytes). Returns the whole .dfu file as bytes."""
    if not elements:
        raise ValueError("at least one element is needed")
    body = b""
    for address, data in elements:
        if not 0 <= address <= 0xFFFFFFFF or address + len(data) > 0x100000000:
            raise ValueError(f"element at 0x{address:x} does not fit a 32-bit address space")
        body += struct.pack(ELEMENT_FORMAT, address, len(data)) + data
    encoded_name = name.encode("ascii")
    if len(encoded_name) > 254:
        raise ValueError("target name longer than 254 bytes")
    target = struct.pack(TARGET_FORMAT, b"Target", alt, 1, encoded_name, len(body),
                         len(elements)) + body
    image_size = struct.calcsize(PREFIX_FORMAT) + len(target)
    data = struct.pack(PREFIX_FORMAT, b"DfuSe", 1, image_size, 1) + target
    data += struct.pack(SUFFIX_FORMAT, device, pid, vid, BCD_DFU, b"UFD", 16)
    return data + struct.pack("<I", dfu_crc(data))


def parse_element(text):
    address, sep, path = text.partition(":")
    if not sep or not path:
        raise argparse.ArgumentTypeError(f"'{text}': expected ADDRESS:FILE")
    try:
        return int(address, 0), path
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{address}': not an address") from None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", required=True, help="the .dfu file to write")
    parser.add_argument("--vid", type=lambda s: int(s, 0), default=DEFAULT_VID)
    parser.add_argument("--pid", type=lambda s: int(s, 0), default=DEFAULT_PID)
    parser.add_argument("--device", type=lambda s: int(s, 0), default=0xFFFF,
                        help="bcdDevice (0xFFFF: any)")
    parser.add_argument("--alt", type=int, default=0, help="alternate setting of the target")
    parser.add_argument("--name", default="ST...", help="target name")
    parser.add_argument("elements", nargs="+", type=parse_element, metavar="ADDRESS:FILE")
    args = parser.parse_args(argv)
    try:
        elements = []
        for address, path in args.elements:
            with open(path, "rb") as f:
                elements.append((address, f.read()))
        data = pack(elements, vid=args.vid, pid=args.pid, device=args.device, alt=args.alt,
                     name=args.name)
        with open(args.output, "wb") as f:
            f.write(data)
    except (OSError, ValueError) as e:
        print(f"dfuse_pack: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
