# Notifications the outbox sends later, when something changes.

## A case's status changed (on the desk, or through Open311)

# $ticket_id; $status: new, assigned, in_progress, resolved, closed, rejected,
# reopened; $category: the report's category (waste, food_safety, ...; empty
# for a service request). The agent's own words go in case-agent-message.
case-status-changed =
    📣 Update on your ticket { $ticket_id }
    { $status ->
        [new] { case-update-new }
        [assigned] { case-update-assigned }
        [in_progress] { case-update-in-progress }
        [resolved] { case-update-resolved }
        [closed] { case-update-closed }
        [rejected] { case-update-rejected }
        [reopened] { case-update-reopened }
       *[other] { case-status-unknown }
    }
    To see the details, send me the ticket number.
case-update-new = Status: Received. It is waiting for the responsible team.
case-update-assigned = Status: With the team. A member of the responsible team has taken it on.
case-update-in-progress = Status: Being worked on. { $category ->
        [waste] A cleaning crew is on its way.
        [food_safety] Food safety inspectors are following it up.
        [water_sewage] A water and sewage crew is on its way.
        [road_hazard] A road maintenance crew is on its way.
        [street_lighting] The street lighting team is on it.
        [animals_pests] The pest control team is on its way.
        [public_toilets] The public toilets team is on its way.
        [building_violation] Building inspectors are following it up.
        [street_vendors] Market inspectors are following it up.
       *[other] The team is working on it now.
    }
case-update-resolved = Status: Resolved. { $category ->
        [waste] The place has been cleaned.
        [food_safety] The inspectors have visited and taken action.
        [water_sewage] The leak or blockage has been repaired.
        [road_hazard] The hazard has been repaired or made safe.
        [street_lighting] The light has been repaired.
        [animals_pests] The area has been treated.
        [public_toilets] The toilets have been cleaned and repaired.
        [building_violation] The violation has been dealt with.
        [street_vendors] The inspectors have dealt with it.
       *[other] The team has dealt with it.
    }
case-update-closed = Status: Closed. Thank you for helping us look after Makkah.
case-update-rejected = Status: Not accepted. We could not take this further.
case-update-reopened = Status: Reopened. The team will look at it again.

## Other messages about a case

# What an agent typed for the pilgrim, sent as typed. $message: the agent's text
case-agent-message =
    💬 A message from the municipality about { $ticket_id }:
    { $message }
# After "not accepted": who is responsible instead. $referral: that body's name
case-referral = This is handled by another body: { $referral }. Please contact them directly.

## "Is it fixed?" (sent when a case is resolved; two buttons)

case-fix-question = Ticket { $ticket_id } has been marked as resolved. Is the problem really fixed?
case-fix-yes = Yes, it's fixed
case-fix-no = No, not yet
case-fix-thanks-yes = Thank you for confirming! Ticket { $ticket_id } is now closed.
case-fix-thanks-no = We're sorry it isn't fixed yet. We have reopened ticket { $ticket_id } and the team will look at it again.
# The answer came after the case was closed (or was answered already)
case-fix-too-late = Ticket { $ticket_id } is no longer waiting for this answer. To see where it stands, send me the number.
