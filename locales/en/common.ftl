# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    Assalamu alaikum, welcome to Labbaik 🌿
    I'm the municipality's assistant. I can take a report about a problem, tell you where your ticket stands, answer questions about municipal services, or pass your chat to our staff.
menu-prompt = How can I help you? Tap an option, or just type your question.
menu-anything-else = Anything else I can help with?

menu-report = Report a problem
menu-status = Check a ticket
menu-my-tickets = My tickets
menu-language = Language
menu-help = Help
menu-agent = Talk to a person

## Shared buttons

choice-skip = Skip
choice-cancel = Cancel
choice-yes = Yes
choice-no = No
choice-menu = Main menu
choice-confirm = Send it
choice-edit = Change something

## Cancel, help and small talk

cancelled = Okay, cancelled. No report or request was sent.
# The words in quotes are what a person can type: the labels of choice-cancel
# and choice-menu (or "menu", which works in every language).
# $hotline: the customer-service phone number (940)
help =
    Here is what I can do:
    • take a report about a problem in the city (waste, water leaks, road hazards, food safety and more)
    • tell you where your report or request stands
    • answer questions about the municipality's services and service points
    • change the language we talk in
    Type "cancel" any time to stop, or "menu" to start again. For an urgent problem in the city, call { $hotline } (24 hours).
greet-reply = Wa alaikum assalam! How can I help you today?
thank-reply = You're welcome! Glad to help.
goodbye-reply = Take care, and may your stay be blessed. I'm here whenever you need me.
out-of-scope = Sorry, that's outside what I can help with here. Here is what I can do:

## Not understood

please-choose = Please pick one of the options: tap a button or send its number.
please-use-menu = Sorry, I can't read typed questions right now. Please choose from the menu.
clarify = Sorry, I didn't quite get that. Did you mean one of these?
# $hotline: the customer-service phone number (940)
handoff-offer = Sorry, I still don't understand. You can say it another way or choose from the menu, or tap Talk to a person to pass your chat to our staff. You can also call { $hotline } at any hour.
# Said when the person asks for a person but no team is set up to take live chats
# here (bot/handoff/): say so, and promise no date.
# $hotline: the customer-service phone number (940)
handoff-hotline = You can't chat with a person here yet. To speak to someone now, please call { $hotline }: the customer-service centre answers 24 hours a day in Arabic, English, Indonesian and Urdu.
# $hotline: the customer-service phone number (940)
error-service = Sorry, something went wrong on our side. Please try again in a moment, or call { $hotline }.

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = Please type your answer as a message.
# $min: the fewest characters allowed
error-text-too-short =
    That's a bit short. Please write at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
# $max: the most characters allowed
error-text-too-long =
    That's too long. Please keep it under { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
error-location-expected = Please share your location pin, or type the place: a street, a hotel name or a Mina camp number.
error-location-too-short = Please tell me a little more about the place, for example the street or hotel name.
error-photo-expected = Please send a photo, or choose Skip.
error-phone-invalid = That doesn't look like a phone number. Please send the digits, for example 0501234567, or share your contact.
error-yes-no = Please answer Yes or No.

## Checking answers before sending

confirm-edit-which = Which part do you want to change?
# Shown for any answer left out: the photo, the phone, the office, a date.
summary-skipped = None
# The value after "Photo:" in the report summary.
summary-photo-attached = Attached
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = Pin on the map ({ $lat }, { $lon })

## Greetings, slow understanding, old buttons

# Any greeting that is not a salam ("hello", "hi", "good morning").
greet-reply-hello = Hello! How can I help you today?
# Said mid-question when typed text needed the language service and it did not
# answer in time; the question follows.
nlu-slow = I'm slow to understand typed messages right now. You can use the buttons, or try again in a moment.
# A button from an old message that can no longer be acted on; where we are follows.
choice-expired = That button is from an earlier message and no longer works. Here is where we are now:

## Unfinished forms kept aside (drafts)

choice-resume = Continue
choice-discard = Discard it
# The first button of the menu while an unfinished form is kept.
draft-button = ↩ Continue where we left off
draft-offer = We didn't finish what we started earlier, and nothing has been sent yet. Shall we continue?
draft-resumed = Let's carry on where we left off.
draft-discarded = Okay, I've deleted it. Nothing was sent.
draft-dropped = You had several unfinished forms, so I deleted the oldest one. Nothing was sent from it.
draft-expired = An unfinished form from more than a week ago was deleted. Nothing was sent from it.
# An admin changed the form while the person was filling it in.
flow-changed = This form has just been updated. Your answers so far are kept; let's continue.
flow-gone = The form you were filling in is no longer available, so nothing was sent. Please start again from the menu.

## When a message could mean two things

# Followed by one button for each of the two things it could mean.
meant-which = Just to be sure, which of these do you mean?
choice-new-problem = A new problem
# The person has open reports and is talking about a problem again.
# $count: how many of their reports are shown; $ticket_id: the first one
recall-which =
    { $count ->
        [one] Is this about your report { $ticket_id }, or a new problem?
       *[other] Is this about one of your reports, or a new problem?
    }
# The person asked about "my report" without a number and has several.
recall-pick = Which one do you mean? Tap it to see where it stands.
recall-another = Another number
# One button per ticket. $ticket_id; $what: its category, or the kind of request
recall-ticket-choice = { $ticket_id } · { $what }
