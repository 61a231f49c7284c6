"""Performance benchmarks of guilin-union, each against a bare-library baseline.

Run ``uv run python -m bench`` (or ``--quick`` for fewer repeats, ``--only search,pdf`` for a
subset). It prints a table — measure, ours, baseline, ratio, target, result — and writes it
with a description of the machine to ``bench/RESULTS.md``. Absolute times differ from machine
to machine, so wherever a baseline exists the target is a ratio, measured in the same run.

Measures (medians of repeated runs):

==============================  ============================================  ==========
measure                         baseline                                      target
==============================  ============================================  ==========
demo --scale large              —                                             ≤ 60 s
start-up: main window shown     bare QMainWindow with five empty tabs         ≤ 1.5×
start-up: member list filled    bare window + register table from sqlite3     ≤ 1.5×
search keystroke (3,000)        plain SQL LIKE scan (ratio reported)          ≤ 30 ms
search keystroke (100,000)      plain SQL LIKE scan (ratio reported)          ≤ 100 ms
tab switch (each tab)           —                                             ≤ 50 ms
member form: open               —                                             ≤ 50 ms
memory: peak RSS, every tab     —                                             ≤ 300 MB
PDF: 3,000-row sign-for roster  bare reportlab LongTable, same cells & font   ≤ 1.3×
Excel import: 5,000 members     openpyxl read-only iteration of the file      ≤ 2.0×
Excel export: 10,000 members    openpyxl write-only with the same values      ≤ 1.5×
work-points parse (each sample) —                                             ≤ 50 ms
dues ledger page (3,000 × 24)   bare SQL page, same rows (ratio reported)     ≤ 50 ms
funds execution report PDF      —                                             ≤ 2 s
bundle: start to main window    bare PySide6 window bundled the same way      ≤ 1.5×
bundle: size on disk            bare PySide6 window bundled the same way      ≤ 1.5×
==============================  ============================================  ==========

Rows marked "(info)" have no target (for example how long each tab takes to build once, while
the program is idle after start-up). A measure that crashed, measured nothing, or failed its
own sanity check (the search shows as many rows as the plain SQL finds, the roster PDF has
its pages, the import wrote 5,000 members …) is INVALID and counts as a failure.

Modules: ``runner`` (orchestration, RESULTS.md), ``stats`` (medians, ratios, verdicts,
tables), ``timing`` (alternating ours/baseline), ``datasets`` (the large demo, synthetic
registers, the staff workbook), ``startup`` and ``child`` (measures across a process
boundary), ``gui`` (search, tabs, form, memory through the real widgets), ``outputs`` (PDF,
Excel, work-points parser), ``machine`` (the machine description).
"""
