"""The public API is pinned: a change to it is deliberate."""

import recoupe
from recoupe.pipeline import STAGES, check_order


def test_exported_names_are_pinned():
    assert sorted(recoupe.__all__) == sorted([
        "STAGES", "Briefing", "CleanDocument", "InputProblem", "NlpResources", "RawDocument",
        "Removal", "Repair", "Sentence", "SentenceSplitter", "SummarySentence", "Support",
        "UsageProblem", "brief", "briefing_to_dict", "read_inputs", "render", "run_pipeline",
        "split_documents",
    ])


def test_stage_order_is_checked():
    check_order()
    reordered = (STAGES[1], STAGES[0], *STAGES[2:])
    try:
        check_order(reordered)
    except ValueError as error:
        assert "split" in str(error)
    else:
        raise AssertionError("a stage running before its requirement was not caught")
