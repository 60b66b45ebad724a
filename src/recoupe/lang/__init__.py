"""Language data modules, selected by the ``lang`` parameter (``fr``, ``en``)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module
from types import ModuleType

SUPPORTED_LANGUAGES = ("fr", "en")
# Text between quotation marks, marks included (« », “ ”, " "): what the noise rules and the
# speaker rules set apart as someone's words.
QUOTED_TEXT = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"]*\"")


class UnsupportedLanguage(ValueError):
    """Raised for a language code that has no data module."""


def language_data(code: str) -> ModuleType:
    """Return the module holding ``code``'s language data, or raise UnsupportedLanguage."""
    if code not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguage(
            f"unsupported language {code!r} (supported: {', '.join(SUPPORTED_LANGUAGES)})"
        )
    return import_module(f"recoupe.lang.{code}")


def data_for_document(code: str | None, fallback: ModuleType) -> ModuleType:
    """The data of a document's own language when recoupe has it, else the run's (``--lang``)."""
    if code in SUPPORTED_LANGUAGES and code != fallback.CODE:
        return language_data(code)
    return fallback


@lru_cache(maxsize=None)
def stop_words(code: str) -> frozenset[str]:
    """spaCy's stop words for ``code`` (empty for a language recoupe has no data for); built
    once per language (the speaker check asks for them for every quote)."""
    if code == "fr":
        from spacy.lang.fr.stop_words import STOP_WORDS
    elif code == "en":
        from spacy.lang.en.stop_words import STOP_WORDS
    else:
        return frozenset()
    return frozenset(STOP_WORDS)
