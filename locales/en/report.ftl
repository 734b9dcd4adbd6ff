# Reporting a problem (flow report_issue).

report-ask-category = What kind of problem is it?

## Categories (button labels, also shown in summaries and ticket lists)

category-waste = Waste and litter
category-food-safety = Food safety
category-water-sewage = Water or sewage leak
category-road-hazard = Road hazard
category-street-lighting = Street lighting
category-animals-pests = Animals and pests
category-public-toilets = Public toilets
category-building-violation = Building violation
category-street-vendors = Street vendors
category-other = Something else

## Questions

report-ask-description = Please describe the problem in a few words: what is it, and how bad?
report-ask-location = Where is it? Share your location pin 📍, or type the place: a street, a hotel name or a Mina camp number.
report-ask-photo = A photo helps the team a lot. Send one, or choose Skip.
report-ask-phone = Can the team call you if they need to? Send your phone number or share your contact, or choose Skip.

## Field names (for "which part do you want to change?")

report-field-category = Type of problem
report-field-description = Description
report-field-location = Place
report-field-photo = Photo
report-field-phone = Phone number

## Summary and result

# $category, $description, $location, $photo, $phone: the answers, ready to show
report-summary =
    Please check your report:
    Type: { $category }
    Description: { $description }
    Place: { $location }
    Photo: { $photo }
    Phone: { $phone }
    Shall I send it?
# $ticket_id: the new ticket number, e.g. MK-1234566
report-filed =
    Thank you, your report is filed ✅
    Your ticket number is { $ticket_id }. Keep it to check the status; I'll message you here when it changes.

## A report kept aside while the person does something else

report-draft-button = ↩ Continue my report
# $category: the type of problem, when chosen; $has_category: "true" or "false"
report-draft-offer =
    { $has_category ->
        [true] Your report ({ $category }) hasn't been sent yet. Shall we continue it?
       *[other] Your report hasn't been sent yet. Shall we continue it?
    }
# After "Photo:" and "Phone:" in the summary when the person skipped them.
report-photo-none = None
report-phone-none = None
