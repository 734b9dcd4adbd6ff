# اطلاعات جو بعد میں بھیجی جاتی ہیں جب کچھ بدلتا ہے۔

case-status-changed =
    📣 نمبر { $ticket_id } کے بارے میں تازہ اطلاع
    صورتِ حال: { $status ->
        [new] { case-status-new }
        [assigned] { case-status-assigned }
        [in_progress] { case-status-in-progress }
        [waiting] { case-status-waiting }
        [resolved] { case-status-resolved }
        [closed] { case-status-closed }
        [rejected] { case-status-rejected }
       *[other] { case-status-unknown }
    }
    تفصیل دیکھنے کے لیے مجھے یہی نمبر بھیجیں۔
