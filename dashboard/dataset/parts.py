"""The parts every record model shares: dates as the sources give them ('YYYY', 'YYYY-MM' or 'YYYY-MM-DD', with
the first and last day each can mean) and the strict base model that refuses unknown keys."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictStr

PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_partial_date(text: str) -> str:
    """Accept 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' naming a real calendar date."""
    if not PARTIAL_DATE.match(text):
        raise ValueError(f"'{text}' is not a date: write 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' in quotes")
    earliest_day(text)
    return text


def earliest_day(text: str) -> date:
    """The first day a partial date can mean: '1999' -> 1999-01-01."""
    parts = [int(p) for p in text.split("-")]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as error:
        raise ValueError(f"'{text}' is not a calendar date ({error})") from error


def latest_day(text: str) -> date:
    """The last day a partial date can mean: '1999-02' -> 1999-02-28."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return date(*parts)
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])


PartialDate = Annotated[
    StrictStr,
    AfterValidator(check_partial_date),
    Field(
        description="A quoted ISO date at the precision the source gives: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.",
        examples=["1999-06-12", "2009-08", "1995"],
    ),
]


class Record(BaseModel):
    """Base for every part of a record: unknown keys are errors, so a typo cannot hide a value."""

    model_config = ConfigDict(extra="forbid")
