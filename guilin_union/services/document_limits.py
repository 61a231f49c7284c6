"""Limits by content for the documents the work-points importer reads (.docx, .pdf, .txt).

:func:`within_document_limits` decorates each reader of ``services.document_text``:

- before the reader runs, the file's content is checked: a .docx's zip directory and every
  XML part streamed with early stops (``document.xml``'s unpacked size and element count,
  DTDs and entity declarations refused: billion laughs); a .txt's size;
- a PDF is read under pypdf's resource limits lowered to what a work-points document needs
  (decoded bytes per stream, decoding work, page count), so a compressed-stream bomb stops
  at the first limit;
- whatever the parser raises on hostile content is turned into a :class:`ValidationError`
  with a Chinese message (the import boundary): never a traceback;
- the text returned is bounded in length.

>>> from pathlib import Path
>>> import tempfile
>>> @within_document_limits("txt")
... def read(path):
...     return Path(path).read_text()
>>> with tempfile.TemporaryDirectory() as folder:
...     path = Path(folder) / "a.txt"
...     _ = path.write_text("x" * (DocumentLimits().max_text_file_bytes + 1))
...     read(path)
Traceback (most recent call last):
guilin_union.core.errors.ValidationError: 文本文件“a.txt”大小为10 MB，超过上限10 MB。请确认选择的是工作要点文件
"""

from __future__ import annotations

import functools
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeVar

from guilin_union.core.errors import ValidationError
from guilin_union.spreadsheets.limits import (
    ELEMENT_RE,
    ArchiveLimits,
    PartScan,
    mb_text,
    part_too_big,
    scan_archive,
)

__all__ = [
    "DocumentLimits",
    "LIMITS",
    "check_docx_content",
    "pdf_probe",
    "read_limited",
    "within_document_limits",
]

Kind = Literal["txt", "docx", "pdf"]
T = TypeVar("T")


@dataclass(frozen=True)
class DocumentLimits:
    """A year's work points fill a few pages; every limit is far above that."""

    max_text_file_bytes: int = 10 * 1024 * 1024
    max_text_chars: int = 2_000_000  # text handed to the parser
    max_docx_parts: int = 1000
    max_docx_declared_total: int = 100 * 1024 * 1024
    max_docx_xml_total: int = 40 * 1024 * 1024
    max_document_xml_bytes: int = 20 * 1024 * 1024
    max_document_elements: int = 500_000
    max_other_xml_bytes: int = 10 * 1024 * 1024
    max_pdf_pages: int = 300
    max_pdf_stream_bytes: int = 20 * 1024 * 1024  # one decoded stream
    max_pdf_decoding_work: int = 60 * 1024 * 1024

    @property
    def docx_archive(self) -> ArchiveLimits:
        return ArchiveLimits(
            self.max_docx_parts, self.max_docx_declared_total, self.max_docx_xml_total
        )


LIMITS = DocumentLimits()
#: How every refusal of a file that is too big ends.
_NOT_WORKPOINTS = "不像工作要点文件，已拒绝读取"


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, "path")


def check_docx_content(path: Path, limits: DocumentLimits = LIMITS) -> None:
    """Refuse a .docx whose parts unpack beyond the limits (ValidationError, Chinese)."""
    name = path.name

    def fail(message: str) -> ValidationError:
        if message == "DTD":
            message = f"Word 文件“{name}”含有不允许的 XML 实体声明（DTD），可能是恶意构造的文件，已拒绝读取"
        return _refuse(message)

    def plan(info: zipfile.ZipInfo) -> PartScan | None:
        part = info.filename.lower()
        if not part.endswith((".xml", ".rels")):
            return None
        main = part == "word/document.xml"
        max_bytes = limits.max_document_xml_bytes if main else limits.max_other_xml_bytes
        return PartScan(max_bytes, {"elements": (ELEMENT_RE, limits.max_document_elements)})

    def too_many(part: str, _what: str, limit: int) -> str:
        return f"Word 文件“{name}”中的 {part} 有超过{limit}个 XML 元素，超过上限，{_NOT_WORKPOINTS}"

    try:
        scan_archive(
            path,
            limits.docx_archive,
            plan,
            fail=fail,
            too_big=part_too_big(
                f"Word 文件“{name}”中的", limits.max_docx_xml_total, f"，{_NOT_WORKPOINTS}"
            ),
            too_many=too_many,
            advice=f"{_NOT_WORKPOINTS}。",
        )
    except ValidationError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError, zlib.error):
        raise _refuse(
            f"无法读取该 Word 文件“{name}”（已损坏、不完整，或是旧版 .doc 格式），请另存为 .docx 后再试"
        ) from None
    except (RuntimeError, NotImplementedError):  # encrypted part, unknown compression
        raise _refuse(
            f"Word 文件“{name}”使用了不支持的压缩或加密方式，请在 Word/WPS 中另存为 .docx 后再试"
        ) from None


def _check_txt(path: Path, limits: DocumentLimits) -> None:
    size = path.stat().st_size
    if size > limits.max_text_file_bytes:
        raise _refuse(
            f"文本文件“{path.name}”大小为{mb_text(size)} MB，超过上限{mb_text(limits.max_text_file_bytes)} MB。"
            "请确认选择的是工作要点文件"
        )


@contextmanager
def _pdf_limits(limits: DocumentLimits) -> Iterator[None]:
    """pypdf's resource limits lowered for the duration of one read (a context variable:
    other threads and later reads keep their own)."""
    from pypdf import apply_configuration

    stream = limits.max_pdf_stream_bytes
    with apply_configuration(
        maximum_declared_stream_length=stream,
        array_based_stream_maximum_output_length=stream,
        zlib_maximum_output_length=stream,
        lzw_maximum_output_length=stream,
        run_length_maximum_output_length=stream,
        jbig2_maximum_output_length=stream,
        brotli_maximum_output_length=stream,
        image_maximum_buffer_size=stream,
        stream_decoding_work_maximum_length=limits.max_pdf_decoding_work,
        page_tree_maximum_entries=limits.max_pdf_pages * 4,
    ):
        yield


def _check_pdf_pages(path: Path, limits: DocumentLimits) -> None:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        return  # the reader itself says so, in its own words
    pages = len(reader.pages)
    if pages > limits.max_pdf_pages:
        raise _refuse(
            f"PDF 文件“{path.name}”有{pages}页，超过上限{limits.max_pdf_pages}页，{_NOT_WORKPOINTS}"
        )


def _pdf_refusal(path: Path, exc: BaseException) -> ValidationError:
    from pypdf.errors import LimitReachedError

    if isinstance(exc, LimitReachedError) and not any(
        word in str(exc).lower() for word in ("decompress", "stream", "output", "decod")
    ):
        return _refuse(
            f"PDF 文件“{path.name}”的结构超过上限（页数、对象数或嵌套层数），"
            "可能是恶意构造的文件，已拒绝读取"
        )
    if isinstance(exc, LimitReachedError) or isinstance(exc, MemoryError):
        return _refuse(
            f"PDF 文件“{path.name}”中的压缩数据解压后超过上限"
            f"（单个数据流{mb_text(LIMITS.max_pdf_stream_bytes)} MB），可能是恶意构造的文件，已拒绝读取"
        )
    return _refuse(
        f"无法读取该 PDF 文件“{path.name}”（已损坏或格式不受支持：{type(exc).__name__}）"
    )


def read_limited(stream: object, name: str = "标准输入") -> bytes:
    """Read text bytes from a stream (standard input), refusing more than the text limit
    without reading all of it into memory."""
    limit = LIMITS.max_text_file_bytes
    data = stream.read(limit + 1)  # type: ignore[attr-defined]
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > limit:
        raise _refuse(f"{name}的内容超过{mb_text(limit)} MB 的上限，请确认输入的是工作要点文件")
    return data


def pdf_probe(default: bool) -> Callable[[Callable[..., bool]], Callable[..., bool]]:
    """Decorate a quick look into a PDF ``f(path) -> bool`` (e.g. "has it a text layer?"):
    it runs under the same pypdf limits as the reader, and any failure returns ``default``
    so that the reader proper reports it in Chinese."""

    def decorate(probe: Callable[..., bool]) -> Callable[..., bool]:
        @functools.wraps(probe)
        def guarded(path: str | Path, *args: object, **kwargs: object) -> bool:
            try:
                with _pdf_limits(LIMITS):
                    return probe(path, *args, **kwargs)
            except ValidationError:
                raise
            except Exception:  # noqa: BLE001 — hostile content: the reader reports it
                return default

        return guarded

    return decorate


def within_document_limits(kind: Kind) -> Callable[[Callable[..., str]], Callable[..., str]]:
    """Decorate a reader ``f(path) -> str`` of one document kind with the checks above."""

    def decorate(reader: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(reader)
        def guarded(path: str | Path, *args: object, **kwargs: object) -> str:
            source = Path(path)
            if not source.is_file():
                return reader(path, *args, **kwargs)  # its own "not found" message
            try:
                if kind == "txt":
                    _check_txt(source, LIMITS)
                    text = reader(path, *args, **kwargs)
                elif kind == "docx":
                    check_docx_content(source, LIMITS)
                    text = reader(path, *args, **kwargs)
                else:
                    with _pdf_limits(LIMITS):
                        _check_pdf_pages(source, LIMITS)
                        text = reader(path, *args, **kwargs)
            except ValidationError:
                raise
            except MemoryError:
                raise _refuse(
                    f"文件“{source.name}”的内容超出可处理的范围（内存不足），已拒绝读取"
                ) from None
            except RecursionError:
                raise _refuse(
                    f"文件“{source.name}”的结构嵌套过深，可能是恶意构造的文件，已拒绝读取"
                ) from None
            except Exception as exc:  # noqa: BLE001 — import boundary: the parsers (lxml, python-docx, pypdf) raise many kinds on hostile content; the user gets a Chinese message, never a traceback
                if kind == "pdf":
                    raise _pdf_refusal(source, exc) from None
                if kind == "docx":
                    raise _refuse(
                        f"无法读取该 Word 文件“{source.name}”（内容已损坏或格式不受支持："
                        f"{type(exc).__name__}），请在 Word/WPS 中打开并另存为 .docx 后再试"
                    ) from None
                raise _refuse(f"无法读取文件“{source.name}”（{type(exc).__name__}）") from None
            if len(text) > LIMITS.max_text_chars:
                raise _refuse(
                    f"文件“{source.name}”的文字超过{LIMITS.max_text_chars}个字符的上限，"
                    + _NOT_WORKPOINTS
                )
            return text

        return guarded

    return decorate
