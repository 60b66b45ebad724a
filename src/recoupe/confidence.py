"""How sure the briefing is of a speaker or a date, from how it was decided.

A speaker named in the quote's own sentence is right more often than one resolved from a
pronoun or carried over from the quote before; a date written in full more often than one
resolved against a publication date. How often each way is right was counted on the dev split
of a blind gold (``tests/data/who_when``) by ``benchmarks/fit_confidence.py``, which writes the
table this module reads (``models/confidence.json``) and prints the test split beside it. A way
the gold never shows is given 0.5: not measured, so not sure.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

# From this confidence on, an assertion is shown as sure; below it the views mark it "to check".
SURE = 0.9
# The confidence of a way of deciding that the labelled data never shows.
NOT_MEASURED = 0.5


@lru_cache(maxsize=1)
def _table() -> dict:
    return json.loads(resources.files("recoupe").joinpath("models/confidence.json").read_text(encoding="utf-8"))


def confidence_of(kind: str, how: str | None) -> float | None:
    """The confidence of a ``kind`` ("speaker" or "date") assertion decided ``how``; None when
    nothing was asserted (no speaker, no date)."""
    if how is None:
        return None
    entry = _table()[kind].get(how)
    return entry["confidence"] if entry else NOT_MEASURED
