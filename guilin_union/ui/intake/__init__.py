"""GUI of the intake area: applications, import, status history, dues, statistics."""
