"""Builders for hostile and damaged input files (bombs, billion laughs, mutations).

Everything is built inside the test's own folder; nothing is downloaded or stored.
"""

from __future__ import annotations

import random
import zipfile
import zlib
from pathlib import Path

_CT_XLSX = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="{target}"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
    '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
_SHEET_HEAD = (
    b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    b'2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'
    + "姓名".encode()
    + b"</t></is></c></row>"
)
MB = 1024 * 1024


def _repeat(writer, unit: bytes, total: int) -> None:
    block = unit * (MB // len(unit))
    for _ in range(total // len(block)):
        writer.write(block)


def xlsx_row_bomb(path: Path, unpacked: int = 390 * MB) -> Path:
    """A workbook whose one sheet is ``unpacked`` bytes of blank ``<row/>`` elements
    (390 MB -> a file of about 600 KB)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CT_XLSX)
        z.writestr("_rels/.rels", _RELS.format(target="xl/workbook.xml"))
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as w:
            w.write(_SHEET_HEAD)
            _repeat(w, b"<row/>", unpacked)
            w.write(b"</sheetData></worksheet>")
    return path


def lie_about_sizes(path: Path, factor: int = 1000) -> Path:
    """Rewrite the central directory so every part claims ``factor`` times less unpacked
    size than it has (a directory that lies must not get past the checks)."""
    data = bytearray(path.read_bytes())
    index = data.find(b"PK\x01\x02")
    while index != -1:
        size = int.from_bytes(data[index + 24 : index + 28], "little")
        if size != 0xFFFFFFFF:
            data[index + 24 : index + 28] = max(size // factor, 1).to_bytes(4, "little")
        index = data.find(b"PK\x01\x02", index + 4)
    path.write_bytes(bytes(data))
    return path


_CT_DOCX = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_document(path: Path, document: bytes | None = None, *, bomb: int = 0) -> Path:
    """A .docx whose word/document.xml is ``document`` (or ``bomb`` bytes of paragraphs)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CT_DOCX)
        z.writestr("_rels/.rels", _RELS.format(target="word/document.xml"))
        with z.open("word/document.xml", "w", force_zip64=True) as w:
            if document is not None:
                w.write(document)
            else:
                w.write(f'<?xml version="1.0"?><w:document {_W}><w:body>'.encode())
                w.write("<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>".encode())
                _repeat(w, b"<w:p/>", bomb)
                w.write(b"</w:body></w:document>")
    return path


def docx_bomb(path: Path, unpacked: int = 400 * MB) -> Path:
    """About 650 KB on disk, ``unpacked`` bytes of empty paragraphs inside."""
    return docx_with_document(path, bomb=unpacked)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'.encode()
        for i in range(1, 10)
    )
    + f"]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
    "</w:document>".encode()
)
MALFORMED_DOCUMENT = f"<w:document {_W}><w:body><w:p><w:r><w:t>一、".encode()


def pdf_stream_bomb(path: Path, unpacked: int = 200 * MB) -> Path:
    """A one-page PDF whose content stream inflates to ``unpacked`` bytes of spaces."""
    compressor = zlib.compressobj(9)
    chunks = [compressor.compress(b"BT /F1 12 Tf 72 720 Td (A) Tj ET\n")]
    block = b" " * MB
    for _ in range(unpacked // MB):
        chunks.append(compressor.compress(block))
    chunks.append(compressor.flush())
    stream = b"".join(chunks)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path


def mutations(data: bytes, seed: int, count: int) -> list[tuple[str, bytes]]:
    """``count`` damaged variants of ``data``: truncated, bit-flipped, bytes zeroed,
    a block duplicated or removed; reproducible from ``seed``."""
    rng = random.Random(seed)
    out: list[tuple[str, bytes]] = []
    size = len(data)
    for n in range(count):
        kind = n % 5
        if kind == 0:
            cut = rng.randrange(1, size)
            out.append((f"truncated-{cut}", data[:cut]))
        elif kind == 1:
            mutated = bytearray(data)
            for _ in range(rng.randrange(1, 20)):
                i = rng.randrange(size)
                mutated[i] ^= 1 << rng.randrange(8)
            out.append((f"bitflip-{n}", bytes(mutated)))
        elif kind == 2:
            i = rng.randrange(size)
            j = min(size, i + rng.randrange(1, 512))
            out.append((f"zeroed-{i}", data[:i] + b"\0" * (j - i) + data[j:]))
        elif kind == 3:
            i = rng.randrange(size)
            j = min(size, i + rng.randrange(1, 2048))
            out.append((f"duplicated-{i}", data[:j] + data[i:j] + data[j:]))
        else:
            i = rng.randrange(size)
            j = min(size, i + rng.randrange(1, 2048))
            out.append((f"removed-{i}", data[:i] + data[j:]))
    return out


def zip_member_mutations(path: Path, out_dir: Path, seed: int) -> list[Path]:
    """Structurally odd variants of an OOXML file: each XML part in turn replaced by
    truncated XML, binary noise, an empty part, a DTD, or removed altogether."""
    rng = random.Random(seed)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    results = []
    variants = [
        ("truncated", lambda b: b[: max(1, len(b) // 2)]),
        ("noise", lambda b: bytes(rng.randrange(256) for _ in range(64))),
        ("empty", lambda b: b""),
        ("dtd", lambda b: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'),
        ("removed", None),
    ]
    for index, name in enumerate(sorted(parts)):
        label, change = variants[index % len(variants)]
        target = out_dir / f"{path.stem}-{label}-{index}{path.suffix}"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
            for part, data in parts.items():
                if part != name:
                    z.writestr(part, data)
                elif change is not None:
                    z.writestr(part, change(data))
        results.append(target)
    return results


def pdf_many_pages(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` empty pages (a page-count bomb when large)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages)).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages)
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    path.write_bytes(bytes(out))
    return path
