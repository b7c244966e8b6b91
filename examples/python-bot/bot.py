#!/usr/bin/env python3
"""A small Qiscus Omnichannel bot in Python, standard library only.

It shows what any bot must get right, whatever its language:

- answer each webhook with 200 at once, and reply afterwards through the bot API
  (POST {base}/{app_code}/bot with the QISCUS_SDK_SECRET header);
- read the channel from the webhook (room.options is a JSON *string*: decode it);
- send buttons only where the channel takes them (not on WhatsApp or Instagram),
  and the same choice as numbered text elsewhere;
- hand the room over to a human when asked (POST .../bot/{room_id}/hand_over);
- keep one room's replies in order, stop cleanly on SIGTERM, log to stderr.

Configuration comes from the environment, as `qiscus-mock test --bot-cmd` sets it:
QISCUS_BASE_URL, QISCUS_APP_CODE, QISCUS_SECRET_KEY, QISCUS_BOT_EMAIL and PORT.
Set EXAMPLE_BOT_FORCE_BUTTONS=1 to make it send buttons on every channel: a bug on
purpose, which the mock refuses on WhatsApp (MESSAGE_TYPE_NOT_SUPPORTED).
"""

from __future__ import annotations

import json
import os
import queue
import signal
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# Channels (room source) that refuse a buttons message, as Qiscus does.
CHANNELS_WITHOUT_BUTTONS = frozenset({"wa", "ig"})

OPENING_HOURS = "We are open every day from 08:00 to 20:00 (WIB)."
HANDING_OVER = "Sure, a human agent will take over this chat and reply here shortly."
MENU_QUESTION = "What can I do for you?"
# The menu: (number, button label, what pressing it says).
MENU = (
    (1, "Opening hours", "opening hours"),
    (2, "Talk to a human", "human"),
)
GREETINGS = frozenset({"hi", "hello", "hey", "halo", "hai"})
WORKERS = 4


def log(line: str) -> None:
    """One line to stderr: the harness shows a spawned bot's output when a run fails."""
    print(f"python-bot: {line}", file=sys.stderr, flush=True)


class Config:
    """Where Qiscus is and who the bot is, from the environment."""

    def __init__(self, env: dict[str, str]) -> None:
        missing = [
            name
            for name in ("QISCUS_BASE_URL", "QISCUS_APP_CODE", "QISCUS_SECRET_KEY", "PORT")
            if not env.get(name)
        ]
        if missing:
            raise SystemExit(
                f"python-bot: set {', '.join(missing)} (qiscus-mock test --bot-cmd sets them all)"
            )
        self.base_url = env["QISCUS_BASE_URL"].rstrip("/")
        self.app_code = env["QISCUS_APP_CODE"]
        self.secret_key = env["QISCUS_SECRET_KEY"]
        self.bot_email = env.get("QISCUS_BOT_EMAIL") or f"{self.app_code}_admin@qismo.com"
        self.port = int(env["PORT"])
        self.force_buttons = env.get("EXAMPLE_BOT_FORCE_BUTTONS") == "1"


class Qiscus:
    """The two calls of the Qiscus bot API this bot makes."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def send(self, room_id: str, message: dict[str, Any]) -> None:
        """Posts one message into the room as the bot."""
        body = {"sender_email": self.config.bot_email, "room_id": room_id, **message}
        self._post(f"/{self.config.app_code}/bot", body)

    def hand_over(self, room_id: str) -> None:
        """Switches the bot off for the room and asks for a human agent."""
        self._post(f"/{self.config.app_code}/bot/{room_id}/hand_over", {})

    def _post(self, path: str, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            self.config.base_url + path,
            data=json.dumps(body).encode("utf-8"),
            method="POST",
            headers={
                "Content-Type": "application/json",
                "QISCUS_SDK_SECRET": self.config.secret_key,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as error:
            # Qiscus answers {"status": 400, "errors": {"message": ..., "code": ...}}.
            detail = error.read().decode("utf-8", "replace")[:500]
            raise RuntimeError(f"POST {path} answered {error.code}: {detail}") from error


def channel_of(webhook: dict[str, Any]) -> str:
    """The room's channel: `room.options` is a JSON string, not an object."""
    options = json.loads(webhook["payload"]["room"]["options"])
    return options.get("source") or options["channel"]


def menu(channel: str, force_buttons: bool) -> dict[str, Any]:
    """The menu as buttons where the channel takes them, as numbered text elsewhere."""
    if channel not in CHANNELS_WITHOUT_BUTTONS or force_buttons:
        buttons = [
            {"label": label, "type": "postback", "postback_text": said}
            for _, label, said in MENU
        ]
        return {"type": "buttons", "message": "", "payload": {"text": MENU_QUESTION, "buttons": buttons}}
    lines = [f"{MENU_QUESTION} Reply with a number:"]
    lines += [f"{number}. {label}" for number, label, _ in MENU]
    return {"type": "text", "message": "\n".join(lines)}


def text(reply: str) -> dict[str, Any]:
    return {"type": "text", "message": reply}


class Bot:
    """Decides the replies to one webhook and sends them, in order."""

    def __init__(self, config: Config, qiscus: Qiscus) -> None:
        self.config = config
        self.qiscus = qiscus

    def handle(self, webhook: dict[str, Any]) -> None:
        payload = webhook["payload"]
        room_id = payload["room"]["id_str"]
        message = payload["message"]
        channel = channel_of(webhook)
        said = (message.get("text") or "").strip()
        words = said.lower().strip("!?.").split()
        log(f"room {room_id} ({channel}): {json.dumps(said)}")

        numbered = {str(number): reply for number, _, reply in MENU}
        if said in numbered:
            # A number picks a menu option where the menu came as text.
            said = numbered[said]
            words = said.split()

        if message.get("type") == "file_attachment":
            self.qiscus.send(room_id, text("Thanks, I have received your file."))
        elif "human" in words or "agent" in words:
            self.qiscus.send(room_id, text(HANDING_OVER))
            self.qiscus.hand_over(room_id)
        elif words and words[0].strip(",") in GREETINGS:
            name = payload["from"].get("name", "").split(" ")[0] or "there"
            self.qiscus.send(room_id, text(f"Hello {name}! I am a bot written in Python."))
            self.qiscus.send(room_id, menu(channel, self.config.force_buttons))
        elif "hours" in words or "open" in words:
            self.qiscus.send(room_id, text(OPENING_HOURS))
        elif words == ["menu"]:
            self.qiscus.send(room_id, menu(channel, self.config.force_buttons))
        else:
            self.qiscus.send(room_id, text(f"You said: {said}"))


class Workers:
    """A few threads that handle webhooks; one room always goes to the same thread, so its
    replies keep their order, and rooms still proceed side by side."""

    def __init__(self, bot: Bot, count: int) -> None:
        self.bot = bot
        self.queues: list[queue.Queue[dict[str, Any] | None]] = [queue.Queue() for _ in range(count)]
        self.threads = [
            threading.Thread(target=self._work, args=(q,), name=f"worker-{i}", daemon=True)
            for i, q in enumerate(self.queues)
        ]
        for thread in self.threads:
            thread.start()

    def submit(self, webhook: dict[str, Any]) -> None:
        room_id = str(webhook["payload"]["room"]["id_str"])
        self.queues[sum(room_id.encode()) % len(self.queues)].put(webhook)

    def stop(self) -> None:
        """Finishes the webhooks already taken, then stops the threads."""
        for q in self.queues:
            q.put(None)
        for thread in self.threads:
            thread.join(timeout=10)

    def _work(self, q: queue.Queue[dict[str, Any] | None]) -> None:
        while (webhook := q.get()) is not None:
            try:
                self.bot.handle(webhook)
            except Exception as error:  # one bad webhook must not stop the others
                log(f"could not answer: {error}")


def make_handler(workers: Workers) -> type[BaseHTTPRequestHandler]:
    class WebhookHandler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            # Anything that answers shows the bot is up; this is a friendly answer.
            self._answer(200, {"ok": True, "bot": "python example"})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            try:
                webhook = json.loads(self.rfile.read(length))
                webhook["payload"]["room"]["id_str"]
            except (ValueError, KeyError, TypeError) as error:
                log(f"refused a webhook that is not the Qiscus shape: {error!r}")
                self._answer(400, {"ok": False, "problem": "not a Qiscus bot webhook"})
                return
            # Answer at once: Qiscus does not wait for the reply, which goes out through the API.
            self._answer(200, {"ok": True})
            workers.submit(webhook)

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # one line per webhook is logged by the bot itself

    return WebhookHandler


def main() -> None:
    config = Config(dict(os.environ))
    workers = Workers(Bot(config, Qiscus(config)), WORKERS)
    server = ThreadingHTTPServer(("127.0.0.1", config.port), make_handler(workers))
    server.daemon_threads = True

    def stop(signum: int, _frame: object) -> None:
        log(f"{signal.Signals(signum).name}: stopping")
        # shutdown() waits for serve_forever() to return, so it must run on another thread.
        threading.Thread(target=server.shutdown).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log(f"listening on http://127.0.0.1:{server.server_address[1]}/ (Qiscus at {config.base_url})")
    server.serve_forever()
    server.server_close()
    workers.stop()
    log("stopped")


if __name__ == "__main__":
    main()
