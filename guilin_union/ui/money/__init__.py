"""The 经费 tab: 会费台账 (dues ledger) and 经费预算 (the union's budget and its execution)."""
