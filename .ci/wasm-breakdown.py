#!/usr/bin/env python3
"""Prints what takes the bytes in a wasm file: the largest functions and the total per crate.

Usage: .ci/wasm-breakdown.py FILE.wasm [TOP]. The file needs its name section (the wasm that
cargo writes under target/, before wasm-bindgen and wasm-opt strip it); sizes are code bytes
before wasm-opt, so they rank rather than measure.
"""
import re
import sys
from collections import Counter


def leb(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def sections(data):
    pos = 8
    while pos < len(data):
        kind = data[pos]
        size, pos = leb(data, pos + 1)
        yield kind, data[pos:pos + size]
        pos += size


def demangle_crate(name):
    """The crate a symbol belongs to (for trait impls: the crate of the implementing type)."""
    if name.startswith("__wbindgen_describe"):
        return "(wasm-bindgen descriptors, removed by wasm-bindgen)"
    if name.startswith("_R"):  # v0 mangling: the first crate root is C<disambiguator>_<len><name>
        match = re.search(r"C[sn]?[0-9a-zA-Z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)", name)
        if match:
            return match.group(2)[: int(match.group(1))]
    if name.startswith("_ZN"):
        match = re.match(r"_ZN(\d+)", name)
        if match:
            ident = name[match.end() : match.end() + int(match.group(1))]
            if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", ident):
                return ident
        match = re.search(r"([a-z][a-z0-9_]*)\.\.", name)
        if match:
            return match.group(1)
    match = re.match(r"<?([a-z_][a-z0-9_]*)::", name)
    if match:
        return match.group(1)
    return "(other)"


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    data = open(path, "rb").read()
    imported = 0
    bodies = []
    names = {}
    for kind, payload in sections(data):
        if kind == 2:  # imports: functions are numbered after imported ones
            count, pos = leb(payload, 0)
            for _ in range(count):
                for _ in range(2):
                    length, pos = leb(payload, pos)
                    pos += length
                import_kind = payload[pos]
                pos += 1
                if import_kind == 0:
                    imported += 1
                    _, pos = leb(payload, pos)
                elif import_kind == 1:
                    pos += 1
                    flags, pos = leb(payload, pos)
                    _, pos = leb(payload, pos)
                    if flags & 1:
                        _, pos = leb(payload, pos)
                elif import_kind == 2:
                    flags, pos = leb(payload, pos)
                    _, pos = leb(payload, pos)
                    if flags & 1:
                        _, pos = leb(payload, pos)
                elif import_kind == 3:
                    pos += 2
                else:
                    _, pos = leb(payload, pos + 1)
        elif kind == 10:
            count, pos = leb(payload, 0)
            for _ in range(count):
                size, pos = leb(payload, pos)
                bodies.append(size)
                pos += size
        elif kind == 0:
            length, pos = leb(payload, 0)
            if payload[pos:pos + length] != b"name":
                continue
            pos += length
            while pos < len(payload):
                sub = payload[pos]
                size, pos = leb(payload, pos + 1)
                end = pos + size
                if sub == 1:
                    count, p = leb(payload, pos)
                    for _ in range(count):
                        index, p = leb(payload, p)
                        length, p = leb(payload, p)
                        names[index] = payload[p:p + length].decode("utf-8", "replace")
                        p += length
                pos = end
    if not names:
        print("no name section: give the wasm from target/, before wasm-opt")
        return
    per_crate = Counter()
    functions = []
    for offset, size in enumerate(bodies):
        name = names.get(imported + offset, f"func[{imported + offset}]")
        per_crate[demangle_crate(name)] += size
        functions.append((size, name))
    total = sum(bodies)
    print(f"code: {total} bytes in {len(bodies)} functions")
    print("\nper crate:")
    for crate, size in per_crate.most_common(20):
        print(f"{size:>9} {100 * size / total:5.1f}%  {crate}")
    print(f"\nlargest {top} functions:")
    for size, name in sorted(functions, reverse=True)[:top]:
        print(f"{size:>9}  {name[:110]}")
    sys.stdout.flush()


main()
