"""Articles grouped into stories one at a time, in publication order, the same way every run."""

import datetime as dt

from recoupe.stories import FeedArticle, article_terms, assign_stories, vectorise

POOL = "La mairie de Lyon a voté lundi la construction d'une piscine olympique à Gerland, un chantier de deux ans."
POOL_AGAIN = "Le conseil municipal de Lyon a approuvé la piscine olympique de Gerland, dont le chantier durera deux ans."
STRIKE = "Les cheminots de la SNCF entament une grève reconductible contre la réforme des retraites, trains supprimés."
STRIKE_AGAIN = "La grève des cheminots de la SNCF se poursuit : la réforme des retraites bloque toujours les trains."


def _articles(*texts, dates=None):
    return [FeedArticle(f"a{k}", "", text, (dates or [None] * len(texts))[k]) for k, text in enumerate(texts)]


def _stories(articles):
    return assign_stories(vectorise(articles), [a.date for a in articles], [a.language for a in articles])


def test_articles_of_two_stories_are_told_apart_whatever_their_order():
    articles = _articles(POOL, STRIKE, POOL_AGAIN, STRIKE_AGAIN)
    pool, strike, pool_again, strike_again = _stories(articles)
    assert pool == pool_again and strike == strike_again and pool != strike
    reordered = _stories(list(reversed(articles)))
    assert reordered[0] == reordered[2] and reordered[1] == reordered[3] and reordered[0] != reordered[1]


def test_stories_are_numbered_in_publication_order_not_input_order():
    day = dt.date(2024, 6, 19)
    articles = _articles(STRIKE, POOL, STRIKE_AGAIN, dates=[day + dt.timedelta(days=2), day, day + dt.timedelta(days=3)])
    assert _stories(articles) == [1, 0, 1]


def test_a_story_out_of_the_window_takes_no_more_articles():
    day = dt.date(2024, 6, 19)
    articles = _articles(POOL, POOL_AGAIN, dates=[day, day + dt.timedelta(days=30)])
    assert _stories(articles) == [0, 1]


def test_title_words_and_names_count_more_and_stop_words_not_at_all():
    terms = article_terms(FeedArticle("a", "Piscine olympique", "Le maire de Lyon annonce les piscines."))
    assert terms.count("piscine") == 3 + 1  # the title's (x3; it starts the title: no name), the body's plural
    assert terms.count("lyon") == 2 and terms.count("maire") == 1  # a name inside a sentence; "Le" starts it
    assert "le" not in terms and "les" not in terms and "de" not in terms


def test_stories_out_of_the_window_leave_memory():
    from recoupe.stories import OnlineAssigner

    assigner = OnlineAssigner(window_days=7)
    day = dt.date(2024, 1, 1)
    for k in range(60):  # one new story a day: each word its own
        assert assigner.add({f"w{k}": 1.0}, day + dt.timedelta(days=k), 0.5) == k
    assert len(assigner.stories) == 60 and assigner.live_stories <= 8
    assert assigner.add({"w59": 1.0}, day + dt.timedelta(days=60), 0.5) == 59  # a live story still takes articles
    assert assigner.add({"w3": 1.0}, day + dt.timedelta(days=61), 0.5) == 60  # an evicted one does not: a new story
