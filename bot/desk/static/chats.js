/* Live chats of the desk (/desk/chats and /desk/chats/<id>): listens to the server-sent
   events of /desk/chats/events and swaps in what the server renders (the lists, the new
   lines of a chat). A new waiting chat shows a badge, prefixes the tab's title and plays
   new-chat.wav. Without this script the pages still work: every action is a plain form. */
(function () {
  "use strict";
  var root = document.getElementById("chats-live");
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }
  var page = root.getAttribute("data-page");
  var chatId = Number(root.getAttribute("data-chat") || 0);
  var chatStatus = root.getAttribute("data-status");
  var after = Number(root.getAttribute("data-after") || 0);
  var badge = document.getElementById("waiting-badge");
  var liveStatus = document.getElementById("live-status");
  var baseTitle = document.title;
  var sound = root.getAttribute("data-sound") ? new Audio(root.getAttribute("data-sound")) : null;
  var fresh = 0; // new waiting chats heard on a chat's page
  var connected = false;

  function showBadge(count) {
    if (!badge) {
      return;
    }
    badge.textContent = String(count);
    badge.hidden = count === 0;
    document.title = count > 0 ? "(" + count + ") " + baseTitle : baseTitle;
  }

  function chime() {
    root.setAttribute("data-chimed", String(Number(root.getAttribute("data-chimed") || 0) + 1));
    if (!sound) {
      return;
    }
    try {
      sound.currentTime = 0;
      var playing = sound.play();
      if (playing && playing.catch) {
        playing.catch(function () { /* the browser wants a click on the page first */ });
      }
    } catch (e) { /* no audio device: the badge still shows */ }
  }

  function html(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (response.redirected || !response.ok) {
          window.location.reload(); // signed out, or the chat went out of sight
          throw new Error("reload");
        }
        return response.text();
      });
  }

  function parse(text, wrapper) {
    var holder = document.createElement(wrapper);
    holder.innerHTML = text; // server-rendered and escaped by the desk's templates
    return holder;
  }

  function waitingIds() {
    var section = document.getElementById("waiting");
    var ids = section ? (section.getAttribute("data-waiting-ids") || "") : "";
    return ids.split(" ").filter(Boolean);
  }

  function toNewest() {
    var list = document.getElementById("lines");
    if (list) {
      list.scrollTop = list.scrollHeight; // the newest message in sight
    }
  }
  function toNewestWhenLoaded(scope) {
    Array.prototype.forEach.call(scope.querySelectorAll("img"), function (img) {
      if (!img.complete) {
        img.addEventListener("load", toNewest, { once: true });
      }
    });
  }
  toNewest();
  toNewestWhenLoaded(document);
  if (page === "chat") {
    window.setTimeout(followDelivery, 0);
  }

  var known = waitingIds();
  showBadge(page === "list" ? known.length : 0);

  function refreshList() {
    return html("/desk/chats/list").then(function (text) {
      var lists = document.getElementById("chat-lists");
      lists.replaceChildren.apply(lists, Array.prototype.slice.call(parse(text, "div").childNodes));
      var now = waitingIds();
      var added = now.filter(function (id) { return known.indexOf(id) < 0; });
      known = now;
      showBadge(now.length);
      if (added.length) {
        chime();
      }
      root.setAttribute("data-refreshed", String(Number(root.getAttribute("data-refreshed") || 0) + 1));
    }).catch(function () {});
  }

  function appendLines() {
    return html("/desk/chats/" + chatId + "/lines?after=" + after).then(function (text) {
      var list = document.getElementById("lines");
      var items = parse(text, "ol").querySelectorAll("li.line");
      Array.prototype.forEach.call(items, function (item) {
        var id = Number(item.getAttribute("data-id"));
        if (id > after && !document.getElementById("line-" + id)) {
          list.appendChild(item);
          after = id;
        }
      });
      root.setAttribute("data-after", String(after));
      toNewest();
      toNewestWhenLoaded(list);
    }).catch(function () {});
  }

  function replaceLines() {
    return html("/desk/chats/" + chatId + "/lines").then(function (text) {
      var list = document.getElementById("lines");
      var items = parse(text, "ol").childNodes;
      list.replaceChildren.apply(list, Array.prototype.slice.call(items));
      var last = list.querySelector("li.line:last-of-type");
      if (last) {
        after = Math.max(after, Number(last.getAttribute("data-id")));
      }
      toNewest();
      toNewestWhenLoaded(list);
      followDelivery();
    }).catch(function () {});
  }

  var rechecks = 0; // a reply on its way: re-read until it shows sent (or held, failed)
  function followDelivery() {
    var list = document.getElementById("lines");
    var onItsWay = list && list.querySelector(".delivery-pending, .delivery-sending");
    if (onItsWay && rechecks < 30) {
      rechecks += 1;
      window.setTimeout(replaceLines, 2000);
    } else if (!onItsWay) {
      rechecks = 0;
    }
  }

  function leave() {
    var box = document.getElementById("text");
    if (!box || !box.value.trim()) {
      window.location.assign("/desk/chats"); // this chat is out of sight now
      return;
    }
    var note = document.getElementById("chat-changed");
    if (note) {
      note.hidden = false; // the agent is typing: do not throw it away
    }
  }

  function chatChanged() {
    var box = document.getElementById("text");
    if (!box || !box.value.trim()) {
      window.location.reload();
      return;
    }
    var note = document.getElementById("chat-changed");
    if (note) {
      note.hidden = false; // the agent is typing: do not throw it away
    }
  }

  function onChat(event) {
    var data = JSON.parse(event.data);
    var newWaiting = !data.gone && (data.change === "opened" ||
      (data.change === "transferred" && data.status === "waiting"));
    if (page === "list") {
      refreshList();
      return;
    }
    if (data.gone) { // transferred to a team this agent does not see
      if (data.chat === chatId) {
        leave();
      }
      return;
    }
    if (newWaiting && data.chat !== chatId) {
      fresh += 1;
      showBadge(fresh);
      chime();
    }
    if (data.chat !== chatId) {
      return;
    }
    if (data.change === "message" || data.change === "reply") {
      appendLines();
      if (data.change === "reply") {
        window.setTimeout(replaceLines, 2000); // its delivery, once the outbox sent it
      }
    } else if (data.change === "translated" || data.change === "translation_failed") {
      replaceLines();
    }
    if (data.status && data.status !== chatStatus) {
      chatChanged();
    }
  }

  function resync() {
    if (page === "list") {
      refreshList();
    } else {
      replaceLines();
    }
  }

  var source = new EventSource("/desk/chats/events");
  source.addEventListener("ready", function () {
    if (connected) {
      resync(); // reconnected: what happened meanwhile was not heard
    }
    connected = true;
    root.setAttribute("data-live", "1");
    if (liveStatus) {
      liveStatus.hidden = true;
    }
  });
  source.addEventListener("chat", onChat);
  source.addEventListener("resync", resync);
  source.addEventListener("signed-out", function () {
    source.close();
    window.location.reload(); // to the sign-in page
  });
  source.addEventListener("error", function () {
    if (source.readyState === EventSource.CLOSED && liveStatus) {
      liveStatus.textContent = root.getAttribute("data-lost");
      liveStatus.hidden = false;
    }
  });
  window.addEventListener("pagehide", function () {
    source.close();
  });
}());
