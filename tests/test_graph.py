"""graph: every question as a node, conditions as labelled edges; check: what can never be asked."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from test_cli import invoke

from koprade_wizard.cli.wiring import load_pack
from koprade_wizard.i18n.messages import t
from koprade_wizard.pack import branches, conditions
from koprade_wizard.pack.display import text
from koprade_wizard.pack.graph import dot, edges, mermaid

ROOT = Path(__file__).resolve().parent.parent
TREE = load_pack(ROOT / "steps")


@pytest.mark.parametrize("draw", [mermaid, dot], ids=["mermaid", "dot"])
def test_every_question_is_named_with_its_label(draw: Callable[..., str]) -> None:
    chart = draw(TREE, "lv")
    for q in TREE.questions():
        assert f"{q.id}" in chart
        label = text(q.label, "lv").replace('"', "#quot;" if draw is mermaid else '\\"')
        assert label in chart, q.id
    for step in TREE.steps:
        assert text(step.title, "lv") in chart


def test_each_condition_is_an_edge_from_every_question_it_reads() -> None:
    found = edges(TREE)
    order = [q.id for q in TREE.questions()]
    labelled = {(e.source, e.target) for e in found if e.label}
    for q in TREE.questions():
        if q.when:
            for name in conditions.names(q.when) & set(order[:order.index(q.id)]):
                assert (name, q.id) in labelled, (name, q.id)
    plain = [(e.source, e.target) for e in found if not e.label]
    assert plain == list(pairwise(order))
    assert "stage = open" in {e.label for e in found if e.target == "current_members"}


def test_the_command_prints_mermaid_or_dot(capsys: pytest.CaptureFixture[str]) -> None:
    assert invoke(["graph", "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("flowchart TD\n")
    assert invoke(["graph", "--format", "dot", "--steps", str(ROOT / "tests/packs/mini")]) == 0
    out = capsys.readouterr().out
    assert out.startswith('digraph "mini"') and out.rstrip().endswith("}")


def test_the_bundled_pack_has_no_question_that_can_never_be_asked() -> None:
    assert branches.unreachable(TREE) == []


def test_a_condition_no_answers_can_meet_is_reported(
        make_pack: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    pack = make_pack(
        ("place.yaml", "when: has_premises", "when: has_premises and not has_premises"),
        ("about.yaml", "when: founder == 'association'",
         "when: founder == 'association' and founder != 'association'"),
    )
    tree = load_pack(pack, use_cache=False)
    assert branches.unreachable(tree) == ["members", "area"]
    assert invoke(["check", "--steps", str(pack), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert t("check_unreachable", "en", id="area",
             when="has_premises and not has_premises") in out


def test_a_number_compared_with_a_constant_is_reachable(make_pack: Callable[..., Path]) -> None:
    pack = make_pack(("place.yaml", "when: has_premises", "when: (members or 0) > 12"))
    assert branches.unreachable(load_pack(pack, use_cache=False)) == []


def test_choices_no_condition_reads_are_listed() -> None:
    unread = set(branches.unread_choices(TREE))
    assert ("founder_type", "informal-group") in unread
    assert ("stage", "open") not in unread  # current_members asks only for an open space
    assert ("funding_routes", "leader") not in unread  # read as 'leader' in (funding_routes or [])
    assert ("founder_type", "informal-group") not in branches.unread_choices(
        TREE, {"founder_type": ["informal-group"]})
