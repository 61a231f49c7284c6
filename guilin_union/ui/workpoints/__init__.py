"""Screens of the annual work points (年度工作要点): import with preview, tracking, the overview,
the comparison with the upper union's points."""
