"""Qt widgets only; every database call goes through services on the worker thread."""
