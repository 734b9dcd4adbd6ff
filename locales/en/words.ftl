# Short answers people type instead of pressing a button. These are not shown:
# the bot reads them. A message means "yes" (or "no", "skip", ...) when every
# word of it is on that list or on the `words-filler` list, and at least one is
# on that list: "yes please", "no photo", "main menu". The lists of every
# language are read together, so write the forms your speakers really type,
# including dialect and chat spellings. Separate entries with commas or lines.

# Yes, at a yes/no question and at a summary ("Shall I send it?").
words-yes =
    yes, yeah, yep, yup, yea, ok, okay, okey, k, kk, sure, correct, right, fine,
    good, great, perfect, alright, send, submit, confirm, go, ahead, agreed,
    absolutely, exactly, definitely, 👍, 👌, ✅
# No, at a yes/no question and at a summary.
words-no =
    no, nope, nah, not, don't, dont, never, 👎, ❌
# Leaving an optional question out (a photo, a phone number). A "no" also skips.
words-skip =
    skip, none, nothing, without, later, pass, dunno
# The main menu, typed on its own ("menu", "main menu", "back to the menu").
words-menu =
    menu
# Words of a salam: the greeting "Wa alaikum assalam" answers only these.
words-salam =
    salam, salaam, salamu, salām, assalam, assalamu, asalamu, assalaam,
    assalamualaikum, assalamualaykum, asalamualaikum, salamualaikum, aslm, slm,
    alaikum, alaykum, alaikom, alaykom, warahmatullah, wabarakatuh
# A greeting on its own ("hello", "hi"): answered with a greeting and the menu.
words-hello =
    hello, hi, hii, hey, heya, hiya, helo, hallo, hullo, greetings, howdy,
    morning, evening, afternoon, 👋
# Thanks on its own.
words-thanks =
    thanks, thank, thx, thnx, thanx, tnx, ty, tq, tqvm, cheers, 🙏
# Goodbye on its own: an unfinished report is kept for when they come back.
words-bye =
    bye, byee, byebye, goodbye, cya, ciao, tata
# Words that may go with any short answer without changing it.
words-filler =
    i, me, my, we, a, an, the, it, is, am, do, have, has, got, any, there,
    please, pls, plz, thanks, thank, you, thx, sorry, just, now, for, this, that,
    photo, photos, picture, pic, pics, image, number, phone, mobile, contact,
    main, back, to, show, open, take, again, need, want, sir, brother
