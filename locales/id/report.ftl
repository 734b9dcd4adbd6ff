# Reporting a problem (flow report_issue).

report-ask-category = Apa jenis masalahnya?

## Categories (button labels, also shown in summaries and ticket lists)

category-waste = Sampah
category-food-safety = Keamanan pangan
category-water-sewage = Kebocoran air/limbah
category-road-hazard = Bahaya di jalan
category-street-lighting = Lampu jalan
category-animals-pests = Hewan dan hama
category-public-toilets = Toilet umum
category-building-violation = Pelanggaran bangunan
category-street-vendors = Pedagang kaki lima
category-other = Lainnya

## Questions

report-ask-description = Silakan jelaskan masalahnya secara singkat: apa masalahnya, dan seberapa parah?
report-ask-location = Di mana lokasinya? Bagikan pin lokasi Anda 📍, atau ketik nama tempatnya: nama jalan, nama hotel, atau nomor tenda/maktab di Mina.
report-ask-photo = Foto sangat membantu petugas. Kirim satu foto, atau pilih Lewati.
report-ask-phone = Bolehkah petugas menelepon Anda jika diperlukan? Kirim nomor telepon Anda atau bagikan kontak Anda, atau pilih Lewati.

## Field names (for "which part do you want to change?")

report-field-category = Jenis masalah
report-field-description = Keterangan
report-field-location = Lokasi
report-field-photo = Foto
report-field-phone = Nomor telepon

## Summary and result

# $category, $description, $location, $photo, $phone: the answers, ready to show
report-summary =
    Silakan periksa laporan Anda:
    Jenis: { $category }
    Keterangan: { $description }
    Lokasi: { $location }
    Foto: { $photo }
    Telepon: { $phone }
    Kirim sekarang?
# $ticket_id: the new ticket number, e.g. MK-1234566
report-filed =
    Terima kasih, laporan Anda sudah tercatat ✅
    Nomor laporan Anda { $ticket_id }. Simpan nomor ini untuk mengecek statusnya; saya akan mengabari Anda di sini jika ada perubahan.

## Laporan yang disimpan sementara orang melakukan hal lain

report-draft-button = ↩ Lanjutkan laporan saya
# $category: jenis masalah, bila sudah dipilih; $has_category: "true" atau "false"
report-draft-offer =
    { $has_category ->
        [true] Laporan Anda ({ $category }) belum terkirim. Mau dilanjutkan?
       *[other] Laporan Anda belum terkirim. Mau dilanjutkan?
    }
# Setelah "Foto:" dan "Telepon:" di ringkasan bila orang melewatinya.
report-photo-none = Tidak ada
report-phone-none = Tidak ada
