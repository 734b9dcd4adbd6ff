# Live chat with our staff (bot/handoff/, docs/handoff.md). Be honest: a person is
# promised only when someone is on duty; otherwise say what happens to the message.
# "Batal" is the choice-cancel button shown under these messages.

# $position: the chat's place in the queue (1 = next); $minutes: the expected wait
handoff-queued =
    Obrolan Anda sudah saya teruskan ke petugas kami. Anda berada di urutan ke-{ $position } dalam antrean, dengan perkiraan waktu tunggu sekitar { $minutes } menit.
    Sambil menunggu, silakan tulis pertanyaan Anda di sini: petugas kami akan membacanya dan membalas Anda di obrolan ini. Untuk kembali ke asisten, ketuk Batal.
# $opens: when chats open again (HH:MM, Makkah time); $when: today, tomorrow or later;
# $weekday: the day's name (for later); $hotline: the customer-service phone number (940)
handoff-closed =
    Saat ini petugas kami tidak sedang melayani obrolan. Silakan tulis pertanyaan Anda di sini: pesan Anda tersimpan, dan petugas kami akan membalas Anda di obrolan ini saat layanan obrolan dibuka kembali { $when ->
        [today] hari ini pukul { $opens }
        [tomorrow] besok pukul { $opens }
       *[later] hari { $weekday } pukul { $opens }
    } waktu Makkah.
    Untuk hal yang mendesak, telepon { $hotline }, yang melayani 24 jam. Untuk kembali ke asisten, ketuk Batal.
# $hotline: the customer-service phone number (940)
handoff-nobody =
    Saat ini belum ada petugas yang bisa melayani obrolan. Silakan tulis pertanyaan Anda di sini: pesan Anda tersimpan, dan petugas kami akan membalas Anda di obrolan ini begitu ada yang tersedia.
    Untuk hal yang mendesak, telepon { $hotline }, yang melayani 24 jam. Untuk kembali ke asisten, ketuk Batal.
# $agent: the staff member's name
handoff-joined = { $agent }, petugas pemerintah kota, telah bergabung dalam obrolan.
# $agent: the staff member's name; $ticket: the ticket number the chat is about
handoff-joined-case = { $agent }, petugas pemerintah kota, telah bergabung dalam obrolan tentang laporan Anda { $ticket }.
handoff-transferred = Obrolan Anda telah diteruskan ke tim petugas yang lain. Mohon tetap di sini: petugas dari tim tersebut akan membalas Anda di obrolan ini secepatnya.
handoff-left-queue = Permintaan obrolan dengan petugas sudah dibatalkan. Asisten kembali melayani Anda.
# $hotline: the customer-service phone number (940)
handoff-abandoned =
    Mohon maaf, belum ada petugas kami yang sempat membalas Anda, jadi asisten kembali melayani Anda. Pesan Anda tetap tersimpan, dan petugas kami mungkin masih akan membalas Anda di sini.
    Untuk hal yang mendesak, telepon { $hotline }.
handoff-ask-rating = Obrolan Anda dengan petugas kami sudah selesai, dan asisten kembali melayani Anda. Bagaimana pelayanan kami tadi?
rating-5 = 😀 Sangat baik
rating-4 = 🙂 Baik
rating-3 = 😐 Cukup
rating-2 = 🙁 Kurang
rating-1 = 😞 Sangat kurang
handoff-rating-thanks = Terima kasih atas penilaian Anda.

## Days of the week (in "hari Sabtu pukul 08:00")

weekday-sat = Sabtu
weekday-sun = Minggu
weekday-mon = Senin
weekday-tue = Selasa
weekday-wed = Rabu
weekday-thu = Kamis
weekday-fri = Jumat
