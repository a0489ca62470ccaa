"""The gettext catalogues: plural rules, languages found by folder, fresh compiles, fallbacks."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from koprade_wizard.common.errors import Location, Problem, msg
from koprade_wizard.i18n import catalog
from koprade_wizard.i18n.messages import LANGS, problem_text, t, tn, word


@pytest.mark.parametrize(
    ("n", "text"),
    [(1, "1 jautājums"), (21, "21 jautājums"), (2, "2 jautājumi"), (11, "11 jautājumi"),
     (10, "10 jautājumi"), (0, "0 jautājumi"), (101, "101 jautājums"), (111, "111 jautājumi")],
)
def test_latvian_counts_follow_its_plural_rules(n: int, text: str) -> None:
    assert tn("count_questions", n, "lv") == text


@pytest.mark.parametrize(("n", "text"), [(1, "1 question"), (0, "0 questions"),
                                         (2, "2 questions"), (21, "21 questions")])
def test_english_counts_follow_its_plural_rules(n: int, text: str) -> None:
    assert tn("count_questions", n, "en") == text


def test_the_languages_are_the_catalogues_present() -> None:
    assert set(LANGS) == {"lv", "en"}
    assert LANGS[0] == "lv"  # the default first


def _copy_locale(tmp_path: Path) -> Path:
    root = tmp_path / "locale"
    shutil.copytree(catalog.LOCALE_DIR, root, ignore=shutil.ignore_patterns("*.mo"))
    return root


def _edit(po: Path, key: str, text: str) -> None:
    lines = po.read_text(encoding="utf-8").splitlines()
    at = lines.index(f'msgid "{key}"')
    lines[at + 1] = f'msgstr "{text}"'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_missing_mo_is_compiled_from_the_po_and_kept(tmp_path: Path) -> None:
    root = _copy_locale(tmp_path)
    mo = catalog.po_path("en", root).with_suffix(".mo")

    assert catalog.translations("en", root).gettext("yes") == t("yes", "en")
    assert mo.is_file()


def test_an_edited_po_shows_at_once(tmp_path: Path) -> None:
    root = _copy_locale(tmp_path)
    po = catalog.po_path("en", root)
    mo = po.with_suffix(".mo")
    mo.write_bytes(catalog.compile_po(po))
    _edit(po, "yes", "Yes indeed")
    hour_ago = mo.stat().st_mtime_ns - 3600 * 10**9
    os.utime(mo, ns=(hour_ago, hour_ago))
    later = hour_ago + 10**9
    os.utime(po, ns=(later, later))

    assert catalog.translations("en", root).gettext("yes") == "Yes indeed"
    # ... and the compiled file beside it is brought up to date for the next run
    assert mo.stat().st_mtime_ns > later


def test_a_language_is_a_folder_and_borrows_what_it_lacks(tmp_path: Path) -> None:
    root = _copy_locale(tmp_path)
    pseudo = catalog.po_path("en_XA", root)
    pseudo.parent.mkdir(parents=True)
    english = catalog.po_path("en", root).read_text(encoding="utf-8")
    header, _, _ = english.partition('\nmsgid "')
    pseudo.write_text(header + '\nmsgid "yes"\nmsgstr "[Yes]"\n', encoding="utf-8")

    assert "en_XA" in catalog.languages(root)
    chain = catalog.translations("en_XA", root)
    assert chain.gettext("yes") == "[Yes]"
    assert chain.gettext("no") == t("no", "en")  # from its base language
    assert chain.ngettext("count_steps", "count_steps", 2).format(n=2) == tn("count_steps", 2, "en")


def test_a_fallback_catalogue_is_read_only_when_a_word_is_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _copy_locale(tmp_path)
    lv = catalog.po_path("lv", root)
    lines = lv.read_text(encoding="utf-8").splitlines()
    at = lines.index('msgid "yes"')
    del lines[at:at + 2]  # Latvian now lacks "yes"
    lv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    read: list[str] = []
    real = catalog._mo_bytes
    monkeypatch.setattr(catalog, "_mo_bytes",
                        lambda lang, where: read.append(lang) or real(lang, where))

    chain = catalog.translations("lv", root)
    assert chain.gettext("no") == t("no", "lv")
    assert read == ["lv"], "a word Latvian has reads no other catalogue"
    assert chain.gettext("yes") == t("yes", "en")  # borrowed from English, read now
    assert read == ["lv", "en"]
    with pytest.raises(KeyError):  # the end of the chain is still an error
        chain.gettext("no_such_message")


def test_an_unknown_key_is_an_error_not_its_own_text() -> None:
    with pytest.raises(KeyError):
        t("no_such_message", "en")


def test_a_message_is_worded_when_shown_with_its_parts_and_count() -> None:
    unknown = msg("answers_unknown_question", id="fonder", pack="mini",
                  hint=msg("did_you_mean", name="founder"))
    for lang in LANGS:
        assert word(unknown, lang) == t("answers_unknown_question", lang, id="fonder",
                                        pack="mini", hint=t("did_you_mean", lang,
                                                            name="founder"))
    assert word(msg("render_missing", count=1), "lv") == tn("render_missing", 1, "lv", count=1)
    assert word(msg("render_missing", count=2), "lv") != word(msg("render_missing", count=1),
                                                              "lv")
    # A step file's own text is shown in the language asked for, else its first one.
    label = {"lv": "Nosaukums", "en": "Name"}
    assert [word(label, lang) for lang in ("en", "lv", "de")] == ["Name", "Nosaukums",
                                                                  "Nosaukums"]
    problem = Problem(Location("a.yaml", 3), msg("missing_key", key="id"))
    assert problem_text(problem, "en") == "a.yaml:3: " + t("missing_key", "en", key="id")
