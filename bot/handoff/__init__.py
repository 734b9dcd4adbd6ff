"""Live handoff, the bot's side: a pilgrim's chat handed to a person and back.

- effects.py: the `handoff` and `rate_chat` effects the flows use (triggers);
- queue.py: which team a chat waits for, who is on duty, the expected wait;
- router.py: a handed-off chat's messages go to the chat, the bot keeps quiet;
- chats.py: the API the desk's chat pages call (claim, reply, canned replies,
  transfer, end, take over, live updates) and the periodic `sweep`;
- canned.py, translation.py, chat_translation.py: canned replies (a content
  part), machine translation (LibreTranslate) after the fact;
- views.py, chat_reads.py: what the desk gets back.

docs/handoff.md tells the whole story.
"""
