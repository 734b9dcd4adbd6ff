"""The municipality's services beyond reports: consultant answers, outreach bookings,
service points with prayer-time hours, sub-municipality lookup and awareness tips.

The data they read is data/ beside them (its README.md is the editing guide);
content.py makes it a part of the content snapshot; effects.py adapts the
services to the conversation service's effect handlers. No channels, no web.
"""
