"""One fixed light look on every PC: Fusion style and a light palette (issue 14).

Windows 11 in dark mode hands Qt a dark palette, while several screens colour their text
with fixed dark greys and the printouts' previews are white: white-on-dark dialogs with dark
hints nobody can read. The program therefore always uses the Fusion style with the light
palette below (Qt's own default light colours, written out so no platform theme changes
them) and tells Qt ≥ 6.8 that it wants the light colour scheme, also for the title bars.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

STYLE = "Fusion"

# Role -> (active/inactive colour, disabled colour).
_COLOURS: dict[str, tuple[str, str]] = {
    "Window": ("#efefef", "#efefef"),
    "WindowText": ("#000000", "#bebebe"),
    "Base": ("#ffffff", "#efefef"),
    "AlternateBase": ("#f7f7f7", "#f7f7f7"),
    "ToolTipBase": ("#ffffdc", "#ffffdc"),
    "ToolTipText": ("#000000", "#000000"),
    "Text": ("#000000", "#bebebe"),
    "Button": ("#efefef", "#efefef"),
    "ButtonText": ("#000000", "#bebebe"),
    "BrightText": ("#ffffff", "#ffffff"),
    "Light": ("#ffffff", "#ffffff"),
    "Midlight": ("#cacaca", "#cacaca"),
    "Mid": ("#b8b8b8", "#b8b8b8"),
    "Dark": ("#9f9f9f", "#bebebe"),
    "Shadow": ("#767676", "#b1b1b1"),
    "Highlight": ("#308cc6", "#919191"),
    "HighlightedText": ("#ffffff", "#ffffff"),
    "Link": ("#0000ff", "#0000ff"),
    "LinkVisited": ("#ff00ff", "#ff00ff"),
    "PlaceholderText": ("#80000000", "#80000000"),  # black at half opacity (#AARRGGBB)
}


def light_palette() -> QPalette:
    """The fixed light palette (every role set for the active, inactive and disabled groups)."""
    palette = QPalette()
    for role_name, (normal, disabled) in _COLOURS.items():
        role = getattr(QPalette.ColorRole, role_name)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, role, QColor(normal))
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


def application_arguments(program: str) -> list[str]:
    """The arguments a new QApplication is made with: Fusion chosen at once (it wins over
    ``QT_STYLE_OVERRIDE``), so :func:`apply_light_theme` need not ask ``app.style()`` — the
    first use of QStyle from Python creates a dozen large enums (PixelMetric, StyleHint …)
    before the first paint (issue 15)."""
    return [program, "-style", STYLE]


def apply_light_theme(app: QApplication, *, style_chosen: bool = False) -> None:
    """Fusion + the light palette, whatever the system's dark/light setting.
    ``style_chosen``: the application was made with :func:`application_arguments`."""
    hints = app.styleHints()
    # Qt 6.8+: also light title bars and native dialogs (the window manager draws them on
    # Linux, where the request costs start-up time and changes nothing).
    if sys.platform in ("win32", "darwin") and hasattr(hints, "setColorScheme"):
        hints.setColorScheme(Qt.ColorScheme.Light)
    if not style_chosen and app.style().name().lower() != STYLE.lower():
        app.setStyle(STYLE)
    app.setPalette(light_palette())


def theme_description(app: QApplication) -> str:
    """For the self-test: style and the palette's window/text colours."""
    palette = app.palette()
    return (
        f"样式 {app.style().name()}，窗口 {palette.color(QPalette.ColorRole.Window).name()}，"
        f"文字 {palette.color(QPalette.ColorRole.WindowText).name()}"
    )
