# Jawaban singkat yang diketik orang sebagai ganti menekan tombol. Tidak
# ditampilkan: dibaca oleh bot. Sebuah pesan berarti "ya" (atau "tidak",
# "lewati", ...) bila setiap katanya ada di daftar itu atau di daftar
# `words-filler`, dan minimal satu ada di daftar itu: "iya kirim", "gak ada
# foto", "menu utama". Daftar semua bahasa dibaca bersama, jadi tulis bentuk
# yang benar-benar diketik orang, termasuk bahasa gaul. Pisahkan dengan koma.

# Ya: jawaban pertanyaan ya/tidak dan persetujuan ringkasan ("Kirim sekarang?").
words-yes =
    ya, iya, iyah, iyaa, yoi, y, ok, oke, okey, okay, sip, siap, betul, benar,
    bener, setuju, kirim, kirimkan, kirimin, lanjut, lanjutkan, boleh, tentu,
    pasti, baik, mantap, yup, gas
# Tidak: jawaban pertanyaan ya/tidak dan di ringkasan.
words-no =
    tidak, tdk, nggak, ngga, ngak, enggak, engga, gak, ga, gk, nda, ndak, tak,
    bukan, jangan, ogah
# Melewati pertanyaan yang boleh dilewati (foto, nomor telepon). "Tidak" juga melewati.
words-skip =
    lewati, lewat, lompati, skip, nanti, tanpa, kosong, gausah, gaada, gakada,
    nggakada, tidakada, belum
# Menu utama, diketik sendiri ("menu", "kembali ke menu").
words-menu =
    menu, menyu
# Kata-kata salam: "Wa'alaikumussalam" hanya menjawab ini.
words-salam =
    assalamualaikum, assalamu'alaikum, asalamualaikum, assalamualaikom, salam,
    assalam, alaikum, mualaikum, wr, wb, warahmatullah, wabarakatuh
# Sapaan saja ("halo", "selamat pagi"): dijawab dengan sapaan dan menu.
words-hello =
    halo, hallo, helo, hei, hay, selamat, pagi, siang, sore, malam
# Ucapan terima kasih saja.
words-thanks =
    terima, kasih, makasih, makasi, terimakasih, trimakasih, trims, tengkyu, matur, nuwun,
    suwun, hatur, nuhun
# Pamit saja ("dadah"): laporan yang belum selesai disimpan sampai ia kembali.
words-bye =
    dadah, dada, jumpa, babay
# Kata yang boleh menyertai jawaban singkat apa pun tanpa mengubahnya.
words-filler =
    ada, punya, foto, fotonya, gambar, gambarnya, nomor, nomer, nomornya, hp,
    telepon, telpon, wa, saya, aku, gue, gw, kak, pak, bu, mas, mbak, bang,
    terima, kasih, makasih, trims, tolong, dulu, sudah, udah, usah, aja, saja,
    deh, sih, dong, kok, ya, utama, kembali, ke, buka, lagi, mau, ini, itu
