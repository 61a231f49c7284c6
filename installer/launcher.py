"""The bundle's entry point (PyInstaller runs this file as ``__main__``).

It only hands over to :func:`guilin_union.app.main`, the same function the ``guilin-union``
command runs, so the installed program and the source checkout behave alike.
"""

from guilin_union.app import main

if __name__ == "__main__":
    main()
