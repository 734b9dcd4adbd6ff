# Pemberitahuan yang dikirim kemudian saat ada perubahan.

## A case's status changed

case-status-changed =
    📣 Kabar terbaru untuk nomor { $ticket_id }
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
    Untuk melihat rinciannya, kirimkan nomor itu kepada saya.
case-update-new = Status: Diterima. Sedang menunggu tim yang berwenang.
case-update-assigned = Status: Diteruskan ke tim. Seorang petugas dari tim terkait sudah menanganinya.
case-update-in-progress = Status: Sedang dikerjakan. { $category ->
        [waste] Petugas kebersihan sedang menuju lokasi.
        [food_safety] Petugas pengawas keamanan pangan sedang menindaklanjutinya.
        [water_sewage] Petugas air dan saluran pembuangan sedang menuju lokasi.
        [road_hazard] Petugas perbaikan jalan sedang menuju lokasi.
        [street_lighting] Tim perawatan lampu jalan sedang menanganinya.
        [animals_pests] Tim pengendalian hama sedang menuju lokasi.
        [public_toilets] Petugas toilet umum sedang menuju lokasi.
        [building_violation] Pengawas bangunan sedang menindaklanjutinya.
        [street_vendors] Pengawas pasar sedang menindaklanjutinya.
       *[other] Tim sedang mengerjakannya sekarang.
    }
case-update-resolved = Status: Sudah ditangani. { $category ->
        [waste] Lokasinya sudah dibersihkan.
        [food_safety] Petugas pengawas sudah mendatangi tempat itu dan mengambil tindakan.
        [water_sewage] Kebocoran atau sumbatannya sudah diperbaiki.
        [road_hazard] Bahayanya sudah diperbaiki atau diamankan.
        [street_lighting] Lampunya sudah diperbaiki.
        [animals_pests] Lokasinya sudah ditangani.
        [public_toilets] Toiletnya sudah dibersihkan dan diperbaiki.
        [building_violation] Pelanggarannya sudah ditindak.
        [street_vendors] Petugas pengawas sudah menertibkannya.
       *[other] Tim sudah selesai menanganinya.
    }
case-update-closed = Status: Ditutup. Terima kasih telah membantu kami menjaga Makkah.
case-update-rejected = Status: Tidak diterima. Kami tidak dapat menindaklanjutinya.
case-update-reopened = Status: Dibuka kembali. Tim akan memeriksanya lagi.

## Other messages about a case

case-agent-message =
    💬 Pesan dari petugas pemerintah kota tentang nomor { $ticket_id }:
    { $message }
case-referral = Hal ini ditangani oleh instansi lain: { $referral }. Silakan hubungi mereka secara langsung.

## "Is it fixed?"

case-fix-question = Nomor { $ticket_id } sudah ditandai selesai. Apakah masalahnya benar-benar sudah beres?
case-fix-yes = Ya, sudah beres
case-fix-no = Belum
case-fix-thanks-yes = Terima kasih atas konfirmasinya! Nomor { $ticket_id } sekarang ditutup.
case-fix-thanks-no = Mohon maaf, masalahnya belum beres. Nomor { $ticket_id } sudah kami buka kembali dan tim akan memeriksanya lagi.
case-fix-too-late = Nomor { $ticket_id } tidak lagi menunggu jawaban ini. Untuk melihat statusnya, kirimkan nomor itu kepada saya.
