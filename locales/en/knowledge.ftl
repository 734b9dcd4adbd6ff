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

## The questions each answer answers. Not shown: the bot matches what a person asks
## against these, in every language at once, and answers the entry straight away when
## one fits clearly (a broad question gets the topic's menu). One question a line;
## write them as people really ask.

kb-eng-categories-questions =
    What are the categories of engineering offices?
    Which office category can design a building with several floors?
    How are engineering offices classified?
    Does the office category limit the size of the project?

kb-eng-permissions-questions =
    What is an engineering office allowed to do?
    Can an engineering office submit my building permit application?
    Can the office supervise the construction?
    What services does a licensed engineering office provide?

kb-eng-verify-questions =
    How can I check that an engineering office is licensed?
    How do I verify an engineering office?
    Is this engineering office approved?
    How do I know the office's licence is valid?

kb-build-permit-questions =
    How do I get a building permit?
    Do I need a permit to build a house?
    What documents are needed for a building licence?
    Where do I apply for a construction permit?

kb-build-requirements-questions =
    What are the requirements for a residential building?
    How many floors can I build?
    What are the setback rules for a house?
    Are there parking requirements for a residential building?

kb-build-during-questions =
    What rules apply during construction?
    What should I do while the building is under construction?
    Do I need a fence around the construction site?
    Where can I dump construction waste?

kb-shop-licence-questions =
    How do I get a licence for a shop?
    How can I open a shop?
    What do I need for a commercial licence?
    How do I renew my shop licence?

kb-shop-technical-questions =
    What are the technical requirements for a commercial shop?
    What conditions must a shop building meet?
    What are the shop requirements for lighting and ventilation?
    Does a shop need fire extinguishers?

kb-shop-food-questions =
    What are the technical requirements for a food shop?
    What technical requirements apply to food shops and restaurants?
    What are the requirements for a food shop?
    What are the technical requirements for a restaurant?
    Do restaurant workers need health certificates?
    What are the rules for a bakery or a grocery?

kb-invest-opportunities-questions =
    What investment opportunities does the municipality offer?
    How can I invest with the municipality?
    Are there municipal sites for rent to investors?
    How do I take part in a municipal investment tender?

kb-invest-projects-questions =
    What are the future projects of the municipality?
    What new projects are planned in Makkah?
    Which roads and parks is the municipality building?
    Are there upcoming development projects in the city?

kb-tx-licence-printing-questions =
    How do I print my licence?
    Where can I print a municipal licence?
    Can I get a printed copy of my permit?
    How do I print a building permit?

kb-tx-deed-registration-questions =
    How do I register a deed?
    How can I register my land deed?
    Where do I register the title deed of a property?
    What do I need to register a property deed?

kb-tx-land-subdivision-questions =
    How do I subdivide my land?
    How can I split a plot into two?
    Can I merge two plots of land?
    What is needed to divide a piece of land?

kb-contacts-all-questions =
    What are the municipality's phone numbers?
    How can I call the municipality?
    What is the number of the consultant?
    Which number do I call for Mustamirrun?

## Broad questions about a whole topic: these get the topic's menu, not one answer.

kb-topic-engineering-offices-questions =
    Tell me about engineering offices
    I have a question about engineering offices
    Engineering offices

kb-topic-residential-building-questions =
    I want to build a house
    Tell me about building a home
    Building a residential building

kb-topic-shops-questions =
    Shop requirements
    Tell me about shops
    I have a question about opening a business

kb-topic-investment-questions =
    Investment
    Tell me about investment and projects
    Projects and investment

kb-topic-transactions-questions =
    Municipal transactions
    I have a question about a transaction
    Licences and transactions
