"""GasDesk: the counter application of a city gas utility's service halls."""

__version__ = "0.1.0"
