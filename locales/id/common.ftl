# Common messages: the main menu, shared buttons, help, small talk, errors.
# Buttons stay short (about 20 characters) so they fit on a phone.

## Main menu

# First contact (/start) and when the person says hello.
menu-welcome =
    Assalamu'alaikum, selamat datang di Labbaik 🌿
    Saya asisten virtual pemerintah kota. Saya bisa menerima laporan tentang suatu masalah, memberi tahu status laporan Anda, menjawab pertanyaan seputar layanan pemerintah kota, atau meneruskan obrolan Anda ke petugas kami.
menu-prompt = Ada yang bisa saya bantu? Ketuk salah satu pilihan, atau langsung ketik pertanyaan Anda.
menu-anything-else = Ada lagi yang bisa saya bantu?

menu-report = Laporkan masalah
menu-status = Cek laporan
menu-my-tickets = Laporan saya
menu-language = Bahasa
menu-help = Bantuan
menu-agent = Hubungi petugas

## Shared buttons

choice-skip = Lewati
choice-cancel = Batal
choice-yes = Ya
choice-no = Tidak
choice-menu = Menu utama
choice-confirm = Kirim
choice-edit = Ubah

## Cancel, help and small talk

cancelled = Baik, dibatalkan. Tidak ada laporan atau permohonan yang dikirim.
# $hotline: the customer-service phone number (940)
help =
    Ini yang bisa saya bantu:
    • menerima laporan masalah di kota (sampah, kebocoran air, bahaya di jalan, keamanan pangan, dan lainnya)
    • memberi tahu status laporan atau permohonan Anda
    • menjawab pertanyaan seputar layanan pemerintah kota dan titik layanannya
    • mengganti bahasa percakapan
    Ketik "batal" kapan saja untuk berhenti, atau "menu" untuk mulai lagi. Untuk masalah mendesak di kota, telepon { $hotline } (24 jam).
greet-reply = Wa'alaikumussalam! Ada yang bisa saya bantu hari ini?
thank-reply = Sama-sama! Senang bisa membantu.
goodbye-reply = Jaga diri baik-baik, semoga masa tinggal Anda penuh berkah. Saya siap membantu kapan pun Anda butuhkan.
out-of-scope = Mohon maaf, hal itu di luar yang bisa saya bantu di sini. Ini yang bisa saya lakukan:

## Not understood

please-choose = Silakan pilih salah satu opsi: ketuk tombolnya atau kirim nomornya.
please-use-menu = Mohon maaf, saat ini saya belum bisa membaca pertanyaan yang diketik. Silakan pilih dari menu.
clarify = Mohon maaf, saya kurang paham. Apakah maksud Anda salah satu dari ini?
# $hotline: the customer-service phone number (940)
handoff-offer = Mohon maaf, saya masih belum paham. Anda bisa menuliskannya dengan kata lain atau memilih dari menu, atau ketuk Hubungi petugas untuk meneruskan obrolan Anda ke petugas kami. Anda juga bisa menelepon { $hotline } kapan saja.
# $hotline: the customer-service phone number (940)
handoff-hotline = Saat ini belum ada layanan obrolan dengan petugas di sini. Untuk berbicara langsung dengan petugas, silakan telepon { $hotline }: pusat layanan pelanggan melayani 24 jam dalam bahasa Arab, Inggris, Indonesia, dan Urdu.
# $hotline: the customer-service phone number (940)
error-service = Mohon maaf, terjadi gangguan di sistem kami. Silakan coba lagi sebentar lagi, atau hubungi { $hotline }.

## Answers that did not fit the question (the question is asked again after these)

error-text-expected = Silakan ketik jawaban Anda sebagai pesan.
# $min: the fewest characters allowed
# (Indonesian nouns do not change with the number: no plural selector needed.)
error-text-too-short = Jawabannya agak pendek. Silakan tulis minimal { $min } karakter.
# $max: the most characters allowed
error-text-too-long = Jawabannya terlalu panjang. Silakan tulis maksimal { $max } karakter.
error-location-expected = Silakan bagikan pin lokasi Anda, atau ketik nama tempatnya: nama jalan, nama hotel, atau nomor tenda/maktab di Mina.
error-location-too-short = Mohon jelaskan tempatnya sedikit lebih rinci, misalnya nama jalan atau nama hotel.
error-photo-expected = Silakan kirim foto, atau pilih Lewati.
error-phone-invalid = Sepertinya itu bukan nomor telepon. Silakan kirim angkanya, misalnya 0501234567, atau bagikan kontak Anda.
error-yes-no = Silakan jawab Ya atau Tidak.

## Checking answers before sending

confirm-edit-which = Bagian mana yang ingin Anda ubah?
summary-skipped = Tidak ada
# The value after "Foto:" in the report summary.
summary-photo-attached = Terlampir
# $lat, $lon: the coordinates of a shared pin
summary-location-pin = Pin di peta ({ $lat }, { $lon })

## Salam, lambat memahami, tombol lama

# Sapaan apa pun yang bukan salam ("halo", "hai", "selamat pagi").
greet-reply-hello = Halo! Ada yang bisa saya bantu hari ini?
# Diucapkan di tengah pertanyaan bila teks yang diketik butuh layanan pemahaman
# bahasa dan layanan itu tidak menjawab tepat waktu; pertanyaannya menyusul.
nlu-slow = Saat ini saya lambat memahami pesan yang diketik. Anda bisa memakai tombol, atau coba lagi sebentar lagi.
# Tombol dari pesan lama yang tidak bisa dijalankan lagi; posisi sekarang menyusul.
choice-expired = Tombol itu dari pesan sebelumnya dan sudah tidak berfungsi. Ini posisi kita sekarang:

## Isian yang belum selesai dan disimpan

choice-resume = Lanjutkan
choice-discard = Hapus saja
# Tombol pertama di menu selama ada isian yang belum selesai.
draft-button = ↩ Lanjutkan yang tadi
draft-offer = Yang kita mulai tadi belum selesai, dan belum ada yang terkirim. Mau dilanjutkan?
draft-resumed = Kita lanjutkan dari yang tadi.
draft-discarded = Baik, sudah saya hapus. Tidak ada yang terkirim.
draft-dropped = Ada beberapa isian Anda yang belum selesai, jadi yang paling lama saya hapus. Tidak ada yang terkirim darinya.
draft-expired = Sebuah isian yang belum selesai sejak lebih dari seminggu lalu telah dihapus. Tidak ada yang terkirim darinya.
# Admin mengubah formulir saat orang sedang mengisinya.
flow-changed = Formulir ini baru saja diperbarui. Jawaban Anda sejauh ini tetap tersimpan; mari kita lanjutkan.
flow-gone = Formulir yang sedang Anda isi sudah tidak tersedia, jadi tidak ada yang terkirim. Silakan mulai lagi dari menu.

## Bila sebuah pesan bisa berarti dua hal

# Diikuti satu tombol untuk masing-masing arti.
meant-which = Supaya tidak salah, yang Anda maksud yang mana?
choice-new-problem = Masalah baru
# Orang itu punya laporan yang masih terbuka dan membicarakan masalah lagi.
# $count: jumlah laporan yang ditampilkan; $ticket_id: yang pertama
recall-which =
    { $count ->
        [one] Apakah ini tentang laporan Anda { $ticket_id }, atau masalah baru?
       *[other] Apakah ini tentang salah satu laporan Anda, atau masalah baru?
    }
# Menanyakan "laporan saya" tanpa nomor dan punya beberapa.
recall-pick = Yang mana maksud Anda? Ketuk untuk melihat statusnya.
recall-another = Nomor lain
# Satu tombol per tiket. $ticket_id; $what: jenis masalahnya, atau jenis permohonannya
recall-ticket-choice = { $ticket_id } · { $what }
