# The Open311 GeoReport v2 API (docs/open311.md): how the services and the status
# of requests read in the city's other systems. Plain text, no placeables except
# where noted: the API sends these to other software, not to a chat.

## Service names (the report categories use their own labels, category-*)

open311-name-home-visit = Home visit (Wajibna)
open311-name-proxy-service = Transaction on someone's behalf (Mutma'innun)

## Groups

open311-group-reports = Reports
open311-group-outreach = Outreach services

## Descriptions

open311-description-waste = Garbage, litter or rubble left in a street, a square or a camp, or full bins that were not emptied.
open311-description-food-safety = Unsafe food, a dirty restaurant or food shop, or food sold past its date.
open311-description-water-sewage = A water leak, a broken pipe, overflowing sewage or a blocked drain.
open311-description-road-hazard = A hole in the road, a broken pavement, a missing manhole cover or anything dangerous on the way.
open311-description-street-lighting = A street light that is off, flickering or damaged, or a dark street.
open311-description-animals-pests = Stray animals, insects, rats or other pests.
open311-description-public-toilets = A public toilet that is dirty, broken, closed or out of water.
open311-description-building-violation = Building without a permit, an unsafe structure or an encroachment on the street.
open311-description-street-vendors = Unlicensed street vendors, or stalls blocking the way.
open311-description-other = Any other problem in the city that the municipality should know about.
open311-description-home-visit = A municipal employee visits an elderly person or a person with special needs at home or at their lodging to complete a service there.
open311-description-proxy-service = A municipal employee completes a transaction on behalf of a person in prison who supports a family, or a person abroad for study or treatment.

## Keywords (comma-separated)

open311-keywords-waste = garbage, rubbish, litter, trash, bins, rubble, cleaning
open311-keywords-food-safety = food, restaurant, shop, hygiene, expired, food poisoning
open311-keywords-water-sewage = water, leak, pipe, sewage, drain, flooding
open311-keywords-road-hazard = road, pothole, pavement, sidewalk, manhole, danger
open311-keywords-street-lighting = light, lamp, lighting, dark street, lamp post
open311-keywords-animals-pests = animals, stray dogs, cats, insects, rats, pests
open311-keywords-public-toilets = toilets, restrooms, washrooms, hygiene
open311-keywords-building-violation = building, construction, permit, encroachment, unsafe building
open311-keywords-street-vendors = vendors, hawkers, stalls, peddlers, blocked way
open311-keywords-other = other, general, suggestion
open311-keywords-home-visit = Wajibna, home visit, elderly, special needs, disability
open311-keywords-proxy-service = Mutma'innun, on behalf, prison, abroad, study, treatment

## Attributes

# $min, $max: the lengths allowed, as digits
open311-datatype-text = Text of { $min } to { $max } characters.

## Status notes: the detailed status behind "open" and "closed"

open311-status-new = Received, waiting for the team.
open311-status-assigned = Assigned to a member of the team.
open311-status-in-progress = The team is working on it.
open311-status-resolved = Resolved by the team.
open311-status-closed = Closed.
open311-status-rejected = Not accepted.
open311-status-reopened = Reopened: the reporter said it is not fixed yet.
open311-status-referral = Referred to:

## The answer to a new request

# $due: date and time in Makkah time, as digits (2026-05-04 09:30)
open311-service-notice = Received. The team aims to deal with it by { $due } (Makkah time).
