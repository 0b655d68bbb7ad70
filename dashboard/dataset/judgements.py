"""Did it work? The record's `aftermath` (what followed in the theatre) and `assessments` (who judged it, and how).

The aftermath states are a controlled vocabulary (data/vocabularies.yaml `aftermath`) resting on the Uppsala
Conflict Data Program's definition of armed conflict; verdicts and assessor kinds are small fixed scales defined
here, with the labels and definitions the app shows. The project never gives a verdict of its own: an assessment
is always someone else's, attributed and sourced, and assessors who disagree stand side by side.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictStr

from dashboard.dataset.parts import PartialDate, Record
from dashboard.i18n import N_

AFTERMATH_STATES = ("peace-held", "conflict-resumed", "conflict-continued", "not-applicable")  # best first
Verdict = Literal["met", "partly-met", "mixed", "not-met"]
VERDICTS: tuple[Verdict, ...] = ("met", "partly-met", "mixed", "not-met")
VERDICT_LABELS = {  # shown with _()
    "met": N_("Aims met"),
    "partly-met": N_("Aims partly met"),
    "mixed": N_("Mixed"),
    "not-met": N_("Aims not met"),
}
VERDICT_DEFINITIONS = {  # shown with _()
    "met": N_("The assessor judged that the operation achieved the aims it judged."),
    "partly-met": N_("The assessor judged that the operation made progress towards its aims but fell short of them."),
    "mixed": N_("The assessor judged that the operation achieved some of its aims and failed in others."),
    "not-met": N_("The assessor judged that the operation did not achieve the aims it judged."),
}
AssessorKind = Literal[
    "nato", "un", "eu", "au", "osce", "government", "parliament", "audit", "court", "research", "ngo",
]  # fmt: skip
ASSESSOR_KINDS: tuple[AssessorKind, ...] = (
    "nato", "un", "eu", "au", "osce", "government", "parliament", "audit", "court", "research", "ngo",
)  # fmt: skip
ASSESSOR_KIND_SHORT = {  # a chart's axis, shown with _()
    "nato": N_("NATO"), "un": N_("UN"), "eu": N_("EU"), "au": N_("AU"), "osce": N_("OSCE"),
    "government": N_("Government"), "parliament": N_("Parliament"), "audit": N_("Audit body"), "court": N_("Court"),
    "research": N_("Research"), "ngo": N_("NGO"),
}  # fmt: skip
ASSESSOR_KIND_LABELS = {  # shown with _(), mid-sentence: capitalise the first letter to start a line
    "nato": N_("NATO itself"),
    "un": N_("the United Nations"),
    "eu": N_("the European Union"),
    "au": N_("the African Union"),
    "osce": N_("the OSCE"),
    "government": N_("a national government"),
    "parliament": N_("a parliament or its committee"),
    "audit": N_("an audit or inspection body"),
    "court": N_("a court"),
    "research": N_("a research study"),
    "ngo": N_("a non-governmental organisation"),
}


class Assessment(Record):
    """A published judgement of whether the operation met its aims, attributed to whoever made it."""

    assessor: StrictStr = Field(
        min_length=2, description="Who judged, by name.", examples=["UK House of Commons Foreign Affairs Committee"]
    )
    assessor_kind: AssessorKind = Field(
        description="What kind of assessor: NATO itself, the UN, the EU, the AU, the OSCE, a national government, a"
        " parliament (or its committee), an audit or inspection body (SIGAR, GAO, NAO), a court, a research study or"
        " an NGO.",
        examples=["parliament"],
    )
    date: PartialDate = Field(description="When the judgement was published ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD').")
    aims: StrictStr = Field(min_length=10, description="The aims the assessor judged, in own words.")
    verdict: Verdict = Field(
        description="The assessor's verdict on a small scale: met, partly-met (progress short of the aims), mixed"
        " (some aims met, others not) or not-met; never the project's own.",
        examples=["partly-met"],
    )
    summary: StrictStr = Field(
        min_length=20, description="The judgement paraphrased in one or two sentences, attributed; own words."
    )
    source: StrictStr = Field(description="The url of the judgement; one of the record's `sources` urls.")


class Aftermath(Record):
    """What happened in the operation's theatre in the years after it ended."""

    state: StrictStr = Field(
        description="What followed (vocabulary `aftermath`): peace-held, conflict-resumed, conflict-continued, or"
        " not-applicable for an operation that had no conflict to end.",
        examples=["peace-held"],
    )
    period_from: PartialDate | None = Field(
        default=None,
        description="The first year the statement covers ('YYYY'); null only for not-applicable.",
        examples=["1997"],
    )
    period_to: PartialDate | None = Field(
        default=None,
        description="The last year the cited sources cover ('YYYY'), never later than what they say; null only for"
        " not-applicable.",
        examples=["2024"],
    )
    resumed: PartialDate | None = Field(
        default=None,
        description="For conflict-resumed only: when armed conflict resumed ('YYYY' or 'YYYY-MM'); else null.",
    )
    summary: StrictStr = Field(min_length=20, description="One or two sentences in own words.")
    sources: list[StrictStr] = Field(
        default_factory=list,
        description="The urls (from the record's `sources`) that state what followed; empty only for not-applicable.",
    )
