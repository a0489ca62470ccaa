"""What the file system said, worded for a person: which file or folder, what went
wrong, and what to do about it."""

from __future__ import annotations

import errno

from koprade_wizard.i18n.messages import t

# errno → the message key; what is not listed is worded with the system's own reason.
_KEYS: dict[int, str] = {
    errno.ENOSPC: "os_no_space",
    errno.EDQUOT: "os_no_space",
    errno.EFBIG: "os_no_space",
    errno.EROFS: "os_read_only",
    errno.EACCES: "os_no_permission",
    errno.EPERM: "os_no_permission",
    errno.EEXIST: "os_not_a_folder",
    errno.ENOTDIR: "os_not_a_folder",
    errno.EISDIR: "os_is_a_folder",
    errno.ENOENT: "os_vanished",
    errno.ENAMETOOLONG: "os_name_too_long",
}


def describe(exc: OSError, lang: str) -> str:
    """One line: the path first (as every problem starts with where), then the fix."""
    path = exc.filename if exc.filename is not None else t("os_unknown_path", lang)
    key = _KEYS.get(exc.errno or 0, "os_other")
    return t(key, lang, path=path, reason=exc.strerror or type(exc).__name__)
