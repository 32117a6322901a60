#!/usr/bin/env python3
"""Draws Roundtable's icons (a round table with six seats) as PNG files.

Run once when the design changes; the PNGs are committed under style/icons/.
Pure Python (zlib), so it needs nothing installed.
"""
import math
import struct
import zlib
from pathlib import Path

BRAND = (0x1F, 0x4E, 0x5F)
TABLE = (0xF6, 0xF7, 0xF5)
SEAT = (0xF2, 0xA9, 0x00)


def coverage(d, r):
    """Anti-aliased coverage of a pixel whose centre is d from a circle of radius r."""
    return max(0.0, min(1.0, r - d + 0.5))


def draw(size, maskable):
    px = []
    c = size / 2
    # Maskable icons keep their content inside the central 80% safe zone.
    scale = 0.8 if maskable else 1.0
    table_r = size * 0.22 * scale
    seat_r = size * 0.075 * scale
    ring = size * 0.34 * scale
    corner = 0 if maskable else size * 0.18
    seats = [(c + ring * math.cos(a), c + ring * math.sin(a))
             for a in (math.pi / 2 + k * math.pi / 3 for k in range(6))]
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            fx, fy = x + 0.5, y + 0.5
            # Rounded-square background (full bleed when maskable).
            dx = max(corner - fx, fx - (size - corner), 0)
            dy = max(corner - fy, fy - (size - corner), 0)
            bg = coverage(math.hypot(dx, dy), corner) if corner else 1.0
            col = list(BRAND)
            t = coverage(math.hypot(fx - c, fy - c), table_r)
            col = [a * (1 - t) + b * t for a, b in zip(col, TABLE)]
            for sx, sy in seats:
                s = coverage(math.hypot(fx - sx, fy - sy), seat_r)
                col = [a * (1 - s) + b * s for a, b in zip(col, SEAT)]
            row += bytes(int(round(v)) for v in col) + bytes([int(round(255 * bg))])
        px.append(bytes(row))
    raw = b"".join(px)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "style" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (192, 512):
        (out / f"icon-{size}.png").write_bytes(draw(size, False))
    (out / "icon-maskable-512.png").write_bytes(draw(512, True))
    (out / "favicon-32.png").write_bytes(draw(32, False))
