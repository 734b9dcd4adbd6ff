"""Open311 GeoReport v2 (/open311/v2/, /open311/discovery.*): the city's other systems
file and follow cases through the standard API.

`routes.routes` is the route provider (bot/app/wiring.py mounts it); `document`
is the one data model both formats are written from; `services` maps the report
categories and outreach services to service definitions; `requests_view` turns
cases into service requests under the privacy rules; `filing` reads a POST and
files the case (the one place an API case is created); `errors` the spec's
error format. docs/open311.md has the mapping and a round trip with curl.
"""
