"""A minimal PDF writer for the demo documents, so downloads and file sizes work without a
PDF library: one A4 page of Helvetica text, encoded as Windows-1252 (WinAnsiEncoding)."""

import textwrap


def _string(text: str) -> bytes:
    """A PDF literal string: one line of text, backslash and parentheses escaped."""
    raw = " ".join(text.split()).encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid single-page PDF 1.4: ``title`` in large type, then ``lines``, wrapped to fit."""
    ops = [b"BT", b"/F1 16 Tf", b"20 TL", b"72 770 Td"]
    for part in textwrap.wrap(title, 55):
        ops.append(_string(part) + b" Tj T*")
    ops += [b"/F1 11 Tf", b"15 TL", b"T*"]
    for line in lines:
        for part in textwrap.wrap(line, 85) or [""]:
            ops.append(_string(part) + b" Tj T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Title <FEFF%s> /Producer (City Forum demo) >>"
        % title.encode("utf-16-be").hex().encode(),
    ]
    pdf = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\n" % (len(objects) + 1)
    pdf += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(pdf)
