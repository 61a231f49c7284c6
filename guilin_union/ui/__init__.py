"""The thin PySide6 layer. Only this package (and app.py's lazy import) may import Qt."""
