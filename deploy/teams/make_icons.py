# Draws Shoptalk's Teams icons: two overlapping speech bubbles (a dialogue), written as PNG with zlib only.
import struct, zlib, math

def png(path, w, h, pixel):
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for x in range(w):
            raw.extend(pixel(x, y))
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 6, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(data)

def in_round_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def in_triangle(x, y, a, b, c):
    def s(p, q, r):
        return (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1])
    d1, d2, d3 = s((x, y), a, b), s((x, y), b, c), s((x, y), c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)

def bubble(x, y, scale, left):
    # Bubble A (back, upper left) and bubble B (front, lower right), each with a tail.
    if left:
        return in_round_rect(x, y, 22*scale, 34*scale, 118*scale, 100*scale, 18*scale) or \
            in_triangle(x, y, (40*scale, 96*scale), (62*scale, 96*scale), (34*scale, 120*scale))
    return in_round_rect(x, y, 74*scale, 84*scale, 170*scale, 150*scale, 18*scale) or \
        in_triangle(x, y, (130*scale, 146*scale), (152*scale, 146*scale), (160*scale, 170*scale))

TEAL = (31, 111, 120, 255)
WHITE = (255, 255, 255, 255)
SAND = (246, 214, 160, 255)

def color(x, y):
    px, py = x + 0.5, y + 0.5
    if bubble(px, py, 1, False):
        return WHITE
    if bubble(px, py, 1, True):
        return SAND
    return TEAL

png("color.png", 192, 192, color)

# Outline: white strokes on transparent, as Teams requires for the 32x32 icon.
S = 32 / 192.0
def outline(x, y):
    hits = 0
    for sy in range(4):
        for sx in range(4):
            px, py = x + (sx + 0.5) / 4, y + (sy + 0.5) / 4
            a, b = bubble(px, py, S, True), bubble(px, py, S, False)
            inner_a = bubble(px, py, S, True) and all(bubble(px + dx, py + dy, S, True) for dx, dy in ((1.6,0),(-1.6,0),(0,1.6),(0,-1.6)))
            inner_b = b and all(bubble(px + dx, py + dy, S, False) for dx, dy in ((1.6,0),(-1.6,0),(0,1.6),(0,-1.6)))
            if (b and not inner_b) or (a and not b and not inner_a):
                hits += 1
    alpha = int(255 * hits / 16)
    return (255, 255, 255, alpha)

png("outline.png", 32, 32, outline)
