# API Open311 GeoReport v2 (docs/open311.md): bagaimana layanan dan status
# permintaan terbaca di sistem lain milik kota. Teks biasa, tanpa variabel
# kecuali yang disebutkan.

## Nama layanan (kategori laporan memakai labelnya sendiri, category-*)

open311-name-home-visit = Kunjungan rumah (Wajibna)
open311-name-proxy-service = Urusan atas nama orang lain (Mutma'innun)

## Kelompok

open311-group-reports = Laporan
open311-group-outreach = Layanan jemput bola

## Deskripsi

open311-description-waste = Sampah, kotoran atau puing yang dibiarkan di jalan, lapangan atau perkemahan, atau tempat sampah penuh yang belum dikosongkan.
open311-description-food-safety = Makanan yang tidak aman, restoran atau toko makanan yang kotor, atau makanan yang dijual setelah kedaluwarsa.
open311-description-water-sewage = Kebocoran air, pipa pecah, limbah yang meluap atau saluran air yang tersumbat.
open311-description-road-hazard = Lubang di jalan, trotoar rusak, tutup gorong-gorong yang hilang, atau apa pun yang berbahaya di jalan.
open311-description-street-lighting = Lampu jalan yang mati, berkedip atau rusak, atau jalan yang gelap.
open311-description-animals-pests = Hewan liar, serangga, tikus atau hama lainnya.
open311-description-public-toilets = Toilet umum yang kotor, rusak, tutup atau tidak ada airnya.
open311-description-building-violation = Bangunan tanpa izin, bangunan yang tidak aman, atau bangunan yang menyerobot jalan.
open311-description-street-vendors = Pedagang kaki lima tanpa izin, atau lapak yang menghalangi jalan.
open311-description-other = Masalah lain di kota yang perlu diketahui pemerintah kota.
open311-description-home-visit = Petugas pemerintah kota mendatangi rumah atau penginapan lansia atau penyandang disabilitas untuk menyelesaikan layanannya di sana.
open311-description-proxy-service = Petugas pemerintah kota menyelesaikan urusan atas nama orang yang dipenjara dan menanggung keluarga, atau yang berada di luar negeri untuk belajar atau berobat.

## Kata kunci (dipisahkan koma)

open311-keywords-waste = sampah, kotoran, tempat sampah, puing, kebersihan
open311-keywords-food-safety = makanan, restoran, toko makanan, kebersihan, kedaluwarsa, keracunan makanan
open311-keywords-water-sewage = air, bocor, pipa, limbah, got, banjir
open311-keywords-road-hazard = jalan, jalan berlubang, trotoar, gorong-gorong, bahaya
open311-keywords-street-lighting = lampu, penerangan, lampu jalan, jalan gelap, tiang lampu
open311-keywords-animals-pests = hewan, anjing liar, kucing, serangga, tikus, hama
open311-keywords-public-toilets = toilet, WC, kamar kecil, kebersihan
open311-keywords-building-violation = bangunan, konstruksi, izin, penyerobotan, bangunan tidak aman
open311-keywords-street-vendors = pedagang kaki lima, lapak, pedagang asongan, jalan terhalang
open311-keywords-other = lainnya, umum, saran
open311-keywords-home-visit = Wajibna, kunjungan rumah, lansia, kebutuhan khusus, disabilitas
open311-keywords-proxy-service = Mutma'innun, atas nama, penjara, luar negeri, belajar, berobat

## Atribut

# $min, $max: panjang yang diizinkan, dalam angka
open311-datatype-text = Teks { $min } sampai { $max } karakter.

## Catatan status: status rinci di balik "open" dan "closed"

open311-status-new = Diterima, menunggu tim.
open311-status-assigned = Diserahkan kepada salah satu anggota tim.
open311-status-in-progress = Tim sedang menanganinya.
open311-status-resolved = Sudah ditangani oleh tim.
open311-status-closed = Ditutup.
open311-status-rejected = Tidak diterima.
open311-status-reopened = Dibuka kembali: pelapor menyatakan masalahnya belum beres.
open311-status-referral = Dirujuk ke:

## Jawaban atas permintaan baru

# $due: tanggal dan jam waktu Makkah, dalam angka (2026-05-04 09:30)
open311-service-notice = Diterima. Tim menargetkan penanganannya paling lambat { $due } waktu Makkah.
