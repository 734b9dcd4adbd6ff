# Canned replies: common answers an agent sends in a live chat (bot/handoff/canned.py).
# The id after "canned-" is the shortcut agents type; agents see the reply's name in
# the desk languages (ar, en). Only { $agent } and { $hotline } may be used.

canned-greeting = Assalamu'alaikum, saya { $agent } dari layanan pelanggan pemerintah kota. Ada yang bisa saya bantu?
canned-moment = Mohon tunggu sebentar, saya sedang memeriksanya untuk Anda.
canned-location = Bisakah Anda membagikan lokasi Anda (pin di peta), atau menyebutkan tempat, jalan, atau hotel terdekat?
canned-photo = Bisakah Anda mengirim foto masalahnya? Foto membantu tim lapangan kami menemukan dan menanganinya.
canned-forwarded = Terima kasih. Hal ini sudah saya teruskan ke tim yang bertanggung jawab, dan Anda akan menerima pesan di sini jika ada kabar terbaru.
canned-hotline = Untuk hal ini, silakan telepon { $hotline }: pusat layanan pelanggan melayani 24 jam dalam bahasa Arab, Inggris, Indonesia, dan Urdu.
canned-anything-else = Ada lagi yang bisa saya bantu?
canned-goodbye = Terima kasih telah menghubungi pemerintah kota. Semoga hari Anda penuh berkah.
