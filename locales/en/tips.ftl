# Awareness tips (Municipal Snap). List: bot/municipal/data/tips.yaml.

tips-ask-topic = Which tips would you like?
tips-topic-heat = Heat
tips-topic-food = Food safety
tips-topic-waste = Waste and cleanliness
tips-topic-crowding = Crowds
tips-tip = { $tip }
tips-another = Another tip
tips-subscribe = A tip every day
tips-subscribed = Done: you'll get one short tip every morning. To stop, send the word "stop".
tips-already-subscribed = You already get a daily tip. To stop, send the word "stop".
tips-unsubscribed = Done: no more daily tips. You can ask for tips from the menu any time.
tips-not-subscribed = You aren't subscribed to daily tips.
# The daily message; $tip: the tip
tips-daily =
    🌿 Today's tip from the municipality:
    { $tip }
    (Send "stop" to stop these tips.)

tip-heat-water = ☀️ Drink water often, even before you feel thirsty, and carry a bottle with you.
tip-heat-shade = ☀️ Use an umbrella and stay in the shade between 11 am and 4 pm; walk to the Haram in the cooler hours when you can.
tip-heat-signs = ☀️ Dizziness, headache or hot, dry skin can be heat exhaustion: move to shade, drink water and call 997 for an ambulance if it does not pass.
tip-food-sealed = 🍽️ Buy food from licensed shops, and check that packages are sealed and within their date.
tip-food-street = 🍽️ Avoid food from unlicensed street sellers: it is often kept without refrigeration in the heat.
tip-food-cooked = 🍽️ Eat cooked food within two hours, or keep it in a fridge; do not keep leftovers in the heat.
tip-waste-bins = ♻️ Put waste in the bins and close the bag — litter in the heat attracts insects and spreads disease.
tip-waste-camps = ♻️ In camps and lodgings, put bags out only at collection times and never block walkways with them.
tip-waste-report = ♻️ See an overflowing bin or a pile of waste? Report it here with a photo and a location pin — it goes straight to the team in charge.
tip-crowding-routes = 👥 Follow the signs and the organisers' directions, and do not stop or sit in walkways and on bridges.
tip-crowding-meeting = 👥 Agree on a meeting point with your group and keep your lodging's address and a phone number on you.
tip-crowding-elderly = 👥 Keep the elderly and children close in crowds, and choose less busy times for them when you can.
