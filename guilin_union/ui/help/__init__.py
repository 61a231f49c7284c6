"""帮助 inside the program (issue 15): the guide (F1) and the first-run checklist."""
