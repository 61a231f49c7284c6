"""The money area (经费): the dues ledger (会费台账) and the union's yearly budget and its
execution (工会经费预算执行).

- :mod:`.dues_ledger`  per member and month: due, paid, how, when, recorded by whom; arrears;
- :mod:`.dues_import`  the finance office's monthly deduction list (代扣名单, .xlsx);
- :mod:`.dues_rule`    "按时缴纳会费" as an optional welfare eligibility rule;
- :mod:`.budget`       the chart of categories, yearly plans, manual entries and actuals;
- :mod:`.outputs`      the printouts and Excel files.
"""

AREA = "money"
