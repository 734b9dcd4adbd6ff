# اعلان‌هایی که بعداً، وقتی چیزی تغییر کند، فرستاده می‌شوند.

case-status-changed =
    📣 خبر تازه دربارهٔ شمارهٔ پیگیری { $ticket_id }
    وضعیت: { $status ->
        [new] { case-status-new }
        [assigned] { case-status-assigned }
        [in_progress] { case-status-in-progress }
        [waiting] { case-status-waiting }
        [resolved] { case-status-resolved }
        [closed] { case-status-closed }
        [rejected] { case-status-rejected }
       *[other] { case-status-unknown }
    }
    برای دیدن جزئیات، همین شماره را برایم بفرستید.
