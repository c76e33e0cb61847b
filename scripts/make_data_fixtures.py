#!/usr/bin/env python3
"""Fixtures for the AIRiskData tests: .npy files of every supported dtype, order and byte order, .npz archives,
and deliberately malformed files.

How to regenerate
-----------------
    python3 scripts/make_data_fixtures.py      # rewrites Tests/AIRiskDataTests/Fixtures/

Needs Python 3 with numpy. Deterministic (no randomness except one seeded generator). The outputs are small and
committed.

Layout
------
    npy/*.npy            valid arrays; npy/manifest.json lists, for each file, its dtype, the expected shape and the
                         expected values in row-major order (what the Swift reader must produce; floats as
                         float32 bit patterns)
    npz/*.npz            valid archives (np.savez: stored entries, np.savez_compressed: deflated entries) and
                         damaged or hostile ones (see the comments where they are written)
    malformed/*.npy      damaged or hostile .npy files, each with one defect named by the file
    hostile/*            data-set files a careless or hostile user might hand to assess: duplicate .npz entries,
                         NaN and Inf values, float labels, labels in a second file, a CSV whose label column is not
                         called `label`, a text label among class numbers (see make_hostile)
"""

import io
import json
import os
import struct
import zipfile
import zlib

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Tests", "AIRiskDataTests", "Fixtures")

DTYPES = ["f2", "f4", "f8", "i1", "i2", "i4", "i8", "u1", "u2", "u4", "u8", "b1"]


def base_values(code):
    """A 3x4 array of the given dtype code whose values exercise the type's range."""
    kind = code[0]
    if kind == "f":
        return (np.arange(12, dtype=np.float64).reshape(3, 4) - 4.0) * 0.5
    if kind == "b":
        return (np.arange(12).reshape(3, 4) % 3) == 0
    info = np.iinfo(np.dtype(code))
    a = np.arange(12, dtype=np.int64).reshape(3, 4)
    if kind == "i":
        a = a - 6
        a = a.astype(object)
        a[0, 0] = int(info.min)
        a[2, 3] = int(info.max)
    else:
        a = a.astype(object)
        # uint64 values above int64.max cannot be represented by the engine; see malformed/uint64_overflow.npy.
        a[2, 3] = int(min(info.max, 2**63 - 1))
    return a


def header_bytes(header_text, version=(1, 0)):
    """A .npy prefix for a hand-written header dictionary (padded like numpy, no validation)."""
    text = header_text.encode("latin1")
    prefix_len = 10 if version[0] == 1 else 12
    pad = (64 - (prefix_len + len(text) + 1) % 64) % 64
    text = text + b" " * pad + b"\n"
    if version[0] == 1:
        return b"\x93NUMPY" + bytes(version) + struct.pack("<H", len(text)) + text
    return b"\x93NUMPY" + bytes(version) + struct.pack("<I", len(text)) + text


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def npy_bytes(arr, version=None):
    buf = io.BytesIO()
    np.lib.format.write_array(buf, arr, version=version, allow_pickle=False)
    return buf.getvalue()


def expected_entry(name, arr):
    kind = "float" if arr.dtype.kind == "f" else "bool" if arr.dtype.kind == "b" else "int64"
    values = np.ascontiguousarray(arr).reshape(-1).tolist()
    if kind == "float":
        # As float32 bit patterns: exact, and JSON has no infinity.
        values = [int(b) for b in np.ascontiguousarray(arr).reshape(-1).astype("<f4").view("<u4")]
    elif kind == "int64":
        values = [int(v) for v in values]
    return {"file": name, "dtype": str(arr.dtype), "kind": kind, "shape": list(arr.shape), "values": values}


def make_npy():
    out = os.path.join(OUT, "npy")
    manifest = []
    for code in DTYPES:
        values = base_values(code)
        endians = ["|"] if np.dtype(code).itemsize == 1 else ["<", ">"]
        for endian in endians:
            dtype = np.dtype(endian + code if endian != "|" else code)
            arr = np.array(values, dtype=dtype)
            for order in ("C", "F"):
                a = np.asarray(arr, order=order)
                assert a.flags.f_contiguous == (order == "F")
                tag = {"<": "le", ">": "be", "|": "na"}[endian]
                name = f"{np.dtype(code).name}_{tag}_{order}.npy"
                write(os.path.join(out, name), npy_bytes(a))
                manifest.append(expected_entry(name, a))

    # Higher-rank Fortran order: the reader must transpose every axis, not just swap two.
    cube = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    for order in ("C", "F"):
        a = np.asarray(cube, order=order)
        name = f"cube_f4_{order}.npy"
        write(os.path.join(out, name), npy_bytes(a))
        manifest.append(expected_entry(name, a))
    big4 = np.asarray(np.arange(120, dtype=">i4").reshape(2, 3, 4, 5), order="F")
    write(os.path.join(out, "hyper_i4_be_F.npy"), npy_bytes(big4))
    manifest.append(expected_entry("hyper_i4_be_F.npy", big4))

    # Format versions 2.0 and 3.0 (3.0 allows UTF-8 in the header).
    v = np.array([[1.5, -2.0], [3.25, 4.0]], dtype="<f4")
    for version in ((1, 0), (2, 0), (3, 0)):
        name = f"version_{version[0]}_0.npy"
        write(os.path.join(out, name), npy_bytes(v, version=version))
        manifest.append(expected_entry(name, v))

    # The native byte-order marker '=' (numpy itself always writes '<' or '>').
    native = header_bytes("{'descr': '=f4', 'fortran_order': False, 'shape': (2, 2), }") + v.tobytes()
    write(os.path.join(out, "native_order.npy"), native)
    manifest.append(expected_entry("native_order.npy", v))

    # Python 2 era header: long integers with an 'L' suffix, double-quoted strings.
    py2 = header_bytes('{"descr": "<f4", "fortran_order": False, "shape": (2L, 2L), }') + v.tobytes()
    write(os.path.join(out, "python2_header.npy"), py2)
    manifest.append(expected_entry("python2_header.npy", v))

    # Edge shapes: scalar, 1-D, empty.
    for name, a in (
        ("scalar_f8.npy", np.array(2.5, dtype="<f8")),
        ("vector_i2.npy", np.array([3, -1, 7], dtype="<i2")),
        ("empty_f4.npy", np.zeros((0, 4), dtype="<f4")),
    ):
        write(os.path.join(out, name), npy_bytes(a))
        manifest.append(expected_entry(name, a))

    # float16 specials: subnormals, infinities, negative zero, the largest finite value.
    half = np.array([0.0, -0.0, 6.1035156e-05, 5.9604645e-08, 65504.0, np.inf, -np.inf, 1.0 / 3.0], dtype="<f2")
    write(os.path.join(out, "float16_specials.npy"), npy_bytes(half))
    manifest.append(expected_entry("float16_specials.npy", half))

    # What the Swift writer must reproduce byte for byte.
    write(os.path.join(out, "writer_reference_f4.npy"), npy_bytes(np.arange(12, dtype="<f4").reshape(3, 4) / 4))
    write(os.path.join(out, "writer_reference_i8.npy"), npy_bytes(np.array([0, -1, 2**40, 7], dtype="<i8")))
    write(os.path.join(out, "writer_reference_b1.npy"), npy_bytes(np.array([[True, False]], dtype="|b1")))

    # A data set split across two .npy files, for DatasetLoader.
    rng = np.random.RandomState(7)
    write(os.path.join(out, "dataset_x.npy"), npy_bytes(rng.rand(6, 5).astype("<f4")))
    write(os.path.join(out, "dataset_y.npy"), npy_bytes(np.array([0, 1, 2, 1, 0, 2], dtype="<i8")))

    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


def make_malformed():
    out = os.path.join(OUT, "malformed")
    good = npy_bytes(np.arange(12, dtype="<f4").reshape(3, 4))
    write(os.path.join(out, "truncated.npy"), good[:-5])
    write(os.path.join(out, "trailing_bytes.npy"), good + b"\x00\x00\x00\x00")
    write(os.path.join(out, "bad_magic.npy"), b"\x93NUMPZ" + good[6:])
    write(os.path.join(out, "bad_version.npy"), good[:6] + b"\x09\x00" + good[8:])
    write(os.path.join(out, "too_short.npy"), good[:7])
    # Header length field claims 60000 bytes: more than the default 10000-byte limit.
    write(os.path.join(out, "header_too_long.npy"), good[:8] + struct.pack("<H", 60000) + good[10:])
    # Header length field within the limit but past the end of the file.
    short = header_bytes("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }")
    write(os.path.join(out, "header_past_end.npy"), short[:8] + struct.pack("<H", 5000) + short[10:])
    body = np.zeros(12, dtype="<f4").tobytes()
    cases = {
        "negative_dim.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (-3, 4), }",
        "overflow_shape.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (4294967296, 4294967296, 16), }",
        "huge_shape.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (1000000, 1000000), }",
        "missing_key.npy": "{'descr': '<f4', 'shape': (3, 4), }",
        "extra_key.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), 'evil': 1, }",
        "object_dtype.npy": "{'descr': '|O', 'fortran_order': False, 'shape': (3, 4), }",
        "structured_dtype.npy": "{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (3,), }",
        "string_dtype.npy": "{'descr': '<U5', 'fortran_order': False, 'shape': (3, 4), }",
        "unterminated_dict.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4)",
        "float_shape.npy": "{'descr': '<f4', 'fortran_order': False, 'shape': (3.0, 4), }",
        "fortran_not_bool.npy": "{'descr': '<f4', 'fortran_order': 0, 'shape': (3, 4), }",
        "code_injection.npy": "{'descr': __import__('os').system('true'), 'fortran_order': False, 'shape': (3, 4), }",
        "not_a_dict.npy": "[('descr', '<f4')]",
    }
    for name, text in cases.items():
        write(os.path.join(out, name), header_bytes(text) + body)
    write(
        os.path.join(out, "uint64_overflow.npy"),
        npy_bytes(np.array([1, 2**64 - 1], dtype="<u8")),
    )


def zip_with(entries, compression):
    """A zip (no zip64 records) of name -> bytes, so that tests can patch the size fields in place."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = compression
            z.writestr(info, data)
    return bytearray(buf.getvalue())


def patch_uncompressed_size(zipbytes, size):
    """Rewrites the uncompressed-size field of the (single) entry's local header and central directory record."""
    local = zipbytes.find(b"PK\x03\x04")
    central = zipbytes.find(b"PK\x01\x02")
    assert local >= 0 and central >= 0
    struct.pack_into("<I", zipbytes, local + 22, size)
    struct.pack_into("<I", zipbytes, central + 24, size)
    return bytes(zipbytes)


def make_npz():
    out = os.path.join(OUT, "npz")
    os.makedirs(out, exist_ok=True)
    x = (np.arange(15, dtype="<f4").reshape(5, 3) - 7) / 2
    y = np.array([0, 1, 1, 0, 2], dtype="<i8")
    np.savez(os.path.join(out, "stored.npz"), x=x, y=y)
    np.savez_compressed(os.path.join(out, "deflated.npz"), x=x, y=y)
    np.savez_compressed(os.path.join(out, "named_keys.npz"), features=x, labels=y.astype("<i4"), extra=np.ones(2))
    np.savez(os.path.join(out, "regression.npz"), X=x, Y=np.array([0.5, 1.5, -2.0, 3.0, 4.25], dtype="<f4"))
    np.savez(os.path.join(out, "no_labels.npz"), x=x)
    np.savez(os.path.join(out, "mismatched_rows.npz"), x=x, y=y[:4])

    # Not a zip at all.
    write(os.path.join(out, "not_a_zip.npz"), bytes(range(256)) * 4)
    # A valid archive cut in half: the central directory is gone.
    with open(os.path.join(out, "deflated.npz"), "rb") as f:
        whole = f.read()
    write(os.path.join(out, "truncated.npz"), whole[: len(whole) // 2])

    zeros = npy_bytes(np.zeros((1024, 1024), dtype="<f4"))  # 4 MiB that deflates to ~4 KiB (ratio ~1000:1)
    real = zip_with({"x.npy": zeros}, zipfile.ZIP_DEFLATED)
    # Genuine high-ratio entry: accepted by default (deflate tops out near 1032:1), refused with a lower limit.
    write(os.path.join(out, "high_ratio.npz"), bytes(real))
    # Declares 3 GiB uncompressed: over the 2 GiB default ceiling, refused before extracting.
    write(os.path.join(out, "bomb_declared_huge.npz"), patch_uncompressed_size(bytearray(real), 3 << 30))
    # Declares ~40 MiB from ~4 KiB: a ratio no deflate stream can reach, so the header is lying.
    write(os.path.join(out, "bomb_ratio.npz"), patch_uncompressed_size(bytearray(real), 40 << 20))
    # Declares 1000 bytes but inflates to 4 MiB: caught while streaming.
    write(os.path.join(out, "bomb_understated.npz"), patch_uncompressed_size(bytearray(real), 1000))
    # A stored entry whose bytes were corrupted after writing (CRC mismatch).
    stored = zip_with({"x.npy": npy_bytes(x)}, zipfile.ZIP_STORED)
    stored[-200] ^= 0xFF
    write(os.path.join(out, "corrupt_crc.npz"), bytes(stored))
    # A member that is not a valid .npy.
    write(os.path.join(out, "bad_member.npz"), bytes(zip_with({"x.npy": b"\x93NUMPY\x01\x00garbage"}, zipfile.ZIP_STORED)))


def make_hostile():
    out = os.path.join(OUT, "hostile")
    os.makedirs(out, exist_ok=True)
    x = (np.arange(12, dtype="<f4").reshape(6, 2) / 4).astype("<f4")
    y = np.array([0, 1, 2, 1, 0, 2], dtype="<i8")
    # Two entries named x.npy: which one a reader takes depends on the reader.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
            for name, data in [("x.npy", npy_bytes(x)), ("y.npy", npy_bytes(y)), ("x.npy", npy_bytes(x * 100))]:
                z.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), data)
    write(os.path.join(out, "duplicate_x.npz"), buf.getvalue())
    # NaN in row 3, column 1 (0-based) of the features; +Inf in row 5, column 0 of a .npy.
    nan_x = x.copy()
    nan_x[3, 1] = np.nan
    write(os.path.join(out, "nan_features.npz"), bytes(zip_with({"x.npy": npy_bytes(nan_x), "y.npy": npy_bytes(y)}, zipfile.ZIP_STORED)))
    inf_x = x.copy()
    inf_x[5, 0] = np.inf
    write(os.path.join(out, "inf_features.npy"), npy_bytes(inf_x))
    # Class labels stored as float64 whole numbers, as numpy often does.
    write(
        os.path.join(out, "float_labels.npz"),
        bytes(zip_with({"x.npy": npy_bytes(x), "y.npy": npy_bytes(y.astype("<f8"))}, zipfile.ZIP_STORED)),
    )
    # Features and labels in separate files.
    write(os.path.join(out, "features_only.npy"), npy_bytes(x))
    write(os.path.join(out, "labels.npy"), npy_bytes(y))
    write(os.path.join(out, "labels.csv"), ("label\n" + "".join(f"{v}\n" for v in y)).encode())
    # A CSV whose label column is `target`; one with NaN; one with the text label `cat` among class numbers.
    rows = "".join(f"{a},{b},{c}\n" for (a, b), c in zip(x.tolist(), y.tolist()))
    write(os.path.join(out, "target_column.csv"), ("a,b,target\n" + rows).encode())
    write(os.path.join(out, "nan_value.csv"), b"a,b,label\n0.5,1,0\n0.25,nan,1\n1,2,2\n")
    write(os.path.join(out, "cat_label.csv"), b"a,b,label\n0.5,1,0\n0.25,1,1\n1,2,cat\n")


def main():
    make_npy()
    make_malformed()
    make_npz()
    make_hostile()
    total = 0
    for root, _, files in os.walk(OUT):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    print(f"wrote fixtures under {os.path.abspath(OUT)} ({total} bytes)")


if __name__ == "__main__":
    main()
