"""Benchmarks (`make bench` = `python -m bench`): not installed, not imported by the product."""
