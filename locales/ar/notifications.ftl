# إشعارات يرسلها صندوق الصادر لاحقًا عند تغيّر شيء.

case-status-changed =
    📣 تحديث بشأن الرقم { $ticket_id }
    الحالة: { $status ->
        [new] { case-status-new }
        [assigned] { case-status-assigned }
        [in_progress] { case-status-in-progress }
        [waiting] { case-status-waiting }
        [resolved] { case-status-resolved }
        [closed] { case-status-closed }
        [rejected] { case-status-rejected }
       *[other] { case-status-unknown }
    }
    لمعرفة التفاصيل، أرسل إليّ هذا الرقم.
