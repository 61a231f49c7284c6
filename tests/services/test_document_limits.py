"""Work-point documents: bombs, billion laughs and damaged files end in a Chinese message."""

from __future__ import annotations

import pytest

from guilin_union.core.errors import ValidationError
from guilin_union.services.document_limits import DocumentLimits, check_docx_content
from guilin_union.services.document_text import read_document_text
from tests.hostile_files import (
    BILLION_LAUGHS,
    MALFORMED_DOCUMENT,
    MB,
    docx_bomb,
    docx_with_document,
    pdf_stream_bomb,
)

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_an_ordinary_docx_still_reads(tmp_path):
    document = (
        f'<?xml version="1.0"?><w:document {_W}><w:body>'
        "<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>（一）加强学习</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    path = docx_with_document(tmp_path / "ok.docx", document)
    assert read_document_text(path) == "一、总体要求\n（一）加强学习"


def test_the_docx_bomb_is_refused_by_its_directory(tmp_path):
    path = docx_bomb(tmp_path / "bomb.docx", unpacked=400 * MB)
    assert path.stat().st_size < 700 * 1024
    with pytest.raises(ValidationError, match="解压后有400 MB，超过上限100 MB"):
        read_document_text(path)


def test_document_xml_size_and_elements_are_bounded_while_streaming(tmp_path):
    text = b"a" * (21 * MB)  # one long run: few elements, many bytes
    document = f"<w:document {_W}><w:body><w:p><w:r><w:t>".encode() + text
    path = docx_with_document(tmp_path / "b.docx", document)
    with pytest.raises(ValidationError, match="word/document.xml 解压后超过20 MB"):
        read_document_text(path)
    small = docx_bomb(tmp_path / "s.docx", unpacked=1 * MB)  # ~170,000 <w:p/>
    with pytest.raises(ValidationError, match="超过100000个 XML 元素"):
        check_docx_content(small, DocumentLimits(max_document_elements=100_000))


def test_billion_laughs_and_malformed_xml(tmp_path):
    laughs = docx_with_document(tmp_path / "laughs.docx", BILLION_LAUGHS)
    with pytest.raises(ValidationError, match="XML 实体声明"):
        read_document_text(laughs)
    broken = docx_with_document(tmp_path / "broken.docx", MALFORMED_DOCUMENT)
    with pytest.raises(ValidationError, match="无法读取该 Word 文件“broken.docx”"):
        read_document_text(broken)


def test_a_compressed_stream_pdf_bomb_is_refused(tmp_path):
    path = pdf_stream_bomb(tmp_path / "bomb.pdf", unpacked=100 * MB)
    assert path.stat().st_size < 300 * 1024
    with pytest.raises(ValidationError, match="压缩数据解压后超过上限"):
        read_document_text(path)


def test_truncated_pdf_and_huge_text_file(tmp_path):
    pdf = pdf_stream_bomb(tmp_path / "x.pdf", unpacked=1 * MB)
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(pdf.read_bytes()[:300])
    with pytest.raises(ValidationError):
        read_document_text(cut)
    text = tmp_path / "big.txt"
    text.write_bytes(b"a" * (11 * MB))
    with pytest.raises(ValidationError, match="超过上限10 MB"):
        read_document_text(text)


def test_standard_input_is_bounded():
    import io

    from guilin_union.services.document_limits import read_limited

    assert read_limited(io.BytesIO("一、总体要求".encode())) == "一、总体要求".encode()
    with pytest.raises(ValidationError, match="标准输入的内容超过10 MB"):
        read_limited(io.BytesIO(b"a" * (10 * MB + 1)))


def test_a_pdf_probe_runs_under_the_limits_and_never_raises(tmp_path):
    from pypdf import PdfReader, get_configuration

    from guilin_union.services.document_limits import LIMITS, pdf_probe

    seen = []

    @pdf_probe(default=True)
    def has_text(path):
        seen.append(get_configuration().zlib_maximum_output_length)
        return bool(PdfReader(str(path)).pages[0].extract_text())

    bomb = pdf_stream_bomb(tmp_path / "bomb.pdf", unpacked=30 * MB)
    assert has_text(bomb) is True  # the default: the reader proper reports the bomb
    assert seen == [LIMITS.max_pdf_stream_bytes]
    assert get_configuration().zlib_maximum_output_length != LIMITS.max_pdf_stream_bytes


def test_a_pdf_with_too_many_pages_is_refused(tmp_path):
    from tests.hostile_files import pdf_many_pages

    with pytest.raises(ValidationError, match="有400页，超过上限300页"):
        read_document_text(pdf_many_pages(tmp_path / "pages.pdf", 400))
    with pytest.raises(ValidationError) as info:  # 3 empty pages: no text, not a bomb
        read_document_text(pdf_many_pages(tmp_path / "few.pdf", 3))
    assert "上限" not in str(info.value)
