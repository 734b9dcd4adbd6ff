/* Labbaik web chat: talks to /webchat/api/*, renders the bot's replies.
 *
 * Every text from the bot or the person is inserted with textContent, never as HTML.
 * The browser keeps a random client id (localStorage + cookie) so the conversation
 * survives a reload; each message gets its own id so a retried POST is handled once.
 */
"use strict";

(() => {
  const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];
  const CLIENT_KEY = "labbaik.clientId";
  const LANG_KEY = "labbaik.lang";
  const COOKIE = "labbaik_chat";
  const POLL_MS = 30000; // how often an open page looks for messages sent to it later
  const LIVE_POLL_MS = 3000; // ... and while a person of our staff has the chat
  const MAX_APPEND = 20;

  const $ = (id) => document.getElementById(id);
  const app = $("app");
  const log = $("log");
  const notice = $("notice");
  const textInput = $("text-input");
  const photoInput = $("photo-input");
  const locationButton = $("share-location");
  const photoButton = $("photo-button");
  const langSelect = $("lang-select");
  const languages = JSON.parse(app.dataset.languages);
  const maxBytes = Number(app.dataset.maxBytes);

  const state = {
    clientId: loadClientId(),
    lang: app.dataset.lang,
    rtl: document.documentElement.dir === "rtl", // the server says which languages are
    strings: readRenderedStrings(),
    queue: Promise.resolve(),
    pending: 0,
  };

  // ---- identity -------------------------------------------------------------

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function readCookie(name) {
    const hit = document.cookie.split("; ").find((c) => c.startsWith(name + "="));
    return hit ? decodeURIComponent(hit.slice(name.length + 1)) : null;
  }

  function safeStorage(action) {
    try { return action(window.localStorage); } catch (_) { return null; }
  }

  function loadClientId() {
    const valid = (v) => typeof v === "string" && /^[A-Za-z0-9_-]{16,64}$/.test(v);
    let id = safeStorage((s) => s.getItem(CLIENT_KEY));
    if (!valid(id)) id = readCookie(COOKIE);
    if (!valid(id)) id = randomId();
    safeStorage((s) => s.setItem(CLIENT_KEY, id));
    const secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = `${COOKIE}=${id}; Max-Age=31536000; Path=/; SameSite=Strict${secure}`;
    return id;
  }

  // ---- page texts and language ----------------------------------------------

  function readRenderedStrings() {
    return JSON.parse(app.dataset.strings);
  }

  function t(key) { return state.strings[key] || key; }

  function applyStrings() {
    document.querySelectorAll("[data-text]").forEach((el) => { el.textContent = t(el.dataset.text); });
    textInput.placeholder = t("placeholder");
    document.title = t("title");
  }

  async function setLanguage(lang) {
    if (!languages[lang]) return;
    if (lang !== state.lang) {
      const response = await fetch(`/webchat/api/strings?lang=${encodeURIComponent(lang)}`);
      if (response.ok) {
        const body = await response.json();
        state.strings = body.strings;
        state.rtl = body.rtl;
      }
    }
    state.lang = lang;
    safeStorage((s) => s.setItem(LANG_KEY, lang));
    document.documentElement.lang = lang;
    document.documentElement.dir = state.rtl ? "rtl" : "ltr";
    langSelect.value = lang;
    applyStrings();
  }

  function fillLanguagePicker() {
    for (const [code, name] of Object.entries(languages)) {
      const option = document.createElement("option");
      option.value = code;
      option.textContent = name;
      option.lang = code;
      langSelect.append(option);
    }
    langSelect.value = state.lang;
  }

  // ---- rendering --------------------------------------------------------------

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addBubble(who, text, { lang, rtl, pending, image } = {}) {
    const msg = document.createElement("div");
    msg.className = `msg ${who}` + (pending ? " pending" : "");
    const speaker = document.createElement("span");
    speaker.className = "visually-hidden";
    speaker.textContent = t(who === "bot" ? "bot" : "you") + ": ";
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    if (lang) { msg.lang = lang; bubble.dir = rtl ? "rtl" : "ltr"; } else { bubble.dir = "auto"; }
    bubble.textContent = text;
    msg.append(speaker);
    if (image) {
      const thumb = document.createElement("img");
      thumb.className = "thumb";
      thumb.alt = "";
      thumb.src = URL.createObjectURL(image);
      thumb.addEventListener("load", () => URL.revokeObjectURL(thumb.src), { once: true });
      msg.append(thumb);
    }
    msg.append(bubble);
    log.append(msg);
    scrollDown();
    return msg;
  }

  function disableChoices() {
    log.querySelectorAll(".choice").forEach((b) => { b.disabled = true; });
  }

  // After a send that failed, the buttons of the last bot message work again: the
  // person taps one again (or types), the notice says what went wrong.
  function enableLastChoices() {
    const last = Array.from(log.querySelectorAll(".msg.bot")).pop();
    if (last) last.querySelectorAll(".choice").forEach((b) => { b.disabled = false; });
  }

  // A map or any link the bot gives: a real link, outside the text (and its bidi marks).
  function addLinks(msg, links) {
    if (!links || links.length === 0) return;
    const group = document.createElement("div");
    group.className = "links";
    for (const link of links) {
      if (!/^https?:\/\//.test(link.url)) continue;
      const a = document.createElement("a");
      a.className = "link";
      a.href = link.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.textContent = link.label;
      group.append(a);
    }
    msg.append(group);
  }

  function addChoices(msg, choices, { active = true } = {}) {
    if (!choices || choices.length === 0) return;
    const group = document.createElement("div");
    group.className = "choices";
    group.setAttribute("role", "group");
    for (const choice of choices) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "choice";
      button.textContent = choice.label;
      button.dataset.choice = choice.id;
      button.disabled = !active;
      button.addEventListener("click", () => {
        disableChoices();
        send({ choice: choice.id }, choice.label);
      });
      group.append(button);
    }
    msg.append(group);
    scrollDown();
  }

  const finePointer = window.matchMedia("(pointer: fine)").matches;

  // Points at what the bot asks for; the text box gets focus only where that
  // does not pop up an on-screen keyboard over the answer.
  function showExpects(expects) {
    locationButton.classList.toggle("wanted", expects === "location");
    photoButton.classList.toggle("wanted", expects === "media");
    if (expects === "text" && finePointer) textInput.focus();
  }

  function showReply(reply, { interactive }) {
    const msg = addBubble("bot", reply.text, { lang: reply.lang, rtl: reply.rtl });
    msg.dataset.key = reply.key;
    addLinks(msg, reply.links);
    addChoices(msg, reply.choices, { active: interactive });
    return msg;
  }

  async function showReplies(replies) {
    disableChoices();
    const last = replies[replies.length - 1];
    if (last && last.lang && last.lang !== state.lang) await setLanguage(last.lang);
    replies.forEach((reply) => showReply(reply, { interactive: true }));
    if (last) showExpects(last.expects);
  }

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }

  // ---- talking to the server --------------------------------------------------

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  async function postWithRetry(url, makeBody, headers) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(url, { method: "POST", headers, body: makeBody() });
        if (response.status < 502 || attempt >= RETRY_DELAYS_MS.length) return response;
      } catch (err) {
        if (attempt >= RETRY_DELAYS_MS.length) throw err;
      }
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  }

  const MEDIA_ERRORS = { too_large: "error-too-large", wrong_type: "error-wrong-type", empty: "error-empty" };

  async function errorText(response) {
    try {
      const body = await response.json();
      if (MEDIA_ERRORS[body.error]) return t(MEDIA_ERRORS[body.error]);
    } catch (_) { /* not JSON */ }
    if (response.status === 429) return t("error-slow-down");
    return response.status >= 500 ? t("error-server") : t("error-bad-request");
  }

  // data-pending counts messages not yet answered (tests and styles can wait on it)
  function setPending(delta) {
    state.pending += delta;
    app.dataset.pending = String(state.pending);
  }

  function enqueue(task) {
    setPending(1);
    const run = () => task().finally(() => setPending(-1));
    state.queue = state.queue.then(run, run);
    return state.queue;
  }

  // Sends one message and shows the answer; on failure the echo goes and `restore`
  // gives the person back what they typed, so nothing is lost.
  async function deliver({ echo, image, restore }, request) {
    showNotice("");
    $("welcome").hidden = true;
    const bubble = echo ? addBubble("user", echo, { pending: true, image }) : null;
    let problem;
    try {
      const response = await request();
      if (response.ok) {
        if (bubble) bubble.classList.remove("pending");
        const { replies, live } = await response.json();
        state.live = Boolean(live);
        await showReplies(replies);
        return replies;
      }
      problem = await errorText(response);
    } catch (_) {
      problem = t("error-network");
    }
    if (bubble) bubble.remove();
    if (restore) restore();
    enableLastChoices();
    showNotice(problem);
    return [];
  }

  function send(fields, echo, restore) {
    const body = JSON.stringify({
      client_id: state.clientId, message_id: randomId(), lang: state.lang, ...fields,
    });
    const headers = { "content-type": "application/json" };
    const post = () => postWithRetry("/webchat/api/messages", () => body, headers);
    return enqueue(() => deliver({ echo, restore }, post));
  }

  function sendPhoto(file) {
    const messageId = randomId();
    const makeBody = () => {
      const form = new FormData();
      form.append("client_id", state.clientId);
      form.append("message_id", messageId);
      form.append("lang", state.lang);
      form.append("photo", file);
      return form;
    };
    const post = () => postWithRetry("/webchat/api/media", makeBody);
    return enqueue(() => deliver({ echo: t("photo-sent"), image: file }, post));
  }

  async function loadHistory() {
    const url = `/webchat/api/history?client_id=${encodeURIComponent(state.clientId)}`;
    const response = await fetch(url);
    if (!response.ok) return [];
    const body = await response.json();
    state.live = Boolean(body.live);
    return body.messages;
  }

  function entryText(m) {
    if (m.from === "bot" || m.text) return m.text;
    return t(m.kind === "location" ? "location-shared" : "photo-sent");
  }

  // Draws history entries after what is shown; the last bot message's buttons stay live.
  async function appendEntries(messages) {
    if (messages.length === 0) return;
    disableChoices();
    messages.forEach((m) => {
      if (m.from === "bot") showReply(m, { interactive: false });
      else addBubble("user", entryText(m));
    });
    const spoken = messages.filter((m) => m.from === "bot" && m.lang).pop();
    if (spoken && spoken.lang !== state.lang) await setLanguage(spoken.lang);
    const last = messages[messages.length - 1];
    if (last.from === "bot") {
      log.querySelectorAll(".msg.bot:last-child .choice").forEach((b) => { b.disabled = false; });
      showExpects(last.expects);
    }
  }

  function tailsMatch(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 1; i <= n; i++) if (a[a.length - i] !== b[b.length - i]) return false;
    return n > 0;
  }

  // Messages that arrived without a question of ours (a ticket's status changed, an
  // agent answered) are in the history: append what is new, or redraw when unsure.
  async function refresh() {
    if (document.hidden || state.pending > 0 || app.dataset.ready !== "true") return;
    const messages = await loadHistory().catch(() => null);
    if (!messages || messages.length === 0 || state.pending > 0) return;
    const shown = Array.from(log.querySelectorAll(".msg .bubble"), (b) => b.textContent);
    const fresh = messages.map(entryText);
    for (let added = 0; added <= Math.min(MAX_APPEND, fresh.length - 1); added++) {
      if (tailsMatch(fresh.slice(0, fresh.length - added), shown)) {
        await appendEntries(messages.slice(messages.length - added));
        return;
      }
    }
    log.querySelectorAll(".msg").forEach((m) => m.remove());
    $("welcome").hidden = true;
    await appendEntries(messages);
  }

  // ---- the person's actions ---------------------------------------------------

  function onSubmit(event) {
    event.preventDefault();
    const text = textInput.value.trim();
    if (!text) return;
    textInput.value = "";
    disableChoices();
    send({ text }, text, () => { if (!textInput.value) textInput.value = text; });
  }

  function onShareLocation() {
    if (!navigator.geolocation) { showNotice(t("error-location-unavailable")); return; }
    setPending(1); // finding the position counts as a message on its way
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        send({ location: { lat: pos.coords.latitude, lon: pos.coords.longitude } }, t("location-shared"));
        setPending(-1);
      },
      (err) => {
        setPending(-1);
        showNotice(t(err.code === 1 ? "error-location-denied" : "error-location-unavailable"));
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 },
    );
  }

  function onPhoto() {
    const file = photoInput.files && photoInput.files[0];
    photoInput.value = "";
    if (!file) return;
    if (file.size > maxBytes) { showNotice(t("error-too-large")); return; } // don't upload in vain
    sendPhoto(file);
  }

  function offerLanguages() {
    const welcome = $("welcome");
    const box = $("welcome-languages");
    for (const [code, name] of Object.entries(languages)) {
      const button = document.createElement("button");
      button.type = "button";
      button.lang = code;
      button.textContent = name;
      if (code === state.lang) button.classList.add("suggested");
      button.addEventListener("click", async () => {
        welcome.hidden = true;
        await setLanguage(code);
        send({ command: "start" }, null);
      });
      box.append(button);
    }
    welcome.hidden = false;
    const suggested = box.querySelector(".suggested");
    if (suggested) suggested.focus();
  }

  // The picker asks the bot to change language (as /language would) and answers
  // its question at once when the bot offers the picked language as a button.
  async function onLanguagePicked() {
    const lang = langSelect.value;
    $("welcome").hidden = true;
    await setLanguage(lang);
    const replies = await send({ command: "language" }, null);
    const last = replies[replies.length - 1];
    const offered = last && last.choices.find((c) => c.id === lang);
    if (offered) {
      disableChoices();
      await send({ choice: offered.id }, offered.label);
    }
  }

  async function start() {
    fillLanguagePicker();
    const saved = safeStorage((s) => s.getItem(LANG_KEY));
    if (saved && languages[saved] && saved !== state.lang) await setLanguage(saved);
    $("composer").addEventListener("submit", onSubmit);
    locationButton.addEventListener("click", onShareLocation);
    photoInput.addEventListener("change", onPhoto);
    langSelect.addEventListener("change", onLanguagePicked);
    const messages = await loadHistory().catch(() => []);
    if (messages.length) await appendEntries(messages); else offerLanguages();
    app.dataset.ready = "true";
    document.addEventListener("visibilitychange", refresh);
    const poll = async () => {
      await refresh().catch(() => null);
      setTimeout(poll, state.live ? LIVE_POLL_MS : POLL_MS);
    };
    setTimeout(poll, state.live ? LIVE_POLL_MS : POLL_MS);
  }

  start();
})();
