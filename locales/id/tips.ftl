# Tips kesadaran (Municipal Snap). Daftar: bot/municipal/data/tips.yaml.

tips-ask-topic = Tips tentang apa?
tips-topic-heat = Cuaca panas
tips-topic-food = Keamanan pangan
tips-topic-waste = Sampah dan kebersihan
tips-topic-crowding = Keramaian
tips-tip = { $tip }
tips-another = Tips lain
tips-subscribe = Tips setiap hari
tips-subscribed = Baik: Anda akan menerima satu tips singkat setiap pagi. Untuk berhenti, kirim kata "berhenti".
tips-already-subscribed = Anda sudah menerima tips harian. Untuk berhenti, kirim kata "berhenti".
tips-unsubscribed = Baik: tips harian dihentikan. Anda dapat meminta tips dari menu kapan saja.
tips-not-subscribed = Anda tidak berlangganan tips harian.
tips-daily =
    🌿 Tips hari ini dari pemerintah kota:
    { $tip }
    (Kirim "berhenti" untuk menghentikan tips ini.)

tip-heat-water = ☀️ Sering-seringlah minum air, bahkan sebelum haus, dan bawa botol air ke mana pun.
tip-heat-shade = ☀️ Gunakan payung dan tetap di tempat teduh antara pukul 11 siang dan 4 sore; berangkat ke Masjidil Haram pada jam yang lebih sejuk bila bisa.
tip-heat-signs = ☀️ Pusing, sakit kepala, atau kulit panas dan kering bisa tanda kelelahan akibat panas: pindah ke tempat teduh, minum air, dan hubungi ambulans 997 bila tidak membaik.
tip-food-sealed = 🍽️ Beli makanan di toko berizin, dan pastikan kemasannya tersegel dan belum kedaluwarsa.
tip-food-street = 🍽️ Hindari makanan dari pedagang kaki lima tanpa izin: sering disimpan tanpa pendingin di cuaca panas.
tip-food-cooked = 🍽️ Makan makanan matang dalam dua jam, atau simpan di lemari es; jangan simpan sisa makanan di udara panas.
tip-waste-bins = ♻️ Buang sampah ke tempatnya dan ikat kantongnya — sampah di udara panas mengundang serangga dan menyebarkan penyakit.
tip-waste-camps = ♻️ Di tenda dan penginapan, keluarkan kantong sampah hanya pada jam pengangkutan dan jangan menaruhnya di jalan lalu lalang.
tip-waste-report = ♻️ Melihat tempat sampah penuh atau tumpukan sampah? Laporkan di sini dengan foto dan titik lokasi — laporan Anda langsung diteruskan ke tim yang menangani.
tip-crowding-routes = 👥 Ikuti rambu dan arahan petugas, dan jangan berhenti atau duduk di jalur pejalan kaki dan jembatan.
tip-crowding-meeting = 👥 Sepakati titik kumpul dengan rombongan, dan selalu bawa alamat penginapan serta nomor telepon.
tip-crowding-elderly = 👥 Jaga lansia dan anak-anak tetap dekat di keramaian, dan pilihkan waktu yang lebih sepi bila bisa.
