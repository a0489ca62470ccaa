"""Reading a PDF back: its fonts, images and attachments (shared by the PDF tests)."""

from __future__ import annotations

import contextlib
import fcntl
import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def _objects(value: object) -> Iterator[DictionaryObject]:
    value = getattr(value, "get_object", lambda: value)()
    if isinstance(value, DictionaryObject):
        yield value


def _resources(resources: object) -> Iterator[DictionaryObject]:
    """Every resource dictionary reachable from a page, including nested forms."""
    for res in _objects(resources):
        yield res
        for xobject in _objects(res.get("/XObject")):
            for item in xobject.values():
                for form in _objects(item):
                    yield from _resources(form.get("/Resources"))


def fonts(reader: PdfReader) -> list[DictionaryObject]:
    found = []
    for page in reader.pages:
        for res in _resources(page.get("/Resources")):
            for fonts_dict in _objects(res.get("/Font")):
                found.extend(font.get_object() for font in fonts_dict.values())
    return found


def image_xobjects(reader: PdfReader) -> list[DictionaryObject]:
    images = []
    for page in reader.pages:
        for res in _resources(page.get("/Resources")):
            for xobjects in _objects(res.get("/XObject")):
                images.extend(
                    x.get_object()
                    for x in xobjects.values()
                    if x.get_object().get("/Subtype") == "/Image"
                )
    return images


def descriptor(font: DictionaryObject) -> DictionaryObject:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def embedded(font: DictionaryObject) -> bool:
    d = descriptor(font)
    return "/FontFile2" in d or "/FontFile3" in d


def has_embedded_files(reader: PdfReader) -> bool:
    names = reader.trailer["/Root"].get("/Names")
    return names is not None and "/EmbeddedFiles" in names.get_object()


def has_link_to(reader: PdfReader, prefix: str) -> bool:
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None and str(uri).startswith(prefix):
                return True
    return False


class RenderedExamples:
    """Each example plan rendered at most once per test run, in every format, in its own
    language and on request in the other, with each PDF's text read back once:
    rendering a plan's PDF and extracting its text (pypdf parses every content stream
    in Python, seconds per plan) are the slowest steps of the suite, and several tests
    read the same plan.

    ``out`` may be shared by the run's worker processes: a lock per plan makes a worker
    that needs a plan another is rendering wait for it instead of rendering it again,
    and the page texts are kept beside the PDF for every worker."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._texts: dict[Path, list[str]] = {}
        self._readers: dict[Path, PdfReader] = {}

    @contextlib.contextmanager
    def _locked(self, base: Path) -> Iterator[None]:
        # One lock per plan, not per example: the two languages of one example may be
        # made by two processes at once. Not re-entrant: hold it around one step only.
        with base.with_name(f"{base.name}.lock").open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _rendered(self, example: Path, out: Path, *more: str) -> Path:
        from koprade_wizard.cli import run

        base = out / f"{example.stem}-plan"
        if not base.with_suffix(".pdf").exists():
            with self._locked(base):
                if not base.with_suffix(".pdf").exists():  # all formats are written at once
                    assert run(["render", str(example), "--out", str(out), *more]) == 0
        return base

    def base(self, example: Path) -> Path:
        return self._rendered(example, self.out)

    def in_language(self, example: Path, lang: str) -> Path:
        """The example's plan in ``lang``: :meth:`base` in its own language, else
        rendered once with ``--lang`` into a folder of that language."""
        if own_language(example) == lang:
            return self.base(example)
        out = self.out / lang
        out.mkdir(exist_ok=True)
        return self._rendered(example, out, "--lang", lang)

    def reader(self, example: Path, lang: str | None = None) -> PdfReader:
        """One reader per plan and process, shared by the tests that read the plan: a
        tagged PDF keeps its thousands of objects in one compressed stream, which pypdf
        parses in Python (about a second) the first time a reader touches any of them."""
        pdf = self._plan(example, lang).with_suffix(".pdf")
        if pdf not in self._readers:
            self._readers[pdf] = PdfReader(pdf)
        return self._readers[pdf]

    def _plan(self, example: Path, lang: str | None) -> Path:
        return self.base(example) if lang is None else self.in_language(example, lang)

    def page_texts(self, example: Path, lang: str | None = None) -> list[str]:
        """The text of each page of the example's PDF (in its own language, or in
        ``lang``) as pypdf extracts it."""
        base = self._plan(example, lang)  # outside the lock below: it takes the same one
        if base not in self._texts:
            kept = base.with_name(f"{base.name}-pages.json")
            with self._locked(base):
                if not kept.exists():
                    texts = page_texts(base.with_suffix(".pdf"),
                                       pages=len(self.reader(example, lang).pages))
                    kept.write_text(json.dumps(texts), encoding="utf-8")
            self._texts[base] = json.loads(kept.read_text(encoding="utf-8"))
        return self._texts[base]


def page_texts(pdf: Path, pages: int | None = None) -> list[str]:
    """The text of each page, as poppler's ``pdftotext`` reads it (what most PDF viewers
    on Linux use), else as pypdf does: pypdf parses every content stream in Python, some
    twenty times slower (seconds for one plan), and poppler is on the machines the
    Makefile sets up. ``pages``, the PDF's page count if the caller has it, saves
    parsing the file again to check that poppler found every page."""
    if shutil.which("pdftotext") is None:
        return [page.extract_text() for page in PdfReader(pdf).pages]
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                         capture_output=True, timeout=120).stdout.decode("utf-8")
    texts = out.split("\f")  # a form feed ends each page
    if texts and not texts[-1].strip():
        texts.pop()
    assert len(texts) == (len(PdfReader(pdf).pages) if pages is None else pages), pdf
    return texts


def own_language(example: Path) -> str:
    """The language an example's interview was held in (its plan's by default)."""
    import yaml

    language: str = yaml.safe_load(example.read_text(encoding="utf-8"))["language"]
    return language


def plan_group(example: Path, lang: str | None = None) -> pytest.MarkDecorator:
    """The ``--dist loadgroup`` group of the tests that read one example plan (in its own
    language unless ``lang`` says another): each plan's tests run in the process that
    renders it, and the fourteen plans spread over the processes."""
    return pytest.mark.xdist_group(f"plan-{example.stem}-{lang or own_language(example)}")
