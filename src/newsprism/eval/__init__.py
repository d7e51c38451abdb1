"""Evaluation commands: each scores one stage against a public gold dataset and prints numbers."""
