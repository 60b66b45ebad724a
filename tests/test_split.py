"""The French sentence splitter on real cases (most from the seeds and French news)."""

import pytest

from recoupe.split import SentenceSplitter

SPLITTER = SentenceSplitter("fr")

CASES = [
    # (text, expected sentences)
    ("Poutine est arrivé mardi. Il a été accueilli par Kim.", ["Poutine est arrivé mardi.", "Il a été accueilli par Kim."]),
    ("M. Poutine a remercié M. Kim pour son soutien.", ["M. Poutine a remercié M. Kim pour son soutien."]),
    ("Mme Dupont et MM. Martin et Durand sont arrivés.", ["Mme Dupont et MM. Martin et Durand sont arrivés."]),
    ("La ville fut fondée en 52 av. J.-C. par les Romains.", ["La ville fut fondée en 52 av. J.-C. par les Romains."]),
    ("La ville fut fondée en 52 av. J.-C. La paix dura peu.", ["La ville fut fondée en 52 av. J.-C.", "La paix dura peu."]),
    ("Le sommet réunit Kim Jong Un et Vladimir Poutine à Pyongyang.", ["Le sommet réunit Kim Jong Un et Vladimir Poutine à Pyongyang."]),
    ("« La Russie a toujours soutenu la RPDC. » Poutine a publié un décret.",
     ["« La Russie a toujours soutenu la RPDC. »", "Poutine a publié un décret."]),
    ("Il a parlé d’une « coopération ». Le ministre a confirmé.", ["Il a parlé d’une « coopération ».", "Le ministre a confirmé."]),
    ("« Vive la Russie ! », a lancé Kim devant la foule.", ["« Vive la Russie ! », a lancé Kim devant la foule."]),
    ("« Qui l’eût cru ? » demande-t-il.", ["« Qui l’eût cru ? » demande-t-il."]),
    ("“Nous sommes prêts”, a déclaré Poutine. Kim a approuvé.", ["“Nous sommes prêts”, a déclaré Poutine.", "Kim a approuvé."]),
    ("a rapporté la presse.” Les 18 et 19 juin, des entretiens sont prévus.",
     ["a rapporté la presse.”", "Les 18 et 19 juin, des entretiens sont prévus."]),
    ("rapporte Reuters. . La suite arrive.", ["rapporte Reuters. .", "La suite arrive."]),
    ("Titre de l’article\n\nLe premier paragraphe commence ici.", ["Titre de l’article", "Le premier paragraphe commence ici."]),
    ("Premier paragraphe sans point\nDeuxième paragraphe.", ["Premier paragraphe sans point", "Deuxième paragraphe."]),
    ("Une phrase coupée en fin de ligne qui continue\nsur la ligne suivante.", ["Une phrase coupée en fin de ligne qui continue\nsur la ligne suivante."]),
    ("Le taux atteint 2.5 % en mars. Il baisse ensuite.", ["Le taux atteint 2.5 % en mars.", "Il baisse ensuite."]),
    ("Plus de 11 000 conteneurs ont été livrés. Moscou dément.", ["Plus de 11 000 conteneurs ont été livrés.", "Moscou dément."]),
    ("L’avion a atterri vers 2h45 du matin. Kim l’attendait.", ["L’avion a atterri vers 2h45 du matin.", "Kim l’attendait."]),
    ("Le roman de J. K. Rowling est traduit.", ["Le roman de J. K. Rowling est traduit."]),
    ("Voir actionrc.fr pour plus de détails. Merci.", ["Voir actionrc.fr pour plus de détails.", "Merci."]),
    ("Il hésite... Puis il signe.", ["Il hésite...", "Puis il signe."]),
    ("Il hésite… puis il signe.", ["Il hésite… puis il signe."]),
    ("Est-ce la fin ? Personne ne le sait.", ["Est-ce la fin ?", "Personne ne le sait."]),
    ("Quelle victoire ! Les supporters exultent.", ["Quelle victoire !", "Les supporters exultent."]),
    ("Les pays ont signé un traité en 1961. En 1996, il a été abandonné.", ["Les pays ont signé un traité en 1961.", "En 1996, il a été abandonné."]),
    ("Selon le Dr. Martin, la situation est grave. Les soins continuent.", ["Selon le Dr. Martin, la situation est grave.", "Les soins continuent."]),
    ("Il cite p. 12 du rapport. Le texte est clair.", ["Il cite p. 12 du rapport.", "Le texte est clair."]),
    ("Les fruits, légumes, etc. sont taxés.", ["Les fruits, légumes, etc. sont taxés."]),
    ("Il a acheté des pommes, des poires, etc. Le marché ferme à midi.", ["Il a acheté des pommes, des poires, etc.", "Le marché ferme à midi."]),
    ("Le groupe (fondé en 1990.) existe encore. Il tourne.", ["Le groupe (fondé en 1990.) existe encore.", "Il tourne."]),
    ("La guerre a débuté en février 2022. « C’est une guerre sacrée », dit-il.",
     ["La guerre a débuté en février 2022.", "« C’est une guerre sacrée », dit-il."]),
    ("Le dirigeant a déclaré : « Nous vaincrons. » Puis il est parti.",
     ["Le dirigeant a déclaré : « Nous vaincrons. »", "Puis il est parti."]),
    ("Il a rencontré le président de l’U.E. La réunion a duré une heure.",
     ["Il a rencontré le président de l’U.E.", "La réunion a duré une heure."]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_splits_real_french_cases(text, expected):
    assert SPLITTER.split(text) == expected


def test_spans_point_into_the_text():
    text = "Poutine est arrivé. « Bienvenue », dit Kim.\n\nFin."
    for span in SPLITTER.spans(text):
        assert text[span.start : span.end].strip() == text[span.start : span.end]
    assert [text[s.start : s.end] for s in SPLITTER.spans(text)] == ["Poutine est arrivé.", "« Bienvenue », dit Kim.", "Fin."]


def test_english_rules_are_selected_by_language():
    english = SentenceSplitter("en")
    assert english.split("Mr. Smith arrived. He spoke.") == ["Mr. Smith arrived.", "He spoke."]
