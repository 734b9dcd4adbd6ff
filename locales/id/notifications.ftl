# Pemberitahuan yang dikirim kemudian saat ada perubahan.

case-status-changed =
    📣 Kabar terbaru untuk nomor { $ticket_id }
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
    Untuk melihat rinciannya, kirimkan nomor itu kepada saya.
