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

## Pertanyaan yang dijawab setiap jawaban. Tidak ditampilkan: bot mencocokkan pertanyaan
## orang dengan daftar ini, semua bahasa sekaligus, dan langsung menjawab bila ada yang jelas
## cocok (pertanyaan umum mendapat menu topiknya). Satu pertanyaan per baris.

kb-eng-categories-questions =
    Apa saja kategori kantor teknik?
    Kantor teknik kategori apa yang boleh merancang gedung bertingkat?
    Bagaimana kantor konsultan teknik diklasifikasikan?
    Apakah kategori kantor membatasi ukuran proyek?

kb-eng-permissions-questions =
    Apa saja yang boleh dikerjakan kantor teknik?
    Apakah kantor teknik bisa mengajukan izin bangunan untuk saya?
    Apakah kantor teknik boleh mengawasi pembangunan?
    Layanan apa yang diberikan kantor teknik berlisensi?

kb-eng-verify-questions =
    Bagaimana cara memastikan kantor teknik itu berizin?
    Bagaimana cara mengecek kantor teknik?
    Apakah kantor teknik ini resmi?
    Bagaimana tahu izin kantor itu masih berlaku?

kb-build-permit-questions =
    Dokumen apa saja untuk mengurus izin bangunan rumah?
    Bagaimana cara mendapatkan izin mendirikan bangunan?
    Apakah saya perlu izin untuk membangun rumah?
    Dokumen apa yang dibutuhkan untuk izin bangunan?
    Di mana mengajukan izin membangun?

kb-build-requirements-questions =
    Apa persyaratan bangunan tempat tinggal?
    Berapa lantai yang boleh saya bangun?
    Berapa jarak sempadan bangunan untuk rumah?
    Apakah bangunan rumah harus punya tempat parkir?

kb-build-during-questions =
    Aturan apa yang berlaku selama pembangunan?
    Apa yang harus saya perhatikan saat rumah sedang dibangun?
    Apakah lokasi proyek harus dipagari?
    Di mana membuang puing bangunan?

kb-shop-licence-questions =
    Saya ingin membuka toko, apa saja izinnya?
    Bagaimana cara mendapatkan izin toko?
    Bagaimana cara membuka toko?
    Apa yang diperlukan untuk izin usaha?
    Bagaimana memperpanjang izin toko saya?

kb-shop-technical-questions =
    Apa persyaratan teknis untuk toko?
    Syarat apa yang harus dipenuhi bangunan toko?
    Apa syarat pencahayaan dan ventilasi toko?
    Apakah toko wajib punya alat pemadam kebakaran?

kb-shop-food-questions =
    Apa syarat teknis warung makan atau restoran?
    Apa persyaratan untuk toko makanan?
    Apa persyaratan teknis untuk restoran?
    Apakah pekerja restoran wajib punya sertifikat kesehatan?
    Apa aturan untuk toko roti atau toko kelontong?

kb-invest-opportunities-questions =
    Peluang investasi apa yang ditawarkan pemerintah kota?
    Bagaimana cara berinvestasi dengan pemerintah kota?
    Apakah ada lahan kota yang disewakan untuk investor?
    Bagaimana ikut tender investasi pemerintah kota?

kb-invest-projects-questions =
    Apa proyek masa depan pemerintah kota?
    Proyek baru apa yang direncanakan di Makkah?
    Jalan dan taman apa yang sedang dibangun pemerintah kota?
    Apakah ada proyek pembangunan kota yang akan datang?

kb-tx-licence-printing-questions =
    Bagaimana cara mencetak izin saya?
    Di mana saya bisa mencetak izin dari pemerintah kota?
    Bisakah saya mendapat salinan cetak izin saya?
    Bagaimana mencetak izin bangunan?

kb-tx-deed-registration-questions =
    Bagaimana cara mendaftarkan akta tanah?
    Bagaimana mendaftarkan sertifikat tanah saya?
    Di mana mendaftarkan akta properti?
    Apa syarat pendaftaran akta properti?

kb-tx-land-subdivision-questions =
    Bagaimana cara memecah tanah saya?
    Bagaimana membagi satu kavling menjadi dua?
    Bisakah saya menggabungkan dua bidang tanah?
    Apa yang diperlukan untuk memecah sebidang tanah?

kb-contacts-all-questions =
    Berapa nomor telepon pemerintah kota?
    Bagaimana cara menelepon pemerintah kota?
    Berapa nomor konsultan?
    Nomor berapa untuk Mustamirrun?

## Pertanyaan umum tentang satu topik: mendapat menu topiknya, bukan satu jawaban.

kb-topic-engineering-offices-questions =
    Info tentang kantor teknik
    Saya mau tanya soal kantor konsultan teknik
    Kantor teknik

kb-topic-residential-building-questions =
    Info tentang membangun rumah tinggal
    Seputar pembangunan rumah
    Bangun rumah

kb-topic-shops-questions =
    Persyaratan toko
    Info tentang usaha toko
    Seputar toko dan warung

kb-topic-investment-questions =
    Investasi
    Info tentang investasi dan proyek
    Proyek dan investasi

kb-topic-transactions-questions =
    Urusan di pemerintah kota
    Saya mau tanya soal urusan izin
    Izin dan urusan administrasi
