# Notifications the outbox sends later, when something changes.

# A case's status changed. $ticket_id; $status and $previous_status are
# status values (new, assigned, in_progress, waiting, resolved, closed,
# rejected; any other, such as reopened, reads "Being processed").
case-status-changed =
    📣 Update on your ticket { $ticket_id }
    Status: { $status ->
        [new] { case-status-new }
        [assigned] { case-status-assigned }
        [in_progress] { case-status-in-progress }
        [waiting] { case-status-waiting }
        [resolved] { case-status-resolved }
        [closed] { case-status-closed }
        [rejected] { case-status-rejected }
       *[other] { case-status-unknown }
    }
    To see the details, send me the ticket number.
