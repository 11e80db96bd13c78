"""Writing an output file safely: problems are found before a long run, and a failed
write is one clear line, never a traceback."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def output_problem(path: str) -> str | None:
    """Why ``path`` cannot be written, checked before any work is done; None when it can.

    Checks without creating anything: the nearest existing ancestor directory must be
    writable, and the target must not be a directory or a read-only file.
    """
    target = Path(path)
    if target.is_dir():
        return f"{path}: is a directory"
    if target.exists():
        return None if os.access(target, os.W_OK) else f"{path}: not writable (permission denied)"
    parent = target.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{path}: {parent} is not a directory"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{path}: cannot create it in {parent} (permission denied)"
    return None


def write_output(path: str, text: str, newline: str | None = None) -> str | None:
    """Write ``text`` to ``path`` (via a temporary file, so a full disk never leaves half a
    file); returns the one-line reason on failure, else None. ``newline=""`` keeps the
    text's line ends as they are (ICS needs CRLF)."""
    target = Path(path)
    temporary = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8", newline=newline)
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        return f"{path}: cannot write ({error.strerror or error})"
    return None
