# Mustasharak Al-Amin (konsultan) dan Mustamirrun: basis pengetahuan.
# Struktur: bot/municipal/data/consultant.yaml. Jawaban muat di layar ponsel.

## Menu konsultan

kb-consultant-intro =
    Mustasharak Al-Amin — konsultan pemerintah kota. Pertanyaan Anda tentang apa?
kb-choice = { $label }

kb-topic-engineering-offices = Kantor teknik
kb-topic-engineering-offices-intro = Kantor teknik (konsultan bangunan): apa yang ingin Anda ketahui?
kb-topic-residential-building = Membangun rumah
kb-topic-residential-building-intro = Membangun gedung hunian: apa yang ingin Anda ketahui?
kb-topic-shops = Toko dan usaha makanan
kb-topic-shops-intro = Toko dan usaha makanan: apa yang ingin Anda ketahui?
kb-topic-sub-municipalities = Wilayah baladiyah
kb-topic-sub-municipalities-intro = Baladiyah (kantor wilayah) mana yang melayani suatu daerah?
kb-topic-investment = Proyek dan investasi
kb-topic-investment-intro = Proyek mendatang dan peluang investasi: apa yang ingin Anda ketahui?
kb-topic-transactions = Izin dan urusan
kb-topic-transactions-intro = Layanan Mustamirrun: urusan yang mana?
kb-topic-contacts = Nomor telepon
kb-topic-contacts-intro = Nomor telepon pemerintah kota:

## Kantor teknik

kb-eng-categories-label = Kategori kantor
kb-eng-categories =
    Kantor teknik berizin dan diklasifikasikan dalam kategori. Kategori menentukan besar dan jenis proyek yang boleh ditangani: makin tinggi kategorinya, makin besar dan rumit bangunan yang boleh dirancang dan diawasinya.
    Sebelum menandatangani kontrak, pastikan izin kantor masih berlaku dan kategorinya mencakup proyek Anda.
kb-eng-permissions-label = Wewenang kantor
kb-eng-permissions =
    Dalam batas kategorinya, kantor teknik berizin boleh:
    • menyiapkan gambar arsitektur dan struktur
    • menyiapkan dan mengajukan permohonan izin bangunan
    • mengawasi pekerjaan di lokasi
    • menerbitkan laporan untuk sertifikat penyelesaian bangunan dan pemecahan lahan
    Kantor tidak boleh mengerjakan proyek di atas kategorinya.
kb-eng-verify-label = Cek sebuah kantor
kb-eng-verify =
    Untuk mengecek kantor teknik, cari di platform Balady (balady.gov.sa) dengan nama atau nomor izinnya: terlihat apakah izinnya berlaku dan apa kategorinya.
    Keberatan atas pekerjaan sebuah kantor dapat Anda laporkan kepada kami sebagai pengaduan.

## Membangun gedung hunian

kb-build-permit-label = Izin bangunan
kb-build-permit =
    Setiap bangunan hunian baru memerlukan izin bangunan sebelum pekerjaan dimulai. Izin diajukan di platform Balady melalui kantor teknik berizin. Biasanya diperlukan:
    • sertifikat (akta) tanah
    • laporan ukur atau denah lokasi
    • gambar arsitektur dan struktur
    • identitas pemilik
    Kantor teknik mengajukan dan mengurusnya dengan baladiyah setempat.
kb-build-requirements-label = Ketentuan bangunan
kb-build-requirements =
    Jumlah lantai, jarak bangunan dari jalan dan tetangga, serta tempat parkir mengikuti ketentuan bangunan di daerah Anda dan lebar jalannya — berbeda dari satu kawasan ke kawasan lain. Ketentuan keselamatan Pertahanan Sipil juga berlaku.
    Kantor teknik Anda memeriksa gambar sesuai ketentuan itu sebelum diajukan.
kb-build-during-label = Selama pembangunan
kb-build-during =
    Selama pembangunan:
    • simpan izin di lokasi
    • pasang pagar dan jaga trotoar serta jalan tetap bebas
    • kantor berizin mengawasi pekerjaan
    Setelah selesai, ajukan sertifikat penyelesaian bangunan; sertifikat ini diperlukan untuk penyambungan listrik dan air.

## Toko dan usaha makanan

kb-shop-licence-label = Izin toko
kb-shop-licence =
    Toko memerlukan izin usaha dari pemerintah kota, diajukan di platform Balady. Biasanya diperlukan: registrasi usaha (Commercial Registration), kontrak sewa, toko yang memenuhi ketentuan teknis, keselamatan Pertahanan Sipil, dan izin papan nama.
    Izin diperpanjang sebelum habis; izin dapat dicetak di posko Itlala di masjid-masjid besar.
kb-shop-technical-label = Ketentuan teknis
kb-shop-technical =
    Ketentuan teknis umum untuk toko:
    • lantai, dinding dan plafon bersih dan utuh
    • penerangan dan ventilasi yang baik
    • alat pemadam api dan jalan keluar yang jelas
    • papan nama dengan ukuran dan desain yang disetujui
    • tidak memajang barang di trotoar
    • akses bagi penyandang disabilitas bila diwajibkan
kb-shop-food-label = Usaha makanan
kb-shop-food =
    Usaha makanan punya ketentuan lebih ketat:
    • sertifikat kesehatan yang berlaku untuk setiap pekerja
    • permukaan halus yang mudah dicuci; wastafel cuci tangan
    • makanan mentah dan matang dipisah; makanan dingin pada 0–5 °C
    • kontrak pengendalian hama
    • sampah di tempat tertutup, dikosongkan setiap hari

## Proyek dan investasi

kb-invest-opportunities-label = Peluang investasi
kb-invest-opportunities =
    Pemerintah kota menawarkan lahan dan proyek investasi melalui tender umum yang diumumkan di platform Furas (furas.momrah.gov.sa). Di sana Anda dapat melihat peluang yang ada, syarat dan tenggat waktunya, lalu mengajukan penawaran.
kb-invest-projects-label = Proyek mendatang
kb-invest-projects =
    Pemerintah kota mengumumkan proyek mendatangnya — jalan, taman, pasar dan layanan — di situs resmi dan akun-akunnya. Untuk proyek di daerah Anda, Mustasharak Al-Amin dapat memberi tahu apa yang sudah diumumkan.

## Urusan (Mustamirrun)

kb-tx-licence-printing-label = Cetak izin
kb-tx-licence-printing =
    Izin yang berlaku dapat dicetak dari akun Balady Anda, atau di posko Itlala di masjid-masjid besar (satu jam sebelum Magrib sampai satu jam setelah Isya). Bawa identitas dan nomor izin.
kb-tx-deed-registration-label = Daftar akta
kb-tx-deed-registration =
    Untuk mendaftarkan akta properti di pemerintah kota, siapkan akta dan identitas pemilik. Layanan Mustamirrun dapat memberi tahu apa yang diperlukan untuk kasus Anda dan mengurus pendaftarannya bersama Anda.
kb-tx-land-subdivision-label = Pemecahan lahan
kb-tx-land-subdivision =
    Pemecahan lahan (membagi satu bidang atau menggabungkan beberapa bidang) diajukan melalui kantor teknik berizin dengan akta dan laporan ukur. Baladiyah setempat memeriksanya terhadap rencana kawasan sebelum disetujui.

## Nomor telepon

kb-contacts-all-label = Semua nomor
kb-contacts-all =
    • 940 — layanan pelanggan 24 jam (Arab, Inggris, Indonesia, Urdu)
    • 0539400940 — Mustasharak Al-Amin: kantor teknik, bangunan, toko, wilayah baladiyah, investasi
    • 012 5739555, ekst. 1717 atau 7777 — Mustamirrun: pertanyaan, akta, izin, pemecahan lahan

contact-consultant = Mustasharak Al-Amin
contact-mustamirrun = Mustamirrun
contact-hotline = Layanan pelanggan

## Di bawah setiap jawaban

kb-more =
    { $guidance ->
        [general] ℹ️ Ini panduan umum dan ketentuannya bisa berubah; mohon pastikan ke pemerintah kota sebelum mengandalkannya.
       *[other] ℹ️ Informasi dari pemerintah kota.
    }
    { $contact }
    Apakah ini membantu?
kb-call =
    { $ext ->
        [none] 📞 { $name }: { $number }
       *[other] 📞 { $name }: { $number }, ekst. { $ext }
    }
kb-no-call = 📞 Layanan pelanggan: 940
kb-helpful-yes = 👍 Ya, terima kasih
kb-helpful-no = 👎 Kurang membantu
kb-thanks = Senang bisa membantu!
kb-sorry =
    Mohon maaf, jawaban tadi belum menjawab pertanyaan Anda. Mustasharak Al-Amin, konsultan pemerintah kota, dapat menjawab langsung di nomor { $phone }, atau Anda bisa meneruskan pertanyaan Anda ke petugas kami di sini.
kb-unknown = Mohon maaf, jawaban itu tidak ada lagi. Berikut topik-topik konsultan:
