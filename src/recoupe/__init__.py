"""recoupe: a pile of news articles about one story -> a faithful, sourced briefing."""

from .features import NlpResources
from .pipeline import STAGES, brief, run_pipeline, split_documents
from .readers import UsageProblem, read_inputs
from .render import briefing_to_dict, render
from .split import SentenceSplitter
from .types import (
    Briefing,
    CleanDocument,
    InputProblem,
    RawDocument,
    Removal,
    Repair,
    Sentence,
    SummarySentence,
    Support,
)

__version__ = "0.1.0"

__all__ = [
    "STAGES",
    "Briefing",
    "CleanDocument",
    "InputProblem",
    "NlpResources",
    "RawDocument",
    "Removal",
    "Repair",
    "Sentence",
    "SentenceSplitter",
    "SummarySentence",
    "Support",
    "UsageProblem",
    "brief",
    "briefing_to_dict",
    "read_inputs",
    "render",
    "run_pipeline",
    "split_documents",
]
