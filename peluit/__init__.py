"""Peluit: a whistleblowing channel for a city government."""
