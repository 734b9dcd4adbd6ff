# Nama tempat: baladiyah di Makkah, titik layanan, dan tanggal Hijriah.

submun-ajyad = Ajyad
submun-maabda = Ma'abdah
submun-aziziyah = Aziziyah
submun-utaybiyyah = Utaibiyah
submun-zahir = Zahir
submun-umrah = Umrah
submun-sharai = Syarai
submun-awali = Awali
submun-shoqiyah = Syauqiyah
submun-mashaer = Masyair (tempat-tempat suci)

service-itlala = posko Itlala
service-hadirin = mobil Hadirin

place-itlala-masjid-aisha = Masjid Aisyah (Tan'im)
place-itlala-masjid-al-jinn = Masjid Jin
place-itlala-masjid-al-rajhi = Masjid Al-Rajhi, Aziziyah
place-itlala-masjid-al-jiranah = Masjid Ji'ranah
place-itlala-masjid-al-khayf = Masjid Khaif, Mina
place-itlala-masjid-al-mashar-al-haram = Masjid Masy'aril Haram, Muzdalifah
place-hadirin-zahir-park = Taman Zahir
place-hadirin-aziziyah-walkway = Jalur pejalan kaki Aziziyah
place-hadirin-awali-park = Taman Awali
place-hadirin-sharai-park = Taman Syarai
place-hadirin-shoqiyah-park = Taman Syauqiyah

hijri-date = { $day } { $month } { $year } H
hijri-month-1 = Muharam
hijri-month-2 = Safar
hijri-month-3 = Rabiulawal
hijri-month-4 = Rabiulakhir
hijri-month-5 = Jumadilawal
hijri-month-6 = Jumadilakhir
hijri-month-7 = Rajab
hijri-month-8 = Syakban
hijri-month-9 = Ramadan
hijri-month-10 = Syawal
hijri-month-11 = Zulkaidah
hijri-month-12 = Zulhijah

# Masjid yang ditanyakan orang dengan namanya tetapi tidak punya titik layanan sendiri
# (boundaries.yaml, `mosque: true`): "posko Itlala di Masjidil Haram".
mosque-haram = Masjidil Haram
