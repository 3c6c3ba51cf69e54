"""Plans for the feed tests, built from the hand-written expected records (no pipeline needed)."""

from __future__ import annotations

import hashlib
import json

from schemas.plan import DateSpan, Plan
from tests.conftest import EXPECTED, SAMPLES


def expected_plan(year: int = 2024, **changes) -> Plan:
    """tests/expected/plan_<year>.json as a Plan, with the source fields the hand-written file leaves out."""
    data = json.loads((EXPECTED / f"plan_{year}.json").read_text(encoding="utf-8"))
    sample = SAMPLES / f"plan_{year}.txt"
    data["source"] = {"file": sample.name, "format": "text", "sha256": hashlib.sha256(sample.read_bytes()).hexdigest()}
    data["events"] = [{**event, "source": {"page": None, "row": row}} for row, event in enumerate(data["events"], 2)]
    return Plan.model_validate(data).model_copy(update=changes)


def moved_to_year(plan: Plan, year: int) -> Plan:
    """``plan`` as if it were another year's document: year, ids, dates and sha256 moved (29 Feb → 28)."""
    data = plan.model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace(f'"{plan.year}-02-29"', f'"{plan.year}-02-28"').replace(f'"{plan.year}-', f'"{year}-')
    data = json.loads(text)
    data["year"] = year
    data["source"]["sha256"] = hashlib.sha256(f"{plan.source.sha256}{year}".encode()).hexdigest()
    return Plan.model_validate(data)


# A date naming three days apart: DateSpan.spans holds the pieces (contract 1.1).
THREE_DAYS = {"text": "12, 19 и 26 марта", "kind": "day_range", "start": "2024-03-12", "end": "2024-03-26",
              "spans": [{"start": "2024-03-12", "end": "2024-03-12"}, {"start": "2024-03-19", "end": "2024-03-19"},
                        {"start": "2024-03-26", "end": "2024-03-26"}]}


def with_date_pieces(plan: Plan, index: int = 0) -> Plan:
    """``plan`` with event ``index`` dated "12, 19 и 26 марта" (three pieces)."""
    events = list(plan.events)
    events[index] = events[index].model_copy(update={"date": DateSpan.model_validate(THREE_DAYS)})
    return plan.model_copy(update={"events": events})
