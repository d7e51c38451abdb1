"""Word lists the stages read (package data). Each file documents its source and licence."""
