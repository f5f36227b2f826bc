"""Pure Python rules of the counter: no Qt, no database, no PDF."""
