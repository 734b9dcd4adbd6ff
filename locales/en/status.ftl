# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = Please send your ticket number. It looks like { $example }.
# $digits: the seven digits the person sent
status-ticket-mistyped = The number { $digits } looks mistyped: one of the digits seems wrong. Please check it and send it again.
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = I couldn't find a ticket number in that. It has 7 digits and looks like { $example }.
# $ticket_id: the number the person asked about
status-not-found = I couldn't find ticket { $ticket_id }. Please check the number, or look at "My tickets".

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    Ticket { $ticket_id }
    Status: { $status }
    Type: { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    }
    Filed: { $created }
    Last update: { $updated }
    Description: { $description }
    Place: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    Ticket { $ticket_id }
    Status: { $status }
    Filed: { $created }
    Last update: { $updated }
    Only the person who filed it can see the details.

## Ticket statuses

case-status-new = Received
case-status-assigned = With the team
case-status-in-progress = Being worked on
case-status-reopened = Reopened
case-status-resolved = Resolved
case-status-closed = Closed
case-status-rejected = Not accepted
case-status-unknown = Being processed

## My tickets

# $count: how many tickets the person has filed
status-my-tickets =
    { $count ->
        [0] You have no tickets yet.
        [one] You have one ticket. Tap it to see the details.
       *[other] You have { $count } tickets. Tap one to see the details.
    }
# One button per ticket. $ticket_id, $category, $status: ready to show;
# $kind: report, home_visit or proxy_service ($request names the last two)
status-ticket-choice =
    { $ticket_id } · { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    } · { $status }

## Kinds of request (in summaries and ticket lists, where a report shows its category)

case-kind-home-visit = Home visit (Wajibna)
case-kind-proxy-service = On someone's behalf (Mutma'innun)
