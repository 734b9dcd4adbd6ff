# Messages about what a person sent, whatever the channel.

# A sticker, voice note, poll, video or anything else we cannot read.
unsupported-message = Mohon maaf, saya hanya bisa membaca teks, lokasi, dan foto. Silakan ketik pesan Anda, bagikan lokasi, atau kirim foto.
# $megabytes: the largest photo we accept, in megabytes
media-too-large = Foto itu terlalu besar. Silakan kirim foto yang ukurannya kurang dari { $megabytes } MB.
media-wrong-type = Saya hanya bisa menerima foto (JPEG, PNG, atau WebP). Silakan kirim gambarnya sebagai foto, bukan sebagai file.
media-unreadable = Saya tidak bisa mengunduh foto itu. Silakan coba kirim lagi.
# Said when free text needs the language service and it is not answering.
nlu-unavailable = Saat ini saya belum bisa membaca pertanyaan yang diketik, tetapi tombolnya tetap berfungsi. Silakan pilih dari menu.
