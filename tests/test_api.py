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


def test_the_cli_and_the_package_load_no_model_until_a_command_needs_one():
    # `recoupe --help` must answer at once: importing the CLI loads neither spaCy nor scikit-learn
    import subprocess
    import sys

    probe = ("import sys, recoupe, recoupe.cli; "
             "print(sorted(m for m in ('spacy', 'sklearn', 'trafilatura', 'dateparser') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert callable(recoupe.render) and recoupe.brief.__module__ == "recoupe.pipeline"
