"""Python compiled from ``forms/*.ui`` by ``python -m guilin_union.ui.compile_forms``.

Generated files: never edit them by hand; a test recompiles and compares.
"""
