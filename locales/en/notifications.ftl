# Notifications the outbox sends later, when something changes.

# A case's status changed. $ticket_id; $status and $previous_status are
# status values (new, in_progress, waiting, resolved, closed, rejected).
case-status-changed =
    📣 Update on your ticket { $ticket_id }
    Status: { $status ->
        [new] { case-status-new }
        [in_progress] { case-status-in-progress }
        [waiting] { case-status-waiting }
        [resolved] { case-status-resolved }
        [closed] { case-status-closed }
        [rejected] { case-status-rejected }
       *[other] { case-status-unknown }
    }
    To see the details, send me the ticket number.
