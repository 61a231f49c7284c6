"""Use cases shared by the GUI and the command line: one module per area."""
