"""The timeline picture and the who/what/when tables, from hand-made events (no model needed)."""

from recoupe.render.contract import timeline_to_dicts
from recoupe.render.labels import interface, source_names
from recoupe.render.markdown import _story
from recoupe.render.story import timeline_svg
from recoupe.types import DatedMention, TimelineEvent


def event(date, text, sources, conflicts=(), precision="day", end=None):
    mentions = tuple(DatedMention(s, k, text, "mardi", True, "2024-06-19") for k, s in enumerate(sources))
    return TimelineEvent(date, precision, text, mentions, end=end, conflicts=tuple(conflicts))


TIMELINE = timeline_to_dicts([
    event("1961", "Le traité de 1961 <défense>", ["a"], precision="year"),
    event("2024-06-18", "Poutine arrive à Pyongyang", ["a", "b", "c"], conflicts=["a says 18 June, b says 19 June"]),
    event("2024-06-19", "Les deux dirigeants signent l'accord", ["b"], end="2024-06-20"),
])


def test_every_date_is_a_dot_sized_by_its_sources_and_far_dates_are_broken_apart():
    svg = timeline_svg(TIMELINE)
    assert svg.startswith("<svg") and svg.count("<circle") == 3
    radii = [int(part.split('r="')[1].split('"')[0]) for part in svg.split("<circle")[1:]]
    assert radii[1] > radii[0] == radii[2]
    assert "63 years later" in svg  # 1961 -> 2024 is drawn as a gap, not as 63 years of axis
    assert svg.count("later") == 1  # 18 and 19 June follow each other
    assert "&lt;défense&gt;" in svg and "<défense>" not in svg


def test_a_conflict_is_drawn_red_and_spelled_out_in_the_tables():
    svg = timeline_svg(TIMELINE)
    conflicted = svg.split("<g>")[2]
    assert 'stroke="#c0392b"' in conflicted and "a says 18 June, b says 19 June" in conflicted
    lines = "\n".join(_story({"language": "en", "actors": [], "quotes": [], "timeline": TIMELINE}, source_names([]), interface("en")))
    assert "| 2024-06-19 → 2024-06-20 | day |" in lines and "⚠ a says 18 June" in lines


def test_no_timeline_draws_nothing():
    assert timeline_svg([]) == ""
