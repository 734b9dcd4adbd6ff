"""WhatsApp through Twilio: the signed webhook (TwiML answers), photos, and sending later."""
