# Layanan Pemerintah Kota: Wajibna, Mutma'innun, posko Itlala dan mobil Hadirin,
# "saya di baladiyah mana?", dan tips harian.

## Menu

menu-services = Layanan Pemerintah Kota
menu-consultant = Tanya konsultan
services-intro =
    Selain laporan, pemerintah kota juga dapat:
    • mengunjungi lansia dan penyandang disabilitas di rumah atau penginapan (Wajibna)
    • menyelesaikan urusan untuk orang yang dipenjara atau berada di luar negeri (Mutma'innun)
    • melayani Anda di posko Itlala di masjid-masjid besar dan mobil Hadirin di taman
    Apa yang Anda perlukan?
services-wajibna = Kunjungan rumah (Wajibna)
services-mutmainnun = Mewakili orang lain
services-points = Titik layanan terdekat
services-locate = Baladiyah saya
services-consultant = Tanya konsultan
services-tips = Tips dan imbauan
services-try-again = Coba lagi
kb-other-topics = Topik lain
kb-text = { $text }
kb-ask-entry = Pertanyaan yang mana? Pilih topik dari menu konsultan.
kb-ask-helpful = Apakah ini membantu?

## Saya di baladiyah mana?

services-locate-ask = Bagikan lokasi Anda 📍, atau ketik nama kawasan (misalnya Aziziyah, Misfalah atau Mina).
services-locate-found =
    { $how ->
        [name] 📍 { $place } termasuk wilayah Baladiyah { $sub }.
        [sub] 📍 Baladiyah { $sub }.
       *[pin] 📍 Anda berada di wilayah Baladiyah { $sub }.
    }
    Titik layanan terdekat — ketuk salah satu untuk jam bukanya:
services-locate-not-found = Mohon maaf, saya tidak dapat menemukan tempat itu di wilayah baladiyah Makkah. Coba nama kawasannya, atau bagikan lokasi Anda. Mustasharak Al-Amin juga dapat membantu di { $phone }.
services-point-button = { $name } ({ $service })

## Titik layanan terdekat

services-points-ask = Di mana Anda sekarang? Bagikan lokasi Anda 📍, atau ketik nama kawasan.
services-points-unknown-place = Mohon maaf, tempat itu tidak ditemukan. Bagikan lokasi Anda, atau ketik nama kawasan.
# $distance: a number of km, formatted by NUMBER(); the times by DATETIME() (see en/services.ftl).
services-points-open =
    ✅ Buka sekarang: { $name } ({ $service }), { NUMBER($distance, maximumFractionDigits: 1) } km dari Anda — buka sampai { DATETIME($closes, timeStyle: "short") }.
    { $itlala_today ->
        [true] Hari ini, { $today }: posko Itlala buka { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] Hari ini, { $today }, tidak ada posko Itlala yang buka.
    }
    Titik lain:
services-points-none-open =
    Saat ini tidak ada titik layanan yang buka di dekat Anda. Yang terdekat: { $name } ({ $service }), { NUMBER($distance, maximumFractionDigits: 1) } km — buka { $day } pukul { DATETIME($opens, timeStyle: "short") }.
    { $itlala_today ->
        [true] Hari ini, { $today }: posko Itlala buka { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }.
       *[other] Hari ini, { $today }, tidak ada posko Itlala yang buka.
    }
    Titik lain:
# Masjid yang disebut orang itu tidak punya posko Itlala sendiri. $place: masjidnya;
# $name, $distance (km, angka), $open_now, $opens, $closes, $day: posko terdekat
services-points-mosque =
    🕌 { $place } tidak memiliki posko Itlala sendiri. Yang terdekat: { $name }, { NUMBER($distance, maximumFractionDigits: 1) } km dari sana.
    { $open_now ->
        [true] ✅ Buka sekarang, sampai { DATETIME($closes, timeStyle: "short") }.
       *[other] Buka berikutnya: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }
    Posko Itlala buka setiap hari dari satu jam sebelum Magrib sampai satu jam setelah Isya.
    Posko lain:
# Label tombol (Telegram) atau tautan (obrolan web) yang membuka peta.
services-map = 🗺️ Buka peta
services-points-none = Belum ada posko Itlala maupun mobil Hadirin yang dijadwalkan dalam beberapa hari ke depan. Saat beroperasi, posko Itlala buka satu jam sebelum Magrib sampai satu jam setelah Isya (hari ini, { $today }: { DATETIME($itlala_opens, timeStyle: "short") }–{ DATETIME($itlala_closes, timeStyle: "short") }). Untuk sementara, silakan telepon 940.
services-point-itlala =
    🕌 { $name } — posko Itlala
    Pertanyaan, pengaduan dan laporan, cetak izin.
    Buka setiap hari dari satu jam sebelum Magrib sampai satu jam setelah Isya.
    { $open_now ->
        [true] ✅ Buka sekarang, sampai { DATETIME($closes, timeStyle: "short") }.
       *[other] Buka berikutnya: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }
services-point-hadirin =
    🚐 { $name } — mobil Hadirin
    Pengecekan dan cetak data, rujukan, kegiatan usaha, laporan dan pengaduan, izin bangunan.
    { $open_now ->
        [true] ✅ Ada di sini sekarang, sampai { DATETIME($closes, timeStyle: "short") }.
       *[other] Kunjungan berikutnya: { $day }, { DATETIME($opens, timeStyle: "short") }–{ DATETIME($closes, timeStyle: "short") }.
    }

## Permohonan: pertanyaan dan jawaban bersama

request-ask-service = Layanan apa yang Anda perlukan?
request-service-licence = Izin
request-service-building-permit = Izin bangunan
request-service-deed = Akta atau lahan
request-service-commercial = Izin toko
request-service-complaint = Pengaduan/laporan
request-service-inquiry = Pertanyaan
request-service-other = Lainnya
request-ask-details = Jelaskan singkat apa yang Anda perlukan (misalnya nomor izin atau masalahnya).
request-ask-when = Kapan waktu yang tepat bagi petugas kami untuk menghubungi Anda?
when-morning = Pagi (8–12)
# Hours on the 24-hour clock, as Indonesians write them.
when-afternoon = Siang (12–16)
when-evening = Sore (16–21)
when-any = Kapan saja
request-ask-phone = Nomor telepon mana yang dapat dihubungi petugas kami? Nomor dari negara mana pun boleh — atau bagikan kontak Anda.
relationship-self = Saya sendiri
relationship-parent = Ayah atau ibu saya
relationship-spouse = Suami atau istri saya
relationship-child = Anak saya
relationship-relative = Kerabat lain
relationship-other = Orang lain

request-field-relationship = Untuk siapa
request-field-name = Nama
request-field-need = Kondisi
request-field-situation = Keadaan
request-field-service = Layanan
request-field-details = Rincian
request-field-location = Tempat
request-field-office = Kantor
request-field-when = Waktu yang tepat
request-field-phone = Nomor telepon

## Wajibna: kunjungan rumah

wajibna-ask-relationship = Wajibna: petugas pemerintah kota datang ke rumah atau penginapan lansia atau penyandang disabilitas untuk menyelesaikan layanannya di sana. Kunjungan ini untuk siapa?
wajibna-ask-name = Siapa nama orang yang akan kami kunjungi?
wajibna-ask-need = Mana yang paling sesuai dengan kondisinya?
need-elderly = Lansia
need-disability = Disabilitas/berkebutuhan khusus
need-illness = Sakit, tidak bisa keluar
wajibna-ask-location = Di mana kami berkunjung? Bagikan lokasi 📍, atau ketik alamat, nama hotel atau penginapan.
wajibna-summary =
    Mohon periksa permohonan kunjungan:
    • Untuk: { $relationship } — { $name }
    • Kondisi: { $need }
    • Layanan: { $service }
    • Rincian: { $details }
    • Tempat: { $location }
    • Waktu yang tepat: { $when }
    • Telepon: { $phone }
wajibna-filed =
    ✅ Permohonan kunjungan rumah tercatat. Nomor permohonan: { $ticket_id }
    Tim Wajibna akan menelepon Anda untuk mengatur kunjungan. Anda dapat mengecek permohonan kapan saja dengan mengirim nomor permohonan tersebut.

## Mutma'innun: urusan atas nama orang lain

mutmainnun-ask-situation = Mutma'innun: petugas pemerintah kota menyelesaikan urusan atas nama orang yang dipenjara dan menanggung keluarga, atau yang berada di luar negeri untuk belajar atau berobat. Mana yang sesuai?
situation-prison = Di penjara
situation-abroad-study = Di luar negeri untuk belajar
situation-abroad-treatment = Di luar negeri untuk berobat
mutmainnun-ask-name = Siapa nama lengkap orang yang diwakili urusannya?
mutmainnun-ask-relationship = Apa hubungan Anda dengan orang tersebut?
mutmainnun-ask-office = Urusan ini di baladiyah atau kantor mana, jika Anda tahu? Ketik, atau pilih Lewati.
mutmainnun-ask-when = Kapan waktu yang tepat bagi petugas kami untuk menelepon Anda?
mutmainnun-ask-phone = Nomor mana yang dapat ditelepon petugas kami? Nomor luar negeri boleh, dengan kode negaranya — atau bagikan kontak Anda.
mutmainnun-summary =
    Mohon periksa permohonan:
    • Keadaan: { $situation }
    • Atas nama: { $name }
    • Hubungan Anda: { $relationship }
    • Layanan: { $service }
    • Rincian: { $details }
    • Kantor: { $office }
    • Waktu yang tepat: { $when }
    • Telepon: { $phone }
mutmainnun-filed =
    ✅ Permohonan Anda tercatat. Nomor permohonan: { $ticket_id }
    Petugas bagian layanan pelanggan akan menelepon Anda untuk menjelaskan dokumen yang diperlukan, lalu menyelesaikan urusan itu atas namanya. Kirim nomor permohonan itu kapan saja untuk mengeceknya.

## Permohonan yang disimpan sementara orang melakukan hal lain

request-draft-button = ↩ Lanjutkan permohonan saya
wajibna-draft-offer = Permohonan kunjungan rumah (Wajibna) Anda belum terkirim. Mau dilanjutkan?
mutmainnun-draft-offer = Permohonan Mutma'innun Anda belum terkirim. Mau dilanjutkan?
# Setelah "Kantor:" di ringkasan Mutma'innun bila orang melewatinya.
request-office-none = Belum diketahui
