"""What the plan reads from the answers, declared once: the question ids, their kinds,
the choice values the plan's code and templates compare with, and the parts of the plan
that depend on each.

A trainer's own pack may differ from the bundled one. The plan then leaves out or
estimates what it cannot read, and names no question it does not find; but a renamed
choice would silently change a budget or a verdict. ``check`` therefore compares a pack
with these declarations and says which parts of the plan will be empty or wrong
(:func:`compare`). A test (tests/test_contract.py) scans the plan's code and templates
so that a read not declared here fails the suite.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, cast, get_args

from koprade_wizard.common.record import record
from koprade_wizard.guidance.municipalities import BY_SLUG, FORMER_SLUGS
from koprade_wizard.pack.tree import DecisionTree

# Parts of the plan, by the section that shows them (templates/sections/NN-<part>.md.j2);
# "cover" includes the PDF's title and metadata.
Part = Literal["cover", "summary", "profile", "demand", "premises", "resources", "funding",
               "budget", "timeline", "checklist", "community", "risks"]

PARTS: tuple[Part, ...] = get_args(Part)
NUMBER = ("integer", "decimal")  # the plan reads either as a number
TEXT = ("text", "long_text")  # either as a string


@record
class PlanRead:
    """One question the plan reads.

    ``choices``: the values the plan compares the answer with; each one gone from the
    pack makes the text or figure for it never apply. ``known``: where the plan maps
    every value (a table of costs, the municipalities), the values it understands; a
    choice outside them is read as if unanswered.
    """

    qid: str
    kinds: tuple[str, ...]
    parts: tuple[Part, ...]
    choices: tuple[str, ...] = ()
    known: frozenset[str] | None = None


def _read(qid: str, kind: str | tuple[str, ...], parts: str, choices: str = "",
          known: Iterable[str] | None = None, every: bool = False) -> PlanRead:
    """A compact way to write a declaration: ``parts`` and ``choices`` space-separated;
    ``every``: the plan maps each of ``choices`` and no other value."""
    values = tuple(choices.split())
    understood = frozenset(values) if every else (frozenset(known) if known else None)
    return PlanRead(qid, (kind,) if isinstance(kind, str) else kind,
                    cast(tuple[Part, ...], tuple(parts.split())), values, understood)


_FOUNDERS = "person informal-group association foundation company cooperative municipality"
_FORMS = "association foundation company cooperative municipal-body undecided"
_ROUTES = "leader council altum liaa active-citizens interreg crowdfunding coop-shares"

READS: tuple[PlanRead, ...] = (
    # profile
    _read("initiative_name", TEXT, "cover profile"),
    _read("founder_type", "choice", "summary profile funding", _FOUNDERS, every=True),
    _read("municipality", "choice", "cover profile funding",
          known=[*BY_SLUG, *FORMER_SLUGS]),
    _read("settlement", TEXT, "cover summary profile"),
    _read("stage", "choice", "summary demand budget funding timeline",
          "idea group premises open", every=True),
    _read("current_members", NUMBER, "demand budget"),
    _read("target_opening", "date", "summary timeline"),
    _read("purpose", "choice", "profile", "private public-policy community"),
    _read("core_team_size", NUMBER, "profile risks"),
    _read("contact_name", TEXT, "cover profile"),
    _read("contact_email", TEXT, "cover"),
    # demand
    _read("target_groups", "multi_choice", "profile demand"),
    _read("survey_done", "yes_no", "demand risks"),
    _read("survey_respondents", NUMBER, "demand risks"),
    _read("survey_interested", NUMBER, "demand"),
    _read("interested_people", NUMBER, "demand"),
    _read("survey_channels", "multi_choice", "demand"),
    _read("founding_members", NUMBER, "demand risks"),
    _read("letters_of_intent", NUMBER, "demand risks"),
    _read("pre_bookings", NUMBER, "demand timeline"),
    _read("days_per_week", NUMBER, "demand premises budget"),
    _read("accepted_monthly_price", NUMBER, "demand budget"),
    _read("employers_pay", "choice", "demand", "unknown"),
    # premises
    _read("premises_found", "yes_no", "summary premises budget risks"),
    _read("premises_search", "multi_choice", "premises"),
    _read("empty_building_known", "yes_no", "premises"),
    _read("temporary_home", "choice", "premises", "none-yet"),
    _read("desired_desks", NUMBER, "budget"),
    _read("building_type", "choice", "premises"),
    _read("area_m2", NUMBER, "premises budget"),
    _read("tenure", "choice", "premises budget", "owned leased council-offered", every=True),
    _read("monthly_rent", NUMBER, "premises budget"),
    _read("condition", "choice", "premises budget timeline risks", "ready cosmetic major",
          every=True),
    _read("space_type", "choice", "summary premises budget", "office-and-workshop"),
    _read("workshop_kinds", "multi_choice", "summary premises budget risks",
          "3d-printing laser-vinyl woodwork sewing electronics"),
    _read("workshop_separate_room", "yes_no", "premises budget"),
    _read("layout", "choice", "summary premises budget", "separate-rooms mixed"),
    # resources
    _read("internet_down", NUMBER, "resources budget risks"),
    _read("internet_up", NUMBER, "resources budget risks"),
    _read("fixed_line_nearby", "choice", "resources"),
    _read("equipment", "multi_choice", "resources budget",
          "printer kitchen meeting-room quiet-zone"),
    _read("furniture", "choice", "resources budget", "new second-hand donated have",
          every=True),
    _read("host_hours", NUMBER, "resources budget risks"),
    _read("host_paid", "choice", "resources budget risks", "volunteer volunteer-first"),
    _read("partners", "multi_choice", "resources"),
    # funding
    _read("legal_form", "choice", "profile funding", _FORMS, every=True),
    _read("legal_registered", "yes_no", "profile funding"),
    _read("company_age_years", NUMBER, "funding"),
    _read("own_money", NUMBER, "funding budget"),
    _read("setup_budget", NUMBER, "budget"),
    _read("monthly_costs", NUMBER, "budget"),
    _read("funding_routes", "multi_choice", "funding", _ROUTES, every=True),
    _read("price_hot_desk", NUMBER, "budget"),
    _read("price_day_pass", NUMBER, "budget"),
    _read("price_dedicated_desk", NUMBER, "budget"),
    _read("price_private_office", NUMBER, "budget"),
    # community
    _read("learning", "multi_choice", "community", "visits-abroad manager-training schools"),
    _read("visit_spaces", "multi_choice", "community"),
    _read("first_open_day", "date", "community"),
    _read("council_arguments", "multi_choice", "community", "commutes"),
    _read("join_network", "yes_no", "community"),
    _read("notes", TEXT, "profile"),
)

BY_ID: dict[str, PlanRead] = {r.qid: r for r in READS}


@record
class Finding:
    """One way a pack differs from what the plan reads.

    ``what``: ``missing`` (no such question: the parts leave it out or estimate it),
    ``kind`` (``value`` is the pack's kind), ``gone`` (the choice ``value`` is not in the
    pack) or ``unknown`` (the pack's choice ``value`` means nothing to the plan).
    """

    read: PlanRead
    what: Literal["missing", "kind", "gone", "unknown"]
    value: str = ""

    @property
    def wrong(self) -> bool:
        """A plan part reads something other than was meant (not merely less)."""
        return self.what != "missing"


def compare(tree: DecisionTree) -> list[Finding]:
    """How ``tree`` differs from what the plan reads, in the order of the declarations.

    Questions missing are not listed for a pack of its own (see :func:`own_pack`), whose
    plan is its action rules and answers by design.
    """
    own = own_pack(tree)
    found: list[Finding] = []
    for read in READS:
        q = tree.find(read.qid)
        if q is None:
            if not own:
                found.append(Finding(read, "missing"))
            continue
        if q.kind not in read.kinds:
            found.append(Finding(read, "kind", q.kind))
            continue
        values = q.choice_values
        found += [Finding(read, "gone", v) for v in read.choices if v not in values]
        if read.known is not None:
            found += [Finding(read, "unknown", v) for v in values if v not in read.known]
    return found


def own_pack(tree: DecisionTree) -> bool:
    """A pack with fewer than half of the questions the plan reads is not an adaptation
    of the bundled one but a pack of its own."""
    return 2 * sum(tree.find(r.qid) is not None for r in READS) < len(READS)
