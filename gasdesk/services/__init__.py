"""Use cases: plain values in, domain dataclasses out, one transaction each."""
