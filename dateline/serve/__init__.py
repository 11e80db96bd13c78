"""The web app and HTTP API over a dateline store (``dateline serve``).

``create_app`` is loaded on first use, so the command line can register ``serve``
(:mod:`dateline.serve.commands`) without importing FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from dateline.serve.app import create_app

        return create_app
    raise AttributeError(f"module 'dateline.serve' has no attribute {name!r}")
