"""The ROUGE tokenizer keeps French letters and splits elisions; scores are rouge-score's."""

import pytest

from recoupe.rouge import RougeScorer, SnowballTokenizer, first_words, tokenize


def test_tokenizer_keeps_french_letters_and_splits_elisions():
    assert tokenize("été") == ["été"]
    assert tokenize("Hôpital") == ["hôpital"]
    assert tokenize("l’accord") == ["l", "accord"]
    assert tokenize("L'été, à l’Hôpital !") == ["l", "été", "à", "l", "hôpital"]


def test_snowball_stems_in_the_references_language():
    french = SnowballTokenizer("fr")
    assert french.tokenize("négociations continue") == french.tokenize("négociation continuait")
    assert SnowballTokenizer("en").tokenize("talks continued") == SnowballTokenizer("en").tokenize("talk continue")


def test_accented_words_count_in_rouge():
    """rouge-score's default tokenizer would turn "été" into "t": ours keeps the word."""
    scorer = RougeScorer("fr")
    same = scorer.score("L’été a été chaud à l’hôpital.", ["L’été a été chaud à l’hôpital."])
    different = scorer.score("L’hiver fut froid dans la rue.", ["L’été a été chaud à l’hôpital."])
    assert same["rouge1"] == pytest.approx(1.0)
    assert different["rouge1"] < 0.2


def test_mean_over_references():
    scorer = RougeScorer("fr")
    one = scorer.score("le président a signé", ["le président a signé"])["rouge1"]
    mean = scorer.score("le président a signé", ["le président a signé", "rien de commun ici"])["rouge1"]
    assert mean == pytest.approx(one / 2)


def test_first_words_cuts_every_system_alike():
    assert first_words("un deux  trois\nquatre", 3) == "un deux trois"
