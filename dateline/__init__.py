"""dateline: turn a pile of news articles into a dated, sourced timeline of what happened.

The library API: ``build_timeline(inputs, config)`` reads and processes articles (a path,
or a list of paths, folders, globs and URLs), ``build_timeline_from_records(records,
config)`` does the same for in-memory texts with metadata, ``Config`` holds the options,
``render(timeline, fmt)`` writes JSON, Markdown, HTML, CSV, TimelineJS or ICS.
"""

from dateline.config import Config
from dateline.version import __version__

__all__ = ["Config", "build_timeline", "build_timeline_from_records", "render", "__version__"]


def __getattr__(name: str):
    # The pipeline pulls in spaCy and scikit-learn; import it only when it is used, so
    # that `dateline timex` and `import dateline` stay fast.
    if name in ("build_timeline", "build_timeline_from_records"):
        from dateline import pipeline

        return getattr(pipeline, name)
    if name == "render":
        from dateline.export import render

        return render
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
