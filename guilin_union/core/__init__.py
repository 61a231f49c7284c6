"""Qt-free, I/O-free domain core: value types, validators, money, dates, masking."""
