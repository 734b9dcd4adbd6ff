# Place names: Makkah's sub-municipalities and the service points, and Hijri dates.
# The data behind them: bot/municipal/data/boundaries.yaml and service_points.yaml.

submun-ajyad = Ajyad
submun-maabda = Al-Maabda
submun-aziziyah = Al-Aziziyah
submun-utaybiyyah = Al-Utaybiyyah
submun-zahir = Al-Zahir
submun-umrah = Al-Umrah
submun-sharai = Al-Sharai
submun-awali = Al-Awali
submun-shoqiyah = Al-Shoqiyah
submun-mashaer = Holy Sites (Al-Mashaer)

service-itlala = Itlala desk
service-hadirin = Hadirin vehicle

place-itlala-masjid-aisha = Masjid Aisha (Al-Taneem)
place-itlala-masjid-al-jinn = Masjid Al-Jinn
place-itlala-masjid-al-rajhi = Al-Rajhi Mosque, Al-Aziziyah
place-itlala-masjid-al-jiranah = Masjid Al-Ji'ranah
place-itlala-masjid-al-khayf = Masjid Al-Khayf, Mina
place-itlala-masjid-al-mashar-al-haram = Masjid Al-Mash'ar Al-Haram, Muzdalifah
place-hadirin-zahir-park = Al-Zahir Park
place-hadirin-aziziyah-walkway = Al-Aziziyah Walkway
place-hadirin-awali-park = Al-Awali Park
place-hadirin-sharai-park = Al-Sharai Park
place-hadirin-shoqiyah-park = Al-Shoqiyah Park

# $day, $year: numbers; $month: a month name below
hijri-date = { $day } { $month } { $year } AH
hijri-month-1 = Muharram
hijri-month-2 = Safar
hijri-month-3 = Rabi al-Awwal
hijri-month-4 = Rabi al-Thani
hijri-month-5 = Jumada al-Ula
hijri-month-6 = Jumada al-Akhirah
hijri-month-7 = Rajab
hijri-month-8 = Shaban
hijri-month-9 = Ramadan
hijri-month-10 = Shawwal
hijri-month-11 = Dhu al-Qadah
hijri-month-12 = Dhu al-Hijjah

# Mosques people ask about by name that have no service point of their own
# (boundaries.yaml, `mosque: true`): "the Itlala desk at the Haram".
mosque-haram = The Grand Mosque (Al-Masjid Al-Haram)
