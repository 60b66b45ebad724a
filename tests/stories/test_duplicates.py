"""Near-duplicates: a republished copy is found with its original, a rewrite of the story is not."""

from recoupe.stories import FeedArticle
from recoupe.stories.duplicates import find_copies

WIRE = ("Le conseil municipal de Lyon a voté lundi soir la construction d'une piscine olympique dans le quartier "
        "de Gerland. Le chantier, estimé à 42 millions d'euros, doit commencer au printemps et durer deux ans. "
        "Le maire a salué un équipement attendu depuis des années par les clubs de natation de la ville, qui "
        "s'entraînent aujourd'hui dans des bassins trop petits. L'opposition a voté contre, jugeant le coût "
        "trop élevé au regard des besoins des écoles du quartier.")
REWRITE = ("À Lyon, les élus ont approuvé un projet de bassin olympique à Gerland. Coût annoncé : 42 millions "
           "d'euros, pour deux ans de travaux à partir du printemps. Les nageurs de la ville, à l'étroit dans des "
           "piscines anciennes, attendaient ce chantier ; l'opposition, elle, aurait préféré rénover les écoles.")


def _feed(*texts):
    return [FeedArticle(f"a{k}", f"Titre {k}", text) for k, text in enumerate(texts)]


def test_a_copy_under_another_headline_with_a_footer_or_cut_short_is_found_with_its_original():
    words = WIRE.split()
    feed = _feed(WIRE, REWRITE, WIRE + "\n\nLire aussi : notre dossier sur les piscines de la métropole lyonnaise.",
                 " ".join(words[: len(words) * 6 // 10]), WIRE)
    copies = find_copies(feed)
    assert copies.original_of == [0, 1, 0, 0, 0]  # the first in feed order is the original
    assert copies.pairs() == {(0, 2), (0, 3), (0, 4)}


def test_a_rewrite_of_the_same_story_and_a_short_brief_are_not_copies():
    brief = "Le conseil municipal de Lyon a voté lundi soir la construction d'une piscine olympique."
    assert find_copies(_feed(WIRE, REWRITE, brief, brief)).pairs() == set()


def test_the_copy_index_forgets_originals_older_than_its_window():
    import datetime as dt

    from recoupe.stories.duplicates import CopyIndex, copy_evidence

    index = CopyIndex(window_days=7)
    june = dt.date(2024, 6, 10)
    assert index.original_of("wire", copy_evidence(WIRE), june) is None
    assert index.original_of("reprint", copy_evidence(WIRE), june + dt.timedelta(days=7)) == "wire"
    assert index.original_of("reprint-late", copy_evidence(WIRE), june + dt.timedelta(days=8)) is None  # now the original
    assert len(index) == 1
    assert index.original_of("again", copy_evidence(WIRE), june + dt.timedelta(days=9)) == "reprint-late"
