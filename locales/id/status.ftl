# Checking a ticket (flows check_status and my_tickets).

# $example: what a ticket number looks like, e.g. MK-1234566
status-ask-ticket = Silakan kirim nomor laporan atau nomor permohonan Anda. Contohnya: { $example }.
# $digits: the seven digits the person sent
status-ticket-mistyped = Sepertinya ada angka yang salah ketik pada nomor { $digits }. Silakan periksa dan kirim lagi.
# $example: what a ticket number looks like, e.g. MK-1234566
status-ticket-absent = Saya tidak menemukan nomor laporan atau permohonan dalam pesan itu. Nomornya terdiri dari 7 angka, contohnya { $example }.
# $ticket_id: the number the person asked about
status-not-found = Saya tidak menemukan laporan atau permohonan dengan nomor { $ticket_id }. Silakan periksa nomornya, atau lihat "Laporan saya".

## Ticket details

# Shown to the person who filed the ticket.
# $status, $category: ready to show; $created, $updated: dates
status-owner =
    Nomor: { $ticket_id }
    Status: { $status }
    Jenis: { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    }
    Diajukan: { $created }
    Pembaruan terakhir: { $updated }
    Keterangan: { $description }
    Lokasi: { $location }
# Shown to anyone else who knows the number: no details, only the progress.
status-public =
    Nomor: { $ticket_id }
    Status: { $status }
    Diajukan: { $created }
    Pembaruan terakhir: { $updated }
    Hanya pengirimnya yang dapat melihat detailnya.

## Ticket statuses

case-status-new = Diterima
case-status-assigned = Diteruskan ke tim
case-status-in-progress = Sedang dikerjakan
case-status-reopened = Dibuka kembali
case-status-resolved = Sudah ditangani
case-status-closed = Ditutup
case-status-rejected = Tidak diterima
case-status-unknown = Sedang diproses

## My tickets

# $count: how many tickets the person has filed
# (Indonesian has only the plural category "other"; [0] and [1] are exact numbers.)
status-my-tickets =
    { $count ->
        [0] Anda belum memiliki laporan.
        [1] Anda memiliki 1 laporan. Ketuk untuk melihat detailnya.
       *[other] Anda memiliki { $count } laporan. Ketuk salah satu untuk melihat detailnya.
    }
# One button per ticket. $ticket_id, $category, $status: ready to show;
# $kind: report, home_visit or proxy_service ($request names the last two)
status-ticket-choice =
    { $ticket_id } · { $kind ->
       *[report] { $category }
        [home_visit] { $request }
        [proxy_service] { $request }
    } · { $status }

## Jenis permohonan (di ringkasan dan daftar tiket, tempat laporan menampilkan jenis masalahnya)

case-kind-home-visit = Kunjungan rumah (Wajibna)
case-kind-proxy-service = Mewakili orang lain (Mutma'innun)
