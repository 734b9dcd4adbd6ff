# The agent desk's own words (staff only: Arabic and English). Keys start with
# desk-; labels of values are desk-<kind>-<value>.

desk-app-name = Labbaik desk
desk-skip-to-content = Skip to the content
desk-nav-label = Desk sections
desk-nav-cases = Cases
desk-nav-new-case = File for a caller
desk-nav-audit = Audit log
desk-nav-reports = Reports
desk-nav-admin = Accounts and teams
desk-switch-language = العربية
desk-sign-out = Sign out
desk-save = Save
desk-any = Any
desk-none = —
desk-nobody = nobody
desk-nobody-change = — keep as it is —
desk-internal = Internal
desk-number = { NUMBER($value) }
desk-percent = { NUMBER($value, style: "percent", maximumFractionDigits: 0) }
desk-hours = { NUMBER($value, maximumFractionDigits: 1) } h

## Sign-in

desk-login-title = Sign in
desk-login-intro = For municipality staff. Sign in with your desk account.
desk-login-username = Username
desk-login-password = Password
desk-login-submit = Sign in
desk-login-failed = The username or password is not right. Please try again.
desk-login-missing = Enter your username and password.
desk-login-expired = Please sign in (again) to continue.
desk-login-locked = Too many wrong passwords: this account is locked. Try again in { $minutes } min, or ask an admin to unlock it.
desk-login-throttled = Too many failed sign-ins from this network. Wait { $minutes } min and try again.

## Errors

desk-error-title = This could not be done
desk-error-back = Back to the cases
desk-error-sign-in = Go to sign-in
desk-error-not-found = Not found. The page or case does not exist, or it is not open to your team.
desk-error-csrf = This form has expired or did not come from the desk. Reload the page and try again.
desk-error-form = The form could not be read. Reload the page and try again.
desk-error-field = The field "{ $field }" is not plain text.
desk-error-required = Please fill in "{ $field }".
desk-error-too-long = "{ $field }" is too long: at most { $max } characters.
desk-error-unknown-value = Unknown { $what }: "{ $value }".
desk-error-date = "{ $value }" is not a date (use the calendar, or YYYY-MM-DD) in "{ $what }".
desk-error-date-range = The date range ends before it starts.
desk-error-range-too-long = The date range is too long: at most { $max } days.
desk-error-export-too-big = More than { $max } cases match: narrow the filters (for example a shorter date range) and export again.
desk-error-transition = A case that is "{ $current }" cannot become "{ $wanted }". Reload the page: someone may have changed it.
desk-error-reason-needed = To mark a case "Not accepted", write the reason (it stays internal).
desk-error-phone = That is not a valid phone number. Saudi numbers like 0501234567, or with the country code (+62…).
desk-error-own-account = You cannot disable your own account or change your own role here.
desk-error-exists = That name is already taken ({ $detail }).
desk-error-not-permitted = Your role or team does not allow this ({ $detail }).
desk-error-invalid = This was refused: { $detail }
desk-error-password-too-short = The password is too short: use at least 10 characters (a few words are easiest).
desk-error-password-too-long = The password is too long: at most 128 characters.
desk-error-password-too-guessable = The password is too easy to guess ({ $reason }). Use a few unrelated words.

## The queue

desk-queue-title = Cases
desk-queue-total = { $count ->
    [one] 1 case
   *[other] { $count } cases
}
desk-queue-by-status = Cases by status
desk-queue-all = All
desk-queue-empty = No case matches these filters.
desk-queue-export = Export CSV
desk-filter-text = Search
desk-filter-text-hint = Ticket, description or place
desk-filter-category = Category
desk-filter-team = Team
desk-filter-priority = Priority
desk-filter-sla = Deadline
desk-filter-channel = Channel
desk-filter-language = Pilgrim's language
desk-filter-assigned = Assigned
desk-filter-assigned-me = To me
desk-filter-assigned-none = To nobody
desk-filter-from = From
desk-filter-to = To
desk-filter-sort = Sort
desk-filter-apply = Show
desk-filter-clear = Clear
desk-col-ticket = Ticket
desk-col-status = Status
desk-col-category = Type
desk-col-place = Place or description
desk-col-language = Language
desk-col-team = Team
desk-col-sla = Deadline
desk-col-created = Filed
desk-sla-overdue = Overdue
desk-sla-due-soon = Due soon
desk-sla-overdue-by = Overdue by { $hours } h
desk-sla-due-in = Due in { $hours } h
desk-pager-label = Pages
desk-pager-previous = ← Previous
desk-pager-next = Next →
desk-pager-position = Page { $page } of { $pages }

## The case page

desk-case-team = Team
desk-case-assignee = Assigned to
desk-case-due = Due
desk-case-sent = What the pilgrim sent
desk-case-description = Description
desk-case-place = Place
desk-case-coordinates = Location
desk-case-open-map = Open the map
desk-case-filed = Filed
desk-case-pilgrim = Pilgrim
desk-case-phone = Contact phone
desk-case-reveal-phone = Reveal the phone number
desk-case-reveal-note = (recorded in the audit log)
desk-case-photos = Photos
desk-case-photo = Photo { $number }
desk-map-label = Where case { $ticket } is, among the sub-municipalities
desk-map-caption = The sub-municipalities (approximate); the dot is the pilgrim's pin.
desk-case-take-over-chat = Take over this chat
desk-case-act = Work on it
desk-case-new-status = New status
desk-case-note = Note
desk-case-note-internal = (internal: the pilgrim never sees it)
desk-case-message = Message to the pilgrim (optional)
desk-case-message-hint = Sent as you type it. The status update itself goes out in { $language }.
desk-case-language-warning = The pilgrim reads { $language }, not your desk language. Your message is sent exactly as you type it: write it in { $language } if you can, or keep it short and simple.
desk-case-reject-legend = Only for "Not accepted"
desk-case-reason = Reason (internal)
desk-case-referral = Body responsible instead (told to the pilgrim)
desk-case-change-status = Change the status
desk-case-final = This case is finished; its status no longer changes.
desk-case-assign = Assignment
desk-case-assign-agent = Agent
desk-case-assign-team = Team
desk-case-assign-submit = Assign
desk-case-priority = Priority
desk-case-add-note = Add a note
desk-case-add-note-submit = Add the note
desk-case-message-only = Message to the pilgrim, without changing the status
desk-case-send-message = Send
desk-case-timeline = Timeline
desk-case-what-was-sent = What the pilgrim received
desk-referral-health = Ministry of Health
desk-referral-police = Police
desk-referral-civil-defense = Civil Defense
desk-referral-water = National Water Company
desk-referral-electricity = Saudi Electricity Company

## Filing for a caller

desk-file-title = File a case for a caller
desk-file-intro = For callers of the 940 centre. Ask in the caller's language and type what they say; the case then goes to the right team like any other.
desk-file-language = The caller's language
desk-file-phone = The caller's phone number
desk-file-hear-back = How the caller hears back
desk-file-whatsapp-yes = On WhatsApp at this number (ask the caller first)
desk-file-whatsapp-template = Updates go out as the approved WhatsApp template, because the caller has not written to us yet.
desk-file-whatsapp-no-template = No WhatsApp template is set up, so until the caller writes to us on WhatsApp each update waits on the case for an agent to pass on by phone.
desk-file-whatsapp-no = By phone only: each update waits on the case, and the caller can call 940 with the ticket number
desk-file-kind = Kind
desk-file-category = Category
desk-file-category-none = — (not a report) —
desk-file-description = What the caller says
desk-file-place = Where (neighbourhood, street, landmark)
desk-file-submit = File the case
desk-file-done = Filed: { $ticket }
desk-file-read-out = Read the number out to the caller: { $ticket }.
desk-file-hears-back-whatsapp = The caller will hear about each change on WhatsApp.
desk-file-hears-back-phone = Each change waits on the case to be passed on by phone.
desk-file-open-case = Open the case
desk-file-other-team = It went to another team's queue.

## Audit log

desk-audit-title = Audit log
desk-audit-when = When
desk-audit-who = Who
desk-audit-action = Action
desk-audit-agent = Username
desk-audit-object = Object
desk-audit-detail = Detail
desk-audit-address = Address

## Reports (supervisors)

desk-reports-title = Reports
desk-reports-range = { $count ->
    [one] 1 case
   *[other] { $count } cases
} filed from { $first } to { $last }
desk-reports-export = Export the table (CSV)
desk-reports-which-cases = The figures are about the cases filed on these days (Makkah time), whatever their status is now.
desk-reports-summary = Summary
desk-reports-cases = Cases
desk-reports-handled = Resolved or closed
desk-reports-sla-kept = Within the deadline
desk-reports-sla-detail = { $kept } on time, { $missed } late
desk-reports-median = Median time to resolve
desk-reports-reopen-rate = Reopened
desk-reports-fixed-yes-share = Answered "fixed"
desk-reports-per-day-by-group = Cases per day, by type
desk-reports-per-day-by-team = Cases per day, by team
desk-reports-per-day-by-group-label = Bar chart: the cases filed each day, split by type
desk-reports-per-day-by-team-label = Bar chart: the cases filed each day, split by team
desk-reports-show-numbers = Show the numbers
desk-reports-day = Day
desk-reports-total = Total
desk-reports-empty = No case was filed on these days.
desk-reports-map = Where the cases are
desk-reports-map-label = Map of the cases with a location, over the sub-municipalities
desk-reports-map-area = { $name }: { $count ->
    [one] 1 case
   *[other] { $count } cases
}
desk-reports-map-overdue = Open, past its deadline
desk-reports-map-open = Open
desk-reports-map-done = Resolved or closed
desk-reports-map-shown = On the map: the { $located } of { $cases } cases that have a location pin; a dot is one place (about { NUMBER($metres) } m), bigger for more cases. The darker a sub-municipality, the more cases it has.
desk-reports-map-outside = { $count ->
    [one] 1 case is outside the sub-municipalities and not drawn.
   *[other] { $count } cases are outside the sub-municipalities and not drawn.
}
desk-reports-map-dot-overdue = { $count ->
    [one] 1 open case past its deadline
   *[other] { $count } open cases past their deadline
}
desk-reports-map-dot-open = { $count ->
    [one] 1 open case
   *[other] { $count } open cases
}
desk-reports-map-dot-done = { $count ->
    [one] 1 case resolved or closed
   *[other] { $count } cases resolved or closed
}
desk-reports-teams = Teams
desk-reports-definitions = Within the deadline: cases resolved (or closed) by their deadline, out of those that are done or past their deadline. Median: half the cases took less time from filing to resolution, half took more. Reopened: cases reopened after being resolved (for example when the pilgrim answered "not fixed"), out of those resolved.
desk-reports-satisfaction = Satisfaction
desk-reports-fixed-question = "Is it fixed?"
desk-reports-no-answers = No pilgrim has answered "is it fixed?" for these cases yet.
desk-reports-chat-ratings = Live chat ratings
desk-reports-mean-rating = Average { NUMBER($mean, maximumFractionDigits: 1) } of 5, from { $count ->
    [one] 1 rating
   *[other] { $count } ratings
}
desk-reports-stars = { $stars } of 5 stars
desk-reports-no-ratings = No live chat was rated on these days.
desk-reports-chat-ratings-note = Ratings of the live chats that started on these days, by team; the type filter does not apply to them.
desk-reports-all-teams = All teams

## Accounts and teams

desk-admin-title = Accounts and teams
desk-admin-agents = Accounts
desk-admin-teams = Teams
desk-admin-username = Username
desk-admin-display-name = Name
desk-admin-password = Password
desk-admin-new-password = New password
desk-admin-role = Role
desk-admin-team = Team
desk-admin-no-team = — no team —
desk-admin-desk-language = Desk language
desk-admin-details = Details
desk-admin-state = State
desk-admin-actions = Actions
desk-admin-active = Active
desk-admin-disabled = Disabled
desk-admin-inactive = Inactive
desk-admin-locked = Locked
desk-admin-last-sign-in = Last sign-in
desk-admin-disable = Disable
desk-admin-enable = Enable
desk-admin-unlock = Unlock
desk-admin-reset = Reset the password
desk-admin-new-agent = New account
desk-admin-create = Create
desk-admin-password-rule = Passwords: at least 10 characters and not easy to guess (a few unrelated words work well). A reset signs the person out everywhere.
desk-admin-new-team = New team
desk-admin-slug = Code
desk-admin-name-ar = Name in Arabic
desk-admin-name-en = Name in English
desk-admin-deactivate = Deactivate
desk-admin-reactivate = Reactivate

## Labels of values

desk-status-new = New
desk-status-assigned = Assigned
desk-status-in-progress = In progress
desk-status-resolved = Resolved
desk-status-closed = Closed
desk-status-rejected = Not accepted
desk-status-reopened = Reopened
desk-priority-low = Low
desk-priority-normal = Normal
desk-priority-high = High
desk-priority-urgent = Urgent
desk-category-waste = Waste
desk-category-food-safety = Food safety
desk-category-water-sewage = Water and sewage
desk-category-road-hazard = Road hazard
desk-category-street-lighting = Street lighting
desk-category-animals-pests = Animals and pests
desk-category-public-toilets = Public toilets
desk-category-building-violation = Building violation
desk-category-street-vendors = Street vendors
desk-category-other = Other
desk-kind-report = Report
desk-kind-complaint = Complaint
desk-kind-home-visit = Home visit (Wajibna)
desk-kind-proxy-service = On-behalf service (Mutma'innun)
desk-kind-inquiry = Inquiry
desk-role-agent = Agent
desk-role-supervisor = Supervisor
desk-role-admin = Admin
desk-language-ar = Arabic
desk-language-en = English
desk-language-id = Indonesian
desk-language-ur = Urdu
desk-language-fa = Persian
desk-channel-telegram = Telegram
desk-channel-whatsapp = WhatsApp
desk-channel-webchat = Web chat
desk-channel-console = Console
desk-channel-phone = Phone (940)
desk-source-bot = by the pilgrim, in the chat
desk-source-desk = by an agent, for a caller
desk-source-open311 = through Open311
desk-sort-created-at-desc = Newest first
desk-sort-created-at = Oldest first
desk-sort-sla-due-at = Deadline, soonest first
desk-sort-sla-due-at-desc = Deadline, latest first
desk-sort-priority = Priority
desk-sort-updated-at-desc = Recently changed
desk-actor-pilgrim = The pilgrim
desk-actor-system = The system
desk-actor-agent = An agent
desk-event-created = Filed
desk-event-status-changed = Status
desk-event-note = Note
desk-event-team-changed = Moved to another team
desk-event-agent-assigned = Assigned to an agent
desk-event-priority-changed = Priority
desk-event-message-sent = Message to the pilgrim
desk-event-fix-asked = Asked "is it fixed?"
desk-event-fix-answered = The pilgrim answered "is it fixed?"
desk-event-satisfaction-rated = Satisfaction
desk-event-notification-held = Message held
desk-event-notification-failed = Message failed
desk-fix-yes = yes, fixed
desk-fix-no = no, not fixed
desk-delivery-pending = Waiting to be sent
desk-delivery-sending = Being sent
desk-delivery-sent = Sent
desk-delivery-failed = Failed
desk-delivery-held = Held: pass it on by phone
desk-extra-relationship = Relationship
desk-extra-name = Name
desk-extra-need = Need
desk-extra-situation = Situation
desk-extra-service = Service
desk-extra-when = When
desk-extra-sub-municipality = Sub-municipality
desk-action-sign-in = Signed in
desk-action-sign-in-failed = Failed sign-in
desk-action-sign-out = Signed out
desk-action-case-status = Changed a status
desk-action-case-note = Added a note
desk-action-case-message = Messaged a pilgrim
desk-action-case-assign = Assigned a case
desk-action-case-priority = Changed a priority
desk-action-case-phone-revealed = Revealed a phone number
desk-action-case-photo-view = Viewed a photo
desk-action-case-export = Exported cases
desk-action-report-export = Exported a report
desk-action-case-create = Filed a case for a caller
desk-action-agent-create = Created an account
desk-action-agent-change = Changed an account
desk-action-agent-disable = Disabled an account
desk-action-agent-enable = Enabled an account
desk-action-agent-reset-password = Reset a password
desk-action-agent-unlock = Unlocked an account
desk-action-agent-language = Changed their desk language
desk-action-team-create = Created a team
desk-action-team-change = Changed a team
desk-action-team-activate = Reactivated a team
desk-action-team-deactivate = Deactivated a team

## Live chats (/desk/chats)

desk-nav-chats = Live chats
desk-chats-title = Live chats
desk-chats-waiting = Waiting for an agent
desk-chats-active = With an agent
desk-chats-closed = Ended in the last 24 hours
desk-chats-none-waiting = Nobody is waiting.
desk-chats-none-active = No chat is with an agent.
desk-chats-none-closed = No chat ended in the last 24 hours.
desk-chats-chat-number = Chat { $number }
desk-chats-col-chat = Chat
desk-chats-col-position = Place in queue
desk-chats-col-language = Language
desk-chats-col-channel = Channel
desk-chats-col-reason = Why
desk-chats-col-case = Case
desk-chats-col-team = Team
desk-chats-col-since = Waiting since
desk-chats-col-agent = Agent
desk-chats-col-last-pilgrim = Pilgrim last wrote
desk-chats-col-status = Status
desk-chats-col-ended = Ended
desk-chats-col-rating = Rating
desk-chats-yours = yours
desk-chats-unanswered = unanswered
desk-chats-rating = { $rating } of 5
desk-chats-outside-hours = Outside the chat hours ({ $opens }–{ $closes } Makkah time). Pilgrims who ask for a person now are told that nobody is available, that their message is kept and will be answered here, and the 940 number.
desk-chats-no-script = This page updates itself while it is open. Without script, reload it to see new chats.
desk-chats-new-waiting-title = New chat waiting
desk-chats-live-lost = Live updates stopped. Reload the page to see new messages.
desk-chat-status-waiting = Waiting
desk-chat-status-with-agent = With an agent
desk-chat-status-ended = Ended
desk-chat-status-abandoned = Given back (nobody answered)
desk-chat-reason-asked = Asked for a person
desk-chat-reason-not-understood = The bot did not understand twice
desk-chat-reason-flow = From a bot answer ("not helpful")
desk-chat-reason-agent = Started by an agent
desk-chat-sender-pilgrim = Pilgrim
desk-chat-sender-agent = Agent
desk-chat-sender-bot = Bot
desk-chat-began = The chat with staff began here
desk-chat-conversation = Conversation
desk-chat-photo = Photo sent by the pilgrim
desk-chat-location = Location
desk-chat-unsupported = The pilgrim sent something the channel cannot pass on (a voice note, a file). They were told it cannot be read.
desk-chat-pressed = Pressed a button: { $choice }
desk-chat-you-typed = Typed by the agent (before translation):
desk-chat-translation = Machine translation:
desk-chat-canned-your-language = In your language:
desk-chat-translation-failed = The translation failed: this was sent or shown as typed.
desk-chat-canned-tag = Canned:
desk-chat-position = place { $position } in the queue
desk-chat-changed = This chat changed (claimed, passed on or ended).
desk-chat-reload = Reload
desk-chat-window-closed = The pilgrim last wrote on { $channel } more than 24 hours ago. { $channel } lets us write freely only within 24 hours of their last message: your reply is held (or sent as the approved notice, where one is set up) until they write again. If it is urgent, call them.
desk-chat-window-open = { $channel } lets us reply until
desk-chat-waiting-hint = Nobody has taken this chat yet. When you take it, the bot stops answering and the pilgrim is told your name.
desk-chat-claim = Take this chat
desk-chat-held-by = { $agent } is handling this chat.
desk-chat-language-warning = The pilgrim writes { $language }, not your desk language. What you type is sent exactly as typed: write in { $language } if you can, or use a canned reply.
desk-chat-reply = Reply to the pilgrim
desk-chat-reply-hint = Sent as typed through the pilgrim's own channel. To send a canned reply, type its shortcut, for example:
desk-chat-send-translated = Send it translated into { $language } (machine translation; sent as typed if it fails)
desk-chat-send = Send
desk-chat-canned = Canned reply
desk-chat-canned-texts = What each canned reply says
desk-chat-canned-hint = The pilgrim receives it in { $language }; you see it here in your language.
desk-chat-send-canned = Send the canned reply
desk-chat-transfer = Pass the chat on
desk-chat-transfer-agent = To a colleague of the team
desk-chat-transfer-agent-submit = Pass to this colleague
desk-chat-no-colleagues = No other agent of this team has an account.
desk-chat-transfer-team = To another team (the chat waits in its queue)
desk-chat-transfer-team-submit = Pass to this team
desk-chat-end-hint = Ending gives the chat back to the bot, which asks the pilgrim to rate it.
desk-chat-end = End the chat
desk-chat-over = This chat is over ({ $status }).
desk-chat-follow-up = Start a new chat with this pilgrim
desk-chat-back = Back to the live chats
desk-case-take-over-hint = Starts a live chat with the reporter on their channel, held by you at once.
desk-case-no-chat = The reporter cannot be reached by live chat (the case came by phone).
desk-error-chat-taken = Chat { $chat } was already taken by { $agent }.
desk-error-chat-taken-by-someone = This chat was already taken by another agent.
desk-error-chat-moved-on = This chat has moved on (taken, passed on or ended). Reload it to see where it is.
desk-error-canned-unknown = There is no canned reply with that name or shortcut.
desk-error-transfer-one = Choose either a colleague or a team to pass the chat to.
