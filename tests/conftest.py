"""Shared fixtures: the spaCy model is loaded once per test session; the reference articles are
read from the repository's examples/, the evaluation sets from ../shared/data, and tests that need
those skip with a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe import NlpResources, brief

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
# the five reference articles ship in the repository as the example input (a copy of ../shared/data/seeds)
SEEDS = REPO / "examples" / "pyongyang-2024"
RPM2 = SHARED_DATA / "rpm2-fr" / "rpm2-fr.jsonl"
MLMD = SHARED_DATA / "mlmd-news-sample" / "mlmd-news-sample.jsonl"


def require(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not found: these tests need ../shared/data beside the checkout")
    return path


@pytest.fixture(scope="session")
def resources() -> NlpResources:
    shared = NlpResources()
    shared.pipeline("fr")
    return shared


@pytest.fixture(scope="session")
def seeds_briefing(resources):
    return brief([str(require(SEEDS))], words=150, resources=resources)


@pytest.fixture(scope="session")
def seeds_briefing_published(resources):
    """The seeds with their publication date (2024-06-19), as ``--published`` gives it."""
    return brief([str(require(SEEDS))], words=150, resources=resources, published="2024-06-19")


@pytest.fixture(scope="session")
def seeds_documents(seeds_briefing):
    return {d.id: d for d in seeds_briefing.documents}
