# Mustasharak Al-Amin (the consultant) and Mustamirrun: the knowledge base.
# Structure: bot/municipal/data/consultant.yaml. Each answer fits a phone screen;
# buttons (…-label) stay under about 25 characters.

## The consultant's menu

kb-consultant-intro =
    Mustasharak Al-Amin — the municipality's consultant. What is your question about?
kb-choice = { $label }

kb-topic-engineering-offices = Engineering offices
kb-topic-engineering-offices-intro = Engineering offices: what would you like to know?
kb-topic-residential-building = Building a home
kb-topic-residential-building-intro = Building a residential building: what would you like to know?
kb-topic-shops = Shops and food outlets
kb-topic-shops-intro = Commercial and food shops: what would you like to know?
kb-topic-sub-municipalities = Sub-municipality areas
kb-topic-sub-municipalities-intro = Which sub-municipality serves an area?
kb-topic-investment = Projects and investment
kb-topic-investment-intro = Future projects and investment opportunities: what would you like to know?
kb-topic-transactions = Licences and transactions
kb-topic-transactions-intro = Mustamirrun transactions: which one?
kb-topic-contacts = Phone numbers
kb-topic-contacts-intro = The municipality's phone lines:

## Engineering offices

kb-eng-categories-label = Office categories
kb-eng-categories =
    Engineering offices are licensed and classified into categories. The category sets the size and kind of project an office may take on: the higher the category, the larger and more complex the buildings it may design and supervise.
    Before you sign, make sure the office's licence is valid and its category covers your project.
kb-eng-permissions-label = What an office may do
kb-eng-permissions =
    Within its category, a licensed engineering office may:
    • prepare architectural and structural drawings
    • prepare and submit building permit applications
    • supervise construction on site
    • issue reports needed for completion certificates and for land subdivision
    An office may not take on work above its category.
kb-eng-verify-label = Check an office
kb-eng-verify =
    To check an engineering office, look it up on the Balady platform (balady.gov.sa) by name or licence number: you will see whether its licence is valid and its category.
    A problem with an office's work can be reported to us as a complaint.

## Building a residential building

kb-build-permit-label = Building permit
kb-build-permit =
    Every new residential building needs a building permit before work starts. It is requested on the Balady platform through a licensed engineering office. Usually needed:
    • the land deed (title)
    • the survey report or site plan
    • architectural and structural drawings
    • the owner's ID
    The office submits the application and follows it up with the sub-municipality.
kb-build-requirements-label = Building requirements
kb-build-requirements =
    The number of floors, setbacks from the street and the neighbours, and parking follow the building regulations of your area and the width of your street — they differ from one neighbourhood to another. Civil Defence safety requirements also apply.
    Your engineering office checks the drawings against them before submitting.
kb-build-during-label = During construction
kb-build-during =
    During construction:
    • keep the permit on site
    • fence the site and keep the pavement and road clear
    • a licensed office supervises the work
    When the building is finished, ask for the completion certificate; it is needed to connect the utilities.

## Commercial and food shops

kb-shop-licence-label = Shop licence
kb-shop-licence =
    A shop needs a municipal licence for its activity, requested on the Balady platform. Usually needed: the commercial registration, the lease contract, a shop that meets the technical requirements, Civil Defence safety, and a licence for the signboard.
    The licence is renewed before it expires; a licence can be printed at the Itlala desks in the big mosques.
kb-shop-technical-label = Technical requirements
kb-shop-technical =
    General technical requirements for shops:
    • clean, sound floors, walls and ceilings
    • good lighting and ventilation
    • fire extinguishers and a clear exit
    • a signboard of the approved size and design
    • nothing displayed on the pavement
    • access for people with disabilities where required
kb-shop-food-label = Food shops
kb-shop-food =
    Food shops have stricter requirements:
    • a valid health certificate for every worker
    • washable, smooth surfaces; hand-washing basins
    • raw and cooked food kept apart; chilled food at 0–5 °C
    • a pest-control contract
    • waste in closed bins, emptied daily

## Projects and investment

kb-invest-opportunities-label = Investment opportunities
kb-invest-opportunities =
    The municipality offers sites and projects for investment through public tenders announced on the Furas platform (furas.momrah.gov.sa). There you can see the current opportunities, their conditions and deadlines, and submit an offer.
kb-invest-projects-label = Future projects
kb-invest-projects =
    The municipality announces its future projects — roads, parks, markets and services — on its official website and accounts. For a project in your area, Mustasharak Al-Amin can tell you what has been announced.

## Transactions (Mustamirrun)

kb-tx-licence-printing-label = Print a licence
kb-tx-licence-printing =
    A valid licence can be printed from your Balady account, or at an Itlala desk at the big mosques (from an hour before Maghrib to an hour after Isha). Bring your ID and the licence number.
kb-tx-deed-registration-label = Register a deed
kb-tx-deed-registration =
    To register a property deed with the municipality, have the deed and the owner's ID ready. Mustamirrun can tell you what your case needs and follow the registration with you.
kb-tx-land-subdivision-label = Subdivide land
kb-tx-land-subdivision =
    Subdividing land (splitting a plot, or merging plots) is requested through a licensed engineering office with the deed and a survey report. The sub-municipality reviews it against the area's plan before approval.

## Phone numbers

kb-contacts-all-label = All phone numbers
kb-contacts-all =
    • 940 — customer service, 24 hours (Arabic, English, Indonesian, Urdu)
    • 0539400940 — Mustasharak Al-Amin: engineering offices, building, shops, sub-municipalities, investment
    • 012 5739555, ext. 1717 or 7777 — Mustamirrun: inquiries, deeds, licences, land subdivision

contact-consultant = Mustasharak Al-Amin
contact-mustamirrun = Mustamirrun
contact-hotline = Customer service

## Under each answer

# $guidance: "general" or "fixed"; $contact: a contact line (kb-call) or nothing
kb-more =
    { $guidance ->
        [general] ℹ️ General guidance: requirements change, so please confirm with the municipality before you rely on it.
       *[other] ℹ️ From the municipality.
    }
    { $contact }
    Was this helpful?
# $name: the line's name; $number: the phone number; $ext: extensions or "none"
kb-call =
    { $ext ->
        [none] 📞 { $name }: { $number }
       *[other] 📞 { $name }: { $number }, ext. { $ext }
    }
kb-no-call = 📞 Customer service: 940
kb-helpful-yes = 👍 Yes, thanks
kb-helpful-no = 👎 Not really
kb-thanks = Glad it helped!
# $phone: the consultant's line
kb-sorry =
    Sorry it didn't answer your question. Mustasharak Al-Amin, the municipality's consultant, can answer you directly on { $phone }, or you can pass your question to our staff here.
kb-unknown = Sorry, I can't find that answer any more. Here are the consultant's topics:
