# Canned replies: common answers an agent sends in a live chat (bot/handoff/canned.py).
# The id after "canned-" is the shortcut agents type; .title is the name they see
# (needed in ar and en, the desk languages). Write each reply as a member of the
# municipality's staff would, in every language. Only { $agent } (the agent's
# name) and { $hotline } may be used.

canned-greeting = Assalamu alaikum, I'm { $agent } from the municipality's customer service. How can I help you?
    .title = Greeting
canned-moment = One moment please, I'm looking into this for you.
    .title = One moment
canned-location = Could you share your location (a pin on the map), or tell me the nearest landmark, street or hotel?
    .title = Ask for the location
canned-photo = Could you send a photo of the problem? It helps our field team find it and fix it.
    .title = Ask for a photo
canned-forwarded = Thank you. I've passed this to the team responsible, and you'll get a message here when there is news.
    .title = Passed to the team
canned-hotline = For this, please call { $hotline }: the customer-service centre answers 24 hours a day in Arabic, English, Indonesian and Urdu.
    .title = Call 940
canned-anything-else = Is there anything else I can help you with?
    .title = Anything else?
canned-goodbye = Thank you for contacting the municipality. Have a blessed day.
    .title = Goodbye
