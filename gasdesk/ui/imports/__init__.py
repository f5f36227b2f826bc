"""The supervisor's import screen: customers or meter readings from a spreadsheet."""
