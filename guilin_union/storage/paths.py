"""Where the data lives, and who the user is — without importing sqlite-utils.

The GUI needs these before its window is shown (which database to open, the single-instance
channel's name), when importing sqlite-utils (click, pluggy, dateutil: about 0.4 s) would
delay the window (issue 14). ``storage.database`` re-exports the path functions.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "guilin-union"


def default_data_dir() -> Path:
    """The user's data folder (``%APPDATA%\\guilin-union`` on Windows)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_db_path() -> Path:
    """Database path: ``$GUILIN_UNION_DB`` if set, else ``<data dir>/guilin-union.db``."""
    env = os.environ.get("GUILIN_UNION_DB")
    if env:
        return Path(env).expanduser()
    return default_data_dir() / "guilin-union.db"


def demo_db_path() -> Path:
    """The demo database lives apart from the real one so a newcomer cannot mix them up."""
    return default_data_dir() / "demo" / "guilin-union-demo.db"


def os_user() -> str:
    """The Windows (or POSIX) user name recorded as "who" in the change log.

    Same answer as ``getpass.getuser()``, whose environment variables are looked at first
    without importing getpass (termios, pwd: start-up time before the window).
    """
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no user name in some service contexts
        return "unknown"
