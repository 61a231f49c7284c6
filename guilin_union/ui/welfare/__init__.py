"""慰问 (welfare) screens: payments, festival batches, standards, hardship file, statistics."""
