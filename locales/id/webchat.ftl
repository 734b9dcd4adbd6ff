# The web chat page's own few words (the bot's messages come from the other files).
# Buttons stay short: they sit side by side on a phone screen.

# The name of this language, written in this language (shown in the language picker).
webchat-language-name = Bahasa Indonesia
webchat-title = Labbaik · Layanan Pelanggan Pemkot 940
webchat-language = Bahasa
webchat-choose-language = Pilih bahasa Anda
webchat-message-label = Pesan
webchat-placeholder = Ketik pesan
webchat-send = Kirim
webchat-share-location = Bagikan lokasi saya
webchat-photo = Foto
# Shown in the person's own bubble after they shared a location or sent a photo.
webchat-location-shared = Lokasi dibagikan
webchat-photo-sent = Foto terkirim
webchat-sending = Mengirim…
webchat-you = Anda
webchat-bot = Labbaik
webchat-error-location-denied = Akses lokasi tidak diizinkan. Anda bisa mengetik alamat atau nama tempat terdekat sebagai gantinya.
webchat-error-location-unavailable = Lokasi Anda tidak dapat ditemukan. Anda bisa mengetik alamat atau nama tempat terdekat sebagai gantinya.
webchat-error-network = Pesan tidak dapat dikirim. Periksa koneksi Anda, lalu coba lagi.
webchat-error-server = Terjadi kesalahan di pihak kami. Silakan coba lagi sebentar lagi.
webchat-error-bad-request = Pesan ini tidak dapat dikirim. Silakan coba lagi; jika tombolnya tidak berfungsi, ketik jawaban Anda atau nomor pilihannya.
webchat-error-slow-down = Anda mengirim pesan terlalu cepat. Tunggu sebentar, lalu coba lagi.
# Shown when the browser runs no JavaScript. $hotline: the 940 number
webchat-noscript = Obrolan ini memerlukan JavaScript. Aktifkan JavaScript, kirim pesan kepada kami lewat WhatsApp atau Telegram, atau telepon { $hotline }.
