"""Reading a PDF back: its fonts, images and attachments (shared by the PDF tests)."""

from __future__ import annotations

import contextlib
import fcntl
import json
from collections.abc import Iterator
from pathlib import Path

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
    """Each example plan rendered at most once per test run, in every format, with its
    PDF read back once: rendering a plan's PDF and extracting its text are the slowest
    steps of the suite, and several tests read the same plan.

    ``out`` may be shared by the run's worker processes: a lock per example makes a
    worker that needs a plan another is rendering wait for it instead of rendering
    it again, and the page texts are kept beside the PDF for every worker."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self._texts: dict[str, list[str]] = {}

    @contextlib.contextmanager
    def _locked(self, example: Path) -> Iterator[None]:
        with (self.out / f"{example.stem}.lock").open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def base(self, example: Path) -> Path:
        from koprade_wizard.cli import run

        base = self.out / f"{example.stem}-plan"
        if not base.with_suffix(".pdf").exists():
            with self._locked(example):
                if not base.with_suffix(".pdf").exists():  # all formats are written at once
                    assert run(["render", str(example), "--out", str(self.out)]) == 0
        return base

    def in_language(self, example: Path, lang: str) -> Path:
        """The example's plan in ``lang``: :meth:`base` in its own language, else
        rendered once with ``--lang`` into a folder of that language."""
        import yaml

        from koprade_wizard.cli import run

        if yaml.safe_load(example.read_text(encoding="utf-8")).get("language") == lang:
            return self.base(example)
        out = self.out / lang
        out.mkdir(exist_ok=True)
        base = out / f"{example.stem}-plan"
        if not base.with_suffix(".pdf").exists():
            with self._locked(example):
                if not base.with_suffix(".pdf").exists():
                    assert run(["render", str(example), "--out", str(out), "--lang", lang]) == 0
        return base

    def reader(self, example: Path) -> PdfReader:
        return PdfReader(self.base(example).with_suffix(".pdf"))

    def page_texts(self, example: Path) -> list[str]:
        if example.stem not in self._texts:
            kept = self.out / f"{example.stem}-pages.json"
            # The plan first, outside this lock: ``base`` takes the same lock, and a second
            # flock of one file in one process waits for itself.
            pdf = self.base(example).with_suffix(".pdf")
            with self._locked(example):
                if not kept.exists():
                    texts = [p.extract_text() for p in PdfReader(pdf).pages]
                    kept.write_text(json.dumps(texts), encoding="utf-8")
                self._texts[example.stem] = json.loads(kept.read_text(encoding="utf-8"))
        return self._texts[example.stem]
