"""Callers of the 940 centre: a case filed on the desk for someone who phoned in."""
