#!/usr/bin/env python3
"""Prints how much of each memory region a firmware ELF uses and fails if it does not fit.

Reads the ELF's section and program headers (32-bit little-endian ARM; stdlib only) and
sorts every allocated section into the regions given on the command line:

  flash   what must be programmed: each loadable section at its load address (LMA), .data's
          initial values included; "used" runs from the flash base to the last byte, which
          is also the size of the .bin
  RAM     each allocated section at its run address (VMA), .data, .bss, heap and stack
          included; "used" is the sum of the section sizes

Exit status: 0 when everything fits; 1 when a region is over capacity, a section lies
outside every region or straddles one's end, or a loadable section is not in flash (a
.bin would then span the gap); 2 on bad usage or an unreadable ELF.

Usage: memory_report.py ELF --flash-base 0x08040000 --flash-size 1792K
                        [--ram-region NAME:BASE:SIZE ...] [--flash-name FLASH]
Sizes take a K or M suffix (1024-based), as in a linker script.
"""
import argparse
import struct
import sys

SHF_ALLOC = 0x2
SHT_NOBITS = 8
PT_LOAD = 1


class ElfError(Exception):
    pass


def parse_size(text):
    text = text.strip()
    scale = 1
    if text[-1:] in ("K", "k"):
        scale, text = 1024, text[:-1]
    elif text[-1:] in ("M", "m"):
        scale, text = 1024 * 1024, text[:-1]
    return int(text, 0) * scale


def parse_region(text):
    parts = text.split(":")
    if len(parts) != 3 or not parts[0]:
        raise argparse.ArgumentTypeError(f"'{text}': expected NAME:BASE:SIZE")
    try:
        return parts[0], parse_size(parts[1]), parse_size(parts[2])
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}': BASE and SIZE must be numbers") from None


def read_sections(path):
    """Returns [(name, vma, lma, size, loadable)] for every allocated, non-empty section."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or len(data) < 52:
        raise ElfError(f"{path}: not an ELF file")
    if data[4] != 1 or data[5] != 1:
        raise ElfError(f"{path}: not a 32-bit little-endian ELF")
    (phoff, shoff) = struct.unpack_from("<II", data, 28)
    (phentsize, phnum, shentsize, shnum, shstrndx) = struct.unpack_from("<HHHHH", data, 42)
    try:
        segments = [struct.unpack_from("<IIIIIIII", data, phoff + i * phentsize)
                    for i in range(phnum)]
        headers = [struct.unpack_from("<IIIIIIIIII", data, shoff + i * shentsize)
                   for i in range(shnum)]
        names_offset = headers[shstrndx][4]
    except (struct.error, IndexError):
        raise ElfError(f"{path}: truncated ELF headers") from None

    def name_of(offset):
        end = data.index(b"\0", names_offset + offset)
        return data[names_offset + offset:end].decode("ascii", "replace")

    sections = []
    for (name, sh_type, flags, addr, offset, size, *_rest) in headers:
        if not flags & SHF_ALLOC or size == 0:
            continue
        loadable = sh_type != SHT_NOBITS
        lma = addr
        if loadable:
            # The segment whose file image holds the section gives its load address.
            for (p_type, p_offset, p_vaddr, p_paddr, p_filesz, *_p) in segments:
                if p_type == PT_LOAD and p_offset <= offset < p_offset + p_filesz:
                    lma = p_paddr + (offset - p_offset)
                    break
        sections.append((name_of(name), addr, lma, size, loadable))
    return sections


def region_of(regions, start, size):
    """(region, fits): the region holding start, and whether start + size stays inside."""
    for region in regions:
        name, base, length = region
        if base <= start < base + length:
            return region, start + size <= base + length
    return None, False


def report(path, sections, flash, rams, out):
    problems = []
    flash_name, flash_base, flash_size = flash
    flash_end = flash_base
    flash_sections = []
    ram_sections = {name: [] for name, _, _ in rams}
    all_regions = [flash] + rams
    for name, vma, lma, size, loadable in sections:
        if loadable:
            region, fits = region_of([flash], lma, size)
            if region is None or not fits:
                problems.append(f"{name}: {size} bytes to load at 0x{lma:08x}, not inside "
                                f"{flash_name} [0x{flash_base:08x}, "
                                f"0x{flash_base + flash_size:08x})")
            else:
                flash_end = max(flash_end, lma + size)
                flash_sections.append((name, size))
        region, fits = region_of(all_regions, vma, size)
        if region is None:
            problems.append(f"{name}: {size} bytes at 0x{vma:08x}, outside every region")
        elif not fits:
            problems.append(f"{name}: {size} bytes at 0x{vma:08x} run past the end of "
                            f"{region[0]} (0x{region[1] + region[2]:08x})")
        elif region is not flash:
            ram_sections[region[0]].append((name, size))

    rows = [(flash_name, flash_base, flash_size, flash_end - flash_base, flash_sections)]
    for name, base, size in rams:
        rows.append((name, base, size, sum(s for _, s in ram_sections[name]),
                     ram_sections[name]))
    print(f"memory report: {path}", file=out)
    print(f"  {'region':<10} {'base':>10} {'size':>10} {'used':>10} {'free':>10}  use%",
          file=out)
    for name, base, size, used, contents in rows:
        percent = 100.0 * used / size if size else 0.0
        print(f"  {name:<10} 0x{base:08x} {size:>10} {used:>10} {size - used:>10} "
              f"{percent:5.1f}%", file=out)
        if used > size:
            problems.append(f"{name}: {used} bytes used, {size} available "
                            f"({used - size} too many)")
        if contents:
            listed = ", ".join(f"{n} {s}" for n, s in contents)
            print(f"             {listed}", file=out)
    for problem in problems:
        print(f"memory report: DOES NOT FIT: {problem}", file=out)
    if not problems:
        print("memory report: everything fits", file=out)
    return 1 if problems else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("elf")
    parser.add_argument("--flash-base", type=parse_size, required=True)
    parser.add_argument("--flash-size", type=parse_size, required=True)
    parser.add_argument("--flash-name", default="FLASH")
    parser.add_argument("--ram-region", type=parse_region, action="append", default=[],
                        metavar="NAME:BASE:SIZE")
    args = parser.parse_args(argv)
    try:
        sections = read_sections(args.elf)
    except (OSError, ElfError) as e:
        print(f"memory report: {e}", file=sys.stderr)
        return 2
    flash = (args.flash_name, args.flash_base, args.flash_size)
    return report(args.elf, sections, flash, args.ram_region, sys.stdout)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
