#!/usr/bin/env python3
"""A CFF-outlined CJK font converted to TrueType outlines, for `npm run generate-pages -- --font`.

Chromium embeds a CFF-outlined font (Debian's fonts-noto-cjk) in its PDFs as Type 3 fonts, for
which pdftotext's default mode writes a row of side-by-side column lines as one line; a
TrueType-outlined one it embeds as a CID TrueType font, and default mode then writes each column
line as a block of its own, as on the shared pages. Needs fontTools (`pip install fonttools`).

usage:
  python3 tools/truetype-font.py [--source TTC] [--face NAME] [--family NAME] OUT.ttf
  (then copy OUT.ttf to ~/.local/share/fonts and run fc-cache)

Defaults: /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc, face "Noto Sans CJK SC",
family "BM Sans TT". About a minute for the 65,535 glyphs.
"""
import argparse
import sys

from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable


def face_of(source: str, face: str) -> TTFont:
    fonts = TTCollection(source).fonts if source.endswith('.ttc') else [TTFont(source)]
    for font in fonts:
        if any(face in n.toUnicode() for n in font['name'].names if n.nameID in (1, 4)):
            return font
    sys.exit(f'{source}: no face named {face!r}')


def to_truetype(font: TTFont, family: str) -> None:
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable('glyf')
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        # cubic curves to quadratic ones, within one font unit
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font['glyf'] = glyf
    font['loca'] = newTable('loca')
    del font['CFF ']
    if 'VORG' in font:
        del font['VORG']
    maxp = newTable('maxp')
    maxp.tableVersion = 0x00010000
    for field in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements', 'maxSizeOfInstructions', 'maxComponentElements'):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    font['maxp'] = maxp
    font['head'].glyphDataFormat = 0
    # no glyph names: format 2 cannot hold 65,535 of them
    font['post'].formatType = 3.0
    names = {1: family, 3: family, 4: family, 6: family.replace(' ', ''), 16: family}
    for n in font['name'].names:
        if n.nameID in names:
            n.string = names[n.nameID]
    font.sfntVersion = '\x00\x01\x00\x00'


def main() -> None:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument('--source', default='/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')
    args.add_argument('--face', default='Noto Sans CJK SC')
    args.add_argument('--family', default='BM Sans TT')
    args.add_argument('out')
    a = args.parse_args()
    font = face_of(a.source, a.face)
    to_truetype(font, a.family)
    font.save(a.out)
    print(f'{a.out}: {a.face} with TrueType outlines, family {a.family!r}')


if __name__ == '__main__':
    main()
