"""Widgets of the End of day tab."""
