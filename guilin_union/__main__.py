"""``python -m guilin_union`` behaves like the ``guilin-union`` command."""

from guilin_union.app import main

main()
