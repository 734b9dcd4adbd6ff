"""Labbaik, the product: app/ (wiring, CLI) > web/ > channels/ > municipal/ > core/.

The map of the folders and which way imports point: docs/architecture.md.
"""
