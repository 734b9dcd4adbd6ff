# Live chat with our staff (bot/handoff/, docs/handoff.md). Be honest: a person is
# promised only when someone is on duty; otherwise say what happens to the message.
# "Cancel" is the choice-cancel button shown under these messages.

# The chat is in the queue and someone of the team is on duty.
# $position: the chat's place in the queue (1 = next); $minutes: the expected wait
handoff-queued =
    I've passed your chat to our staff. You are number { $position } in the queue, and the wait is about { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
    Meanwhile, write your question here: a member of staff will read it and answer you in this chat. To go back to the assistant, tap Cancel.
# Outside the working hours. $opens: when chats open again (HH:MM, Makkah time);
# $when: today, tomorrow or later; $weekday: the day's name (for later);
# $hotline: the customer-service phone number (940)
handoff-closed =
    Our staff are not taking chats at this hour. Write your question here: it is kept, and a member of staff will answer you in this chat when chats open again { $when ->
        [today] today at { $opens }
        [tomorrow] tomorrow at { $opens }
       *[later] on { $weekday } at { $opens }
    } (Makkah time).
    For anything urgent, call { $hotline }, which answers around the clock. To go back to the assistant, tap Cancel.
# In the working hours, but nobody of the team is signed in.
# $hotline: the customer-service phone number (940)
handoff-nobody =
    No one from our staff is free to chat right now. Write your question here: it is kept, and a member of staff will answer you in this chat as soon as someone is available.
    For anything urgent, call { $hotline }, which answers around the clock. To go back to the assistant, tap Cancel.
# $agent: the staff member's name as they sign their messages
handoff-joined = { $agent } from the municipality's staff has joined the chat.
# $agent: the staff member's name; $ticket: the ticket number the chat is about
handoff-joined-case = { $agent } from the municipality's staff has joined the chat about your ticket { $ticket }.
handoff-transferred = Your chat has been passed to another team of our staff. Please stay here: someone from that team will answer you in this chat as soon as they can.
# The pilgrim left the queue (Cancel while waiting); the main menu follows.
handoff-left-queue = Your request to chat with our staff is cancelled. The assistant is back with you.
# Nobody answered in time; the main menu follows. $hotline: the customer-service phone number (940)
handoff-abandoned =
    Sorry, no one from our staff could answer you in time, so the assistant is back with you. Your messages are kept, and a member of staff may still reply to you here.
    For anything urgent, call { $hotline }.
# The agent ended the chat; the buttons are rating-5 … rating-1.
handoff-ask-rating = Your chat with our staff has ended, and the assistant is back with you. How did it go?
rating-5 = 😀 Very good
rating-4 = 🙂 Good
rating-3 = 😐 Okay
rating-2 = 🙁 Poor
rating-1 = 😞 Very poor
handoff-rating-thanks = Thank you for telling us.

## Days of the week (in "chats open again on Saturday at 08:00")

weekday-sat = Saturday
weekday-sun = Sunday
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
