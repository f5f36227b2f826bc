"""The meter-records tab: search, account view, readings, chart, bills, statement."""
