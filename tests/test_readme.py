"""The README is for users: it opens with the two commands a reader runs first, stays short, and
its links (and those of docs/) lead to files that exist, so moving a page cannot leave a dead link."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO

README = REPO / "README.md"
MAX_README_LINES = 260
FIRST_COMMANDS = [
    "bash scripts/setup.sh && .venv/bin/recoupe brief examples/pyongyang-2024 --published 2024-06-19",
    ".venv/bin/python -m pytest -q",
]

# [text](target) and ![alt](target); a target ends at a space (an optional "title") or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def markdown_files() -> list[Path]:
    return [README, REPO / "CHANGELOG.md", *sorted((REPO / "docs").glob("*.md"))]


def relative_links(path: Path) -> list[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))  # code blocks hold no links
    targets = (match.group(1) for match in LINK.finditer(text))
    return [t for t in targets if not re.match(r"^[a-z][a-z0-9+.-]*:|^#", t, re.I)]


def test_readme_opens_with_the_two_commands():
    text = README.read_text(encoding="utf-8")
    first_block = re.search(r"^```[^\n]*\n(.*?)^```", text, re.M | re.S)
    assert first_block, "the README has no fenced code block"
    assert first_block.group(1).strip().splitlines() == FIRST_COMMANDS
    # nothing but the title comes before it
    before = text[: first_block.start()].strip().splitlines()
    assert len(before) == 1 and before[0].startswith("# ")


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_README_LINES, f"README.md has {lines} lines; move details to docs/"


@pytest.mark.parametrize("path", markdown_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_relative_links_point_to_files_in_the_repository(path):
    missing = []
    for target in relative_links(path):
        file = (path.parent / target.split("#", 1)[0]).resolve()
        if not file.exists() or REPO not in file.parents:
            missing.append(target)
    assert missing == [], f"{path.name} links to files that do not exist: {missing}"


def test_the_link_pattern_reads_what_the_readme_writes():
    """The checker itself: it must see plain links, images and links with an anchor."""
    assert relative_links(README)  # the README does link to docs/
    sample = "[a](docs/x.md) ![b](docs/p.png) [c](docs/y.md#part) [d](https://example.org) [e](#top)"
    assert [m.group(1) for m in LINK.finditer(sample)] == [
        "docs/x.md", "docs/p.png", "docs/y.md#part", "https://example.org", "#top"]


def test_the_repository_has_its_license_and_the_example_articles():
    assert "MIT License" in (REPO / "LICENSE").read_text(encoding="utf-8")
    assert 'license = "MIT"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")
    examples = sorted((REPO / "examples" / "pyongyang-2024").glob("*.txt"))
    assert len(examples) == 5
    seeds = REPO.parent / "shared" / "data" / "seeds"
    if seeds.exists():  # the examples are the reference articles, verbatim
        assert [p.read_bytes() for p in examples] == [p.read_bytes() for p in sorted(seeds.glob("*.txt"))]
