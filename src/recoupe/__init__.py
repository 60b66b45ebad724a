"""recoupe: a pile of news articles about one story -> a faithful, sourced briefing.

The public names are imported on first use (PEP 562), so that ``recoupe --help`` does not load
spaCy and scikit-learn: importing the package costs nothing until a name is used.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Each public name and the module that defines it.
_EXPORTS = {
    "STAGES": "pipeline",
    "brief": "pipeline",
    "run_pipeline": "pipeline",
    "split_documents": "pipeline",
    "NlpResources": "features",
    "UsageProblem": "readers",
    "read_inputs": "readers",
    "SentenceSplitter": "split",
    "Briefing": "types",
    "CleanDocument": "types",
    "InputProblem": "types",
    "RawDocument": "types",
    "Removal": "types",
    "Repair": "types",
    "Sentence": "types",
    "SummarySentence": "types",
    "Support": "types",
}

# ``render`` is both a subpackage and its main function: bound here, after the subpackage is
# imported, so that ``from recoupe import render`` is the function whatever was imported before.
from .render import briefing_to_dict, render  # noqa: E402  (light: no model, no scikit-learn)

__all__ = [
    "STAGES", "Briefing", "CleanDocument", "InputProblem", "NlpResources", "RawDocument", "Removal", "Repair",
    "Sentence", "SentenceSplitter", "SummarySentence", "Support", "UsageProblem", "brief", "briefing_to_dict",
    "read_inputs", "render", "run_pipeline", "split_documents",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors only
    from .features import NlpResources
    from .pipeline import STAGES, brief, run_pipeline, split_documents
    from .readers import UsageProblem, read_inputs
    from .split import SentenceSplitter
    from .types import (Briefing, CleanDocument, InputProblem, RawDocument, Removal, Repair, Sentence,
                        SummarySentence, Support)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'recoupe' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
