"""dateline: turn a pile of news articles into a dated, sourced timeline of what happened.

The library API is three names: ``build_timeline(inputs, config)`` reads and processes
articles, ``Config`` holds the options, ``render(timeline, fmt)`` writes JSON, Markdown,
HTML or CSV.
"""

from dateline.config import Config

__version__ = "0.1.0"
__all__ = ["Config", "build_timeline", "render", "__version__"]


def __getattr__(name: str):
    # The pipeline pulls in spaCy and scikit-learn; import it only when it is used, so
    # that `dateline timex` and `import dateline` stay fast.
    if name == "build_timeline":
        from dateline.pipeline import build_timeline

        return build_timeline
    if name == "render":
        from dateline.export import render

        return render
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
