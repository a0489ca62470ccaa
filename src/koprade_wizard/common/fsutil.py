"""Atomic file writes: a reader sees the old file or the new one, never half of one.

Every OSError leaves here naming the file or folder it is about (a temporary file's
name would mean nothing to the person), so the command line can say what to do.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path


def atomic_write(path: Path, data: bytes | str) -> None:
    """Write ``data`` to a temporary file beside ``path``, flush it to disk, then rename.

    The rename is atomic on POSIX, so a crash (or ``kill -9``) leaves either the
    previous content or the complete new one.
    """
    atomic_write_all({path: data})


def atomic_write_all(files: Mapping[Path, bytes | str]) -> None:
    """Write several files so that either all are replaced or none is.

    Every file is first written in full beside its target; only when all of them are
    on disk are they renamed into place. A full disk or a read-only folder therefore
    leaves every old file as it was and no temporary file behind.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files.items():
            staged.append((_stage(path, data), path))
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise _about(exc, path) from exc
    finally:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _stage(path: Path, data: bytes | str) -> str:
    payload = data.encode("utf-8") if isinstance(data, str) else data
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)  # names the folder itself when it fails
    if not folder.is_dir():
        raise NotADirectoryError(20, os.strerror(20), str(folder))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _about(exc, folder) from exc
    try:
        # mkstemp makes the file private; give it the mode a plain open() would.
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise _about(exc, path) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def _about(exc: OSError, path: Path) -> OSError:
    """The same error (same errno, same class), naming ``path``."""
    if exc.errno is None:
        return exc
    return OSError(exc.errno, exc.strerror or os.strerror(exc.errno), str(path))


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
