"""The activities area's screens (活动): list, details, registration, results, budget."""
