# The municipality's services: Wajibna, Mutma'innun, Itlala and Hadirin service
# points, "which sub-municipality?", and the daily awareness tip.

## Menu

menu-services = Municipal services
menu-consultant = Ask the consultant
services-intro =
    Besides reports, the municipality can:
    • visit elderly people and people with special needs at home (Wajibna)
    • complete a transaction for someone in prison or abroad (Mutma'innun)
    • serve you at Itlala desks in the big mosques and Hadirin vehicles in the parks
    What do you need?
services-wajibna = Home visit (Wajibna)
services-mutmainnun = On someone's behalf
services-points = Nearest service point
services-locate = My sub-municipality
services-consultant = Consultant questions
services-tips = Awareness tips
services-try-again = Try again
kb-other-topics = Other topics
kb-text = { $text }
kb-ask-entry = Which question? Choose a topic from the consultant's menu.
kb-ask-helpful = Was this helpful?

## Which sub-municipality?

services-locate-ask = Share your location 📍, or type the name of your neighbourhood (for example Aziziyah, Misfalah or Mina).
# $sub: the sub-municipality; $how: "pin", "name" (a neighbourhood) or "sub" (the
# sub-municipality's own name); $place: the neighbourhood's name
services-locate-found =
    { $how ->
        [name] 📍 { $place } is in the { $sub } sub-municipality.
        [sub] 📍 The { $sub } sub-municipality.
       *[pin] 📍 You are in the { $sub } sub-municipality.
    }
    Service points nearby — tap one for its hours:
# $phone: the consultant's line
services-locate-not-found = Sorry, I couldn't place that in Makkah's sub-municipalities. Try the neighbourhood's name, or share your location. Mustasharak Al-Amin can also tell you on { $phone }.
# $name: the place; $service: Itlala or Hadirin
services-point-button = { $name } ({ $service })

## Nearest service point

services-points-ask = Where are you? Share your location 📍, or type your neighbourhood.
services-points-unknown-place = Sorry, I couldn't find that place. Please share your location pin, or type the neighbourhood's name.
# Numbers: every number the bot fills in (ticket and phone numbers, times, Hijri
# dates, distances) is in Western digits, in all five languages, and the texts
# use Western digits too. $distance is a number of km: write it as
# { NUMBER($distance, maximumFractionDigits: 1) } so each language gets its own
# decimal mark (Indonesian 1,1 km). Times ($opens, $closes, $itlala_opens,
# $itlala_closes) are instants: write { DATETIME($closes, timeStyle: "short") }
# so each language shows the clock its own way (19.05 in Indonesian, 7:05 م in Arabic).
# $itlala_today: "true" when the Itlala desks work today (outside their season only
# Hadirin vehicles may be out). The map is a button or link of its own, never in the text.
# $name, $service, $distance (km), $closes, $today (Hijri date), $itlala_today, $itlala_opens, $itlala_closes
services-points-open =
    ✅ Open now: { $name } ({ $service }), { NUMBER($distance, maximumFractionDigits: 1) } km away — open until { DATETIME($closes, timeStyle: "short") }.
    { $itlala_today ->
        [true] Today, { $today }: Itlala desks open { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] Today, { $today }, no Itlala desk is working.
    }
    Other points:
# $opens, $day: when it opens next
services-points-none-open =
    Nothing is open nearby right now. The nearest: { $name } ({ $service }), { NUMBER($distance, maximumFractionDigits: 1) } km away — opens { $day } at { DATETIME($opens, timeStyle: "short") }.
    { $itlala_today ->
        [true] Today, { $today }: Itlala desks open { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] Today, { $today }, no Itlala desk is working.
    }
    Other points:
# A mosque the person named has no Itlala desk of its own. $place: the mosque;
# $name, $distance (km, a number), $open_now, $opens, $closes, $day: the nearest desk's
services-points-mosque =
    🕌 { $place } has no Itlala desk of its own. The nearest one is { $name }, { NUMBER($distance, maximumFractionDigits: 1) } km away.
    { $open_now ->
        [true] ✅ Open now, until { DATETIME($closes, timeStyle: "short") }.
       *[other] Next opening: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }
    Itlala desks open every day from an hour before Maghrib to an hour after Isha.
    Other desks:
# The label of the button (Telegram) or link (web chat) that opens the map.
services-map = 🗺️ Open the map
# Shown when no desk or vehicle is scheduled at all (e.g. outside the season):
# the Itlala hours are the formula for today, not a promise that a desk is open.
services-points-none = No Itlala desk or Hadirin vehicle is scheduled in the coming days. When the Itlala desks run, they open an hour before Maghrib and close an hour after Isha (today, { $today }: { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }). For help meanwhile, please call 940.
# $name, $today, $opens, $closes, $day, $open_now ("true"/"false"); the map is a link
services-point-itlala =
    🕌 { $name } — Itlala desk
    Inquiries, complaints and reports, licence printing.
    Open every day from an hour before Maghrib to an hour after Isha.
    { $open_now ->
        [true] ✅ Open now, until { DATETIME($closes, timeStyle: "short") }.
       *[other] Next opening: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }
services-point-hadirin =
    🚐 { $name } — Hadirin vehicle
    Inquiry printing, referrals, commercial activities, reports and complaints, building permits.
    { $open_now ->
        [true] ✅ Here now, until { DATETIME($closes, timeStyle: "short") }.
       *[other] Next visit: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }

## Requests: shared questions and answers

request-ask-service = Which service do you need?
request-service-licence = Licence
request-service-building-permit = Building permit
request-service-deed = Deed or land
request-service-commercial = Shop licence
request-service-complaint = Complaint or report
request-service-inquiry = Inquiry
request-service-other = Something else
request-ask-details = Please describe what you need in a few words (for example the licence number or the problem).
request-ask-when = When is a good time for our employee to contact you?
when-morning = Morning (8–12)
when-afternoon = Afternoon (12–4)
when-evening = Evening (4–9)
when-any = Any time
request-ask-phone = Which phone number should our employee call? A number from any country is fine — or share your contact.
relationship-self = Myself
relationship-parent = My father or mother
relationship-spouse = My husband or wife
relationship-child = My son or daughter
relationship-relative = Another relative
relationship-other = Someone else

request-field-relationship = Who
request-field-name = Name
request-field-need = Situation
request-field-situation = Situation
request-field-service = Service
request-field-details = Details
request-field-location = Place
request-field-office = Office
request-field-when = Best time
request-field-phone = Phone number

## Wajibna: home visit

wajibna-ask-relationship = Wajibna: a municipal employee comes to the home or lodging of an elderly person or a person with special needs to complete their service there. Who is the visit for?
wajibna-ask-name = What is the name of the person we will visit?
wajibna-ask-need = What best describes their situation?
need-elderly = Elderly
need-disability = Special needs or disability
need-illness = Illness, can't go out
wajibna-ask-location = Where should we visit? Share the location 📍, or type the address, hotel or lodging.
wajibna-summary =
    Please check the visit request:
    • For: { $relationship } — { $name }
    • Situation: { $need }
    • Service: { $service }
    • Details: { $details }
    • Place: { $location }
    • Best time: { $when }
    • Phone: { $phone }
# $ticket_id: the new ticket
wajibna-filed =
    ✅ Your home-visit request is registered. Ticket: { $ticket_id }
    Our Wajibna team will call you to arrange the visit. You can check the request at any time by sending the ticket number.

## Mutma'innun: a transaction on someone's behalf

mutmainnun-ask-situation = Mutma'innun: a municipal employee completes the transaction on behalf of someone in prison who supports a family, or someone abroad for study or treatment. Which applies?
situation-prison = In prison
situation-abroad-study = Abroad for study
situation-abroad-treatment = Abroad for treatment
mutmainnun-ask-name = What is the full name of the person the transaction is for?
mutmainnun-ask-relationship = What is your relationship to them?
mutmainnun-ask-office = Which sub-municipality or office is the transaction with, if you know? Type it, or choose Skip.
mutmainnun-ask-when = When is a good time for our employee to call you?
mutmainnun-ask-phone = Which phone number should our employee call? A number abroad is fine, with its country code — or share your contact.
mutmainnun-summary =
    Please check the request:
    • Situation: { $situation }
    • For: { $name }
    • Your relationship: { $relationship }
    • Service: { $service }
    • Details: { $details }
    • Office: { $office }
    • Best time: { $when }
    • Phone: { $phone }
mutmainnun-filed =
    ✅ Your request is registered. Ticket: { $ticket_id }
    An employee of the customer-service administration will call you to tell you which documents are needed, then complete the transaction on their behalf. Send the ticket number at any time to check it.

## Requests kept aside while the person does something else

request-draft-button = ↩ Continue my request
wajibna-draft-offer = Your home-visit request (Wajibna) hasn't been sent yet. Shall we continue it?
mutmainnun-draft-offer = Your Mutma'innun request hasn't been sent yet. Shall we continue it?
# After "Office:" in the Mutma'innun summary when the person skipped it.
request-office-none = Not known
