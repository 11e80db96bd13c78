"""The web app and HTTP API over a dateline store (``dateline serve``)."""

from dateline.serve.app import create_app

__all__ = ["create_app"]
