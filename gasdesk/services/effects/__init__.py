"""Business effects: what a completed form does to the accounts. registry.py keeps
them; catalog.py registers every one (importing the package itself registers none,
so that an effect module can import its siblings without a cycle)."""
