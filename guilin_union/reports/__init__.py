"""PDF printouts: pure functions of plain data -> a PDF file (reportlab).

The building blocks live in submodules so that importing this package stays cheap:

- :mod:`guilin_union.reports.fonts` finds and embeds a Chinese TrueType font;
- :mod:`guilin_union.reports.markup` holds :func:`esc`, the one escaping helper for user text;
- :mod:`guilin_union.reports.document` holds :class:`Report` (A4 page, title, tables,
  totals, signature lines, "第 X 页 共 Y 页") and :class:`Col`;
- :mod:`guilin_union.reports.registry` lists the printable reports by name for the CLI;
- one module per report, e.g. :mod:`guilin_union.reports.members.roster` (会员花名册).

Example::

    from guilin_union.reports.document import Col, Report

    report = Report("out.pdf", "参加人员名单")
    report.table([Col("序号", 1, "center"), Col("姓名", 3)], [[1, "张三"]])
    report.save()
"""
