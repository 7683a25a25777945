# Makes TestLatin.otf: a small name-keyed CFF face (not CID-keyed, as the CJK faces are) with
# ASCII digits, letters and some punctuation drawn as simple shapes. cairo embeds the Latin-1
# glyphs of such a face in a subset of their own; the box-outline tests draw through it.
# Run with fontTools (pip install fonttools): python3 make-font.py
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen

characters = "0123456789.,%()-+ ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:/"
names = [".notdef"] + [f"g{ord(c)}" for c in characters]
builder = FontBuilder(1000, isTTF=False)
builder.setupGlyphOrder(names)
builder.setupCharacterMap({ord(c): f"g{ord(c)}" for c in characters})
charstrings, metrics = {}, {}
for name in names:
    pen = T2CharStringPen(500, None)
    if name not in (".notdef", "g32"):
        code = int(name[1:])
        width = 40 + (code * 7) % 300
        pen.moveTo((50, -20 + code % 30))
        pen.lineTo((50 + width, 0))
        pen.curveTo((60 + width, 300), (80, 500), (50, 700 - code % 50))
        pen.closePath()
    charstrings[name] = pen.getCharString()
    metrics[name] = (500, 50)
builder.setupCFF("TestLatin-Regular", {"FullName": "Test Latin"}, charstrings, {})
builder.setupHorizontalMetrics(metrics)
builder.setupHorizontalHeader(ascent=800, descent=-200)
builder.setupNameTable({"familyName": "Test Latin", "styleName": "Regular"})
builder.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
builder.setupPost()
builder.save("TestLatin.otf")
