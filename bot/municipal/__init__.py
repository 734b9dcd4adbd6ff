"""The municipality's services beyond reports: consultant answers, outreach bookings,
service points with prayer-time hours, sub-municipality lookup and awareness tips.

Pure domain modules (no channels, no web); `effects.py` adapts them to the
conversation service's effect handlers.
"""
