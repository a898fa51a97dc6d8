// A scanned image (JPEG, PNG) as a one-page PDF, for pdftoppm to render at another resolution.

/**
 * A PDF of one page that is only this JPEG, the page as big as the image at
 * `dpi` (so that pdftoppm can render it at another resolution); null when the
 * bytes are no JPEG this can read (no baseline or progressive frame).
 */
export function jpegPdf(jpeg: Buffer, dpi: number): Buffer | null {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return null;
  // the image's pixel size and colour components, from its frame header (SOF0 or SOF2)
  let at = 2;
  while (at + 9 < jpeg.length && jpeg[at] === 0xff && ![0xc0, 0xc2].includes(jpeg[at + 1])) at += 2 + jpeg.readUInt16BE(at + 2);
  if (at + 9 >= jpeg.length || jpeg[at] !== 0xff) return null;
  const [h, w, components] = [jpeg.readUInt16BE(at + 5), jpeg.readUInt16BE(at + 7), jpeg[at + 9]];
  const space = components === 1 ? 'DeviceGray' : components === 3 ? 'DeviceRGB' : components === 4 ? 'DeviceCMYK' : null;
  if (!space) return null;
  return onePagePdf(w, h, dpi, `/ColorSpace /${space} /BitsPerComponent 8 /Filter /DCTDecode`, jpeg);
}

/**
 * The same for a PNG, its compressed rows passed through as they are (PDF's
 * Flate filter takes PNG's row predictors): 8-bit grey, RGB or palette, not
 * interlaced, no alpha channel; null for any other.
 */
export function pngPdf(png: Buffer, dpi: number): Buffer | null {
  if (png.length < 33 || png.readUInt32BE(0) !== 0x89504e47) return null;
  const [w, h, depth, type, interlace] = [png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25], png[28]];
  if (depth !== 8 || interlace !== 0 || ![0, 2, 3].includes(type)) return null;
  const data: Buffer[] = [];
  let palette: Buffer | null = null;
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const kind = png.toString('latin1', at + 4, at + 8);
    const chunk = png.subarray(at + 8, at + 8 + length);
    if (kind === 'IDAT') data.push(chunk);
    if (kind === 'PLTE') palette = chunk;
    at += 12 + length;
  }
  const idat = Buffer.concat(data);
  // (its rows are not inflated here: tesseract has read the image already, and a stream pdftoppm cannot render
  // leaves the page as first read)
  if (!idat.length) return null;
  const colors = type === 2 ? 3 : 1;
  const space = type === 0 ? '/DeviceGray' : type === 2 ? '/DeviceRGB' : palette ? `[/Indexed /DeviceRGB ${palette.length / 3 - 1} <${palette.toString('hex')}>]` : null;
  if (!space) return null;
  return onePagePdf(w, h, dpi, `/ColorSpace ${space} /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent 8 /Columns ${w} >>`, idat);
}

/** A one-page PDF showing one image stream (`w` × `h` pixels, its dictionary entries `entries`), the page as big as the image at `dpi`. */
function onePagePdf(w: number, h: number, dpi: number, entries: string, stream: Buffer): Buffer {
  const [width, height] = [(w * 72) / dpi, (h * 72) / dpi];
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`;
  const objects: Array<Array<string | Buffer>> = [
    ['<< /Type /Catalog /Pages 2 0 R >>'],
    ['<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
    [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`],
    [`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} ${entries} /Length ${stream.length} >>\nstream\n`, stream, '\nendstream'],
    [`<< /Length ${content.length} >>\nstream\n${content}\nendstream`],
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let size = parts[0].length;
  objects.forEach((o, i) => {
    offsets.push(size);
    const body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), ...o.map((x) => (typeof x === 'string' ? Buffer.from(x, 'latin1') : x)), Buffer.from('\nendobj\n')]);
    parts.push(body);
    size += body.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${size}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
