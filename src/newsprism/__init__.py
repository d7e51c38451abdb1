"""newsprism: compare many outlets' coverage of one story, with evidence."""

__version__ = "0.1.0"
SCHEMA = "newsprism/1"
