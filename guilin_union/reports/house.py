"""The printouts' house style that the user sets: the issuer line and the binding margin.

Plain Python (no reportlab): the GUI applies the database's settings at start-up
(``services.printouts.apply_house_style``) without loading the PDF library.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

MM = 72 / 25.4  # points per millimetre
MARGIN_MM = 20.0
BINDING_MARGIN_MM = 28.0  # default binding (装订) edge: left on portrait pages, top on landscape


@dataclass(frozen=True)
class HouseStyle:
    """What every printout shares and the user may set (单位信息 / 打印设置).

    ``issuer`` is the line above each title (the union's name from 单位信息; "" = the name
    each report passes); ``binding_mm`` the margin of the binding edge — the left edge of a
    portrait page, the top edge of a landscape one (GB/T 9704: a landscape table's head
    faces the binding); the other edges keep :data:`MARGIN_MM`.
    """

    issuer: str = ""
    binding_mm: float = BINDING_MARGIN_MM

    def margins(self, landscape: bool) -> tuple[float, float, float, float]:
        """``(left, right, top, bottom)`` in points.

        >>> [round(m / MM) for m in HouseStyle().margins(False)]
        [28, 20, 20, 20]
        >>> [round(m / MM) for m in HouseStyle().margins(True)]
        [20, 20, 28, 20]
        """
        binding = min(max(self.binding_mm, 15.0), 40.0) * MM
        margin = MARGIN_MM * MM
        if landscape:
            return margin, margin, binding, margin
        return binding, margin, margin, margin


_house = HouseStyle()


def house_style() -> HouseStyle:
    """The house style in force (set once per program run from the database's settings)."""
    return _house


def configure_house_style(
    *, issuer: str | None = None, binding_mm: float | None = None
) -> HouseStyle:
    """Set the issuer and/or binding margin for the printouts made from now on; returns the
    style that was in force (give it to :func:`restore_house_style` when done)."""
    global _house
    previous = _house
    changes: dict[str, object] = {}
    if issuer is not None:
        changes["issuer"] = issuer.strip()
    if binding_mm is not None:
        changes["binding_mm"] = float(binding_mm)
    _house = replace(_house, **changes)  # type: ignore[arg-type]
    return previous


def restore_house_style(style: HouseStyle) -> None:
    global _house
    _house = style
