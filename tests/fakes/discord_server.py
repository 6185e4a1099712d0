"""A small fake Discord (REST v10 + gateway) on 127.0.0.1 for end-to-end tests of the real bot.

The unmodified discord.py client connects to it once ``Route.BASE`` and
``DiscordWebSocket.DEFAULT_GATEWAY`` point here. Every REST call is recorded as a :class:`Call`
so tests assert on what the bot actually sent; tests push gateway events with :meth:`dispatch`
(or the helpers :meth:`send_message`, :meth:`edit_message`, :meth:`slash`, :meth:`autocomplete`)
and make Discord misbehave with :meth:`fail` (403/429 on a route, or a 5xx whose request was
carried out: a lost answer) or :attr:`close_code_on_identify` (4014 disallowed intents, 4004 bad
token). A message created with a ``nonce`` and ``enforce_nonce`` is created once: the same nonce
again (same channel and author, within :data:`NONCE_SECONDS`) returns the first message, as
Discord does.

Responses are JSON with ``Content-Type: application/json`` exactly: discord.py does not decode
anything else.
"""

from __future__ import annotations

import asyncio
import email.parser
import email.policy
import itertools
import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aiohttp import WSMsgType, web

log = logging.getLogger(__name__)

Json = dict[str, Any]

# Permission bits used by the fixtures.
ADMINISTRATOR = 1 << 3
MANAGE_GUILD = 1 << 5
MODERATE_MEMBERS = 1 << 40
BASIC_MEMBER = (1 << 10) | (1 << 11) | (1 << 14) | (1 << 15) | (1 << 16)  # view, send, embed...
#: How long a test waits for the bot to make a call: generous, since a passing wait returns at
#: once and only a loaded machine (two cores busy) makes the bot slow.
WAIT_SECONDS = 10.0
#: How long a message's nonce is enforced (Discord: "the past few minutes").
NONCE_SECONDS = 300.0


@dataclass(frozen=True)
class UploadedFile:
    """One file part of a multipart request (an attachment the bot sent)."""

    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Call:
    """One REST request the bot made (for a multipart request: its ``payload_json`` and files)."""

    method: str
    path: str  # without the /api/v10 prefix, e.g. "/channels/10/messages"
    json: Any
    query: dict[str, str]
    files: tuple[UploadedFile, ...] = ()

    def file(self, filename: str) -> UploadedFile:
        """The uploaded file called ``filename`` (KeyError if the request has none)."""
        for uploaded in self.files:
            if uploaded.filename == filename:
                return uploaded
        raise KeyError(filename)

    @property
    def sends_message(self) -> bool:
        """True for a request that creates or edits a message (content and/or embeds)."""
        if self.method not in ("POST", "PATCH") or not isinstance(self.json, dict):
            return False
        body = self.json.get("data", self.json) if "/interactions/" in self.path else self.json
        return isinstance(body, dict) and ("content" in body or "embeds" in body)

    def message_body(self) -> Json:
        """The message part of the request (the ``data`` of an interaction callback)."""
        if "/interactions/" in self.path:
            return dict(self.json.get("data") or {})
        return dict(self.json or {})


@dataclass
class Failure:
    """A configured error answer for matching requests."""

    method: str
    pattern: re.Pattern[str]
    status: int
    code: int
    message: str
    times: int | None  # None: forever
    retry_after: float | None = None
    lost: bool = False  # the request is carried out first: only its answer is the error


@dataclass
class FakeUser:
    """A user known to the fake, with an optional set of guild roles."""

    id: int
    name: str
    bot: bool = False
    role_ids: list[int] = field(default_factory=list)

    def payload(self) -> Json:
        """The user object."""
        data: Json = {
            "id": str(self.id),
            "username": self.name,
            "global_name": self.name,
            "discriminator": "0",
            "avatar": None,
        }
        if self.bot:
            data["bot"] = True
        return data


def _now() -> str:
    return datetime.now(UTC).isoformat()


class FakeDiscord:
    """A loopback Discord: one guild, a few channels and roles, users, a bot application."""

    TOKEN = "fake.bot.token"

    def __init__(self) -> None:
        self.app_id = 900_000_000_000_000_001
        self.guild_id = 800_000_000_000_000_001
        self.owner_id = 700_000_000_000_000_099
        self.bot_user = FakeUser(900_000_000_000_000_001, "storybot", bot=True)
        self.admin_role_id = 600_000_000_000_000_001
        self.mod_role_id = 600_000_000_000_000_002
        self.channels: dict[str, int] = {
            "general": 500_000_000_000_000_001,
            "ask": 500_000_000_000_000_002,
            "discussion": 500_000_000_000_000_003,
            "modlog": 500_000_000_000_000_004,
        }
        self.users: dict[str, FakeUser] = {
            "alice": FakeUser(700_000_000_000_000_001, "alice"),
            "bob": FakeUser(700_000_000_000_000_002, "bob"),
            "admin": FakeUser(700_000_000_000_000_003, "admin", role_ids=[self.admin_role_id]),
            "otherbot": FakeUser(700_000_000_000_000_004, "otherbot", bot=True),
            "mod": FakeUser(700_000_000_000_000_005, "mod", role_ids=[self.mod_role_id]),
        }
        self.calls: list[Call] = []
        self.identifies: list[Json] = []
        self.messages: dict[int, Json] = {}
        self.close_code_on_identify: int | None = None
        self.commands: dict[str, list[Json]] = {}  # scope ("global" or guild id) -> commands
        self.interaction_callbacks: dict[int, int] = {}  # interaction id -> callback count
        self.dm_channels: dict[int, int] = {}  # user id -> DM channel id
        self._failures: list[Failure] = []
        self._ids = itertools.count(100_000_000_000_000_001)
        self._sockets: list[web.WebSocketResponse] = []
        self._seq = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._guild_sent = False
        self._originals: dict[str, int] = {}  # interaction token -> original response id
        self._interaction_channels: dict[str, int] = {}  # interaction token -> channel id
        # (channel id, author id, nonce) -> (message id, time.monotonic() when created)
        self._nonces: dict[tuple[int, int, str], tuple[int, float]] = {}
        self.port = 0

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        """Listen on 127.0.0.1 on a random free port."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        """Close every gateway socket and the server."""
        for ws in list(self._sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """The value for ``DISCORD_API_BASE``."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """The value for ``DISCORD_GATEWAY_URL``."""
        return f"ws://127.0.0.1:{self.port}/gateway"

    # ------------------------------------------------------------------ test helpers

    def new_id(self) -> int:
        """A fresh snowflake."""
        return next(self._ids)

    def fail(
        self,
        method: str,
        path_regex: str,
        *,
        status: int = 403,
        code: int = 50013,
        message: str = "Missing Permissions",
        times: int | None = None,
        retry_after: float | None = None,
        lost: bool = False,
    ) -> None:
        """Answer matching requests with an error (``times`` times, or forever); ``status=0``
        closes the connection instead. With ``lost``, carry each request out first (e.g. create
        the message) and lose the answer."""
        self._failures.append(
            Failure(method, re.compile(path_regex), status, code, message, times, retry_after, lost)
        )

    def calls_matching(self, method: str | None = None, path_regex: str = "") -> list[Call]:
        """Recorded calls with this method whose path matches ``path_regex`` (search)."""
        pattern = re.compile(path_regex)
        return [
            call
            for call in self.calls
            if (method is None or call.method == method) and pattern.search(call.path)
        ]

    @property
    def uploads(self) -> list[Call]:
        """The requests that carried files, oldest first."""
        return [call for call in self.calls if call.files]

    async def wait_for(
        self, predicate: Callable[[Call], bool], within: float = WAIT_SECONDS
    ) -> Call:
        """The first recorded call (past or future) matching ``predicate``, within ``within`` s."""
        async with asyncio.timeout(within):
            async with self._changed:
                while True:
                    for call in self.calls:
                        if predicate(call):
                            return call
                    await self._changed.wait()

    async def wait_for_count(
        self, predicate: Callable[[Call], bool], count: int, within: float = WAIT_SECONDS
    ) -> list[Call]:
        """Wait until ``count`` recorded calls match ``predicate``; return them."""
        async with asyncio.timeout(within):
            async with self._changed:
                while True:
                    found = [call for call in self.calls if predicate(call)]
                    if len(found) >= count:
                        return found
                    await self._changed.wait()

    async def wait_connected(self, within: float = WAIT_SECONDS) -> None:
        """Wait until a bot has identified and received its guild."""
        async with asyncio.timeout(within):
            async with self._changed:
                await self._changed.wait_for(lambda: bool(self.identifies) and self._guild_sent)

    @staticmethod
    def replies_to(message: Json | int | str) -> Callable[[Call], bool]:
        """A predicate for a POST that replies to ``message`` (a payload or an id)."""
        target = str(message["id"] if isinstance(message, dict) else message)

        def match(call: Call) -> bool:
            body = call.json if isinstance(call.json, dict) else {}
            reference = body.get("message_reference") or {}
            return call.method == "POST" and str(reference.get("message_id")) == target

        return match

    def bot_reply_to(self, message: Json) -> Json:
        """The stored message the bot posted in reply to ``message``."""
        for stored in self.messages.values():
            reference = stored.get("message_reference") or {}
            if stored["author"]["id"] == str(self.bot_user.id) and str(
                reference.get("message_id")
            ) == str(message["id"]):
                return stored
        raise LookupError(f"no reply to {message['id']}")

    def sent_messages(self) -> list[Call]:
        """Every recorded request that created or edited a message."""
        return [call for call in self.calls if call.sends_message]

    async def dispatch(self, event: str, data: Json) -> None:
        """Send a gateway dispatch to every connected bot."""
        frame = {"op": 0, "t": event, "s": next(self._seq), "d": data}
        for ws in list(self._sockets):
            if not ws.closed:
                await ws.send_str(json.dumps(frame))

    def member_payload(self, user: FakeUser, *, permissions: int | None = None) -> Json:
        """The guild member object for ``user``."""
        data: Json = {
            "user": user.payload(),
            "roles": [str(r) for r in user.role_ids],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "communication_disabled_until": None,
        }
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data

    def message_payload(
        self,
        content: str,
        *,
        author: str | FakeUser = "alice",
        channel: str | int = "general",
        guild: bool = True,
        mentions: list[FakeUser] | None = None,
        mention_everyone: bool = False,
        reference: int | None = None,
        webhook: bool = False,
        message_id: int | None = None,
    ) -> Json:
        """A MESSAGE_CREATE payload (a DM when ``guild`` is False; ``mention_everyone`` as
        Discord sets it for a member allowed to ping @everyone/@here)."""
        user = self.users[author] if isinstance(author, str) else author
        channel_id = self.channels[channel] if isinstance(channel, str) else channel
        data: Json = {
            "id": str(message_id or self.new_id()),
            "channel_id": str(channel_id),
            "author": user.payload(),
            "content": content,
            "timestamp": _now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": mention_everyone,
            "mentions": [u.payload() for u in mentions or []],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 19 if reference else 0,
            "flags": 0,
            "components": [],
        }
        if guild:
            data["guild_id"] = str(self.guild_id)
            member = self.member_payload(user)
            member.pop("user")
            data["member"] = member
        if webhook:
            data["webhook_id"] = str(self.new_id())
        if reference is not None:
            data["message_reference"] = {
                "message_id": str(reference),
                "channel_id": str(channel_id),
                "guild_id": str(self.guild_id) if guild else None,
            }
            referenced = self.messages.get(reference)
            if referenced is not None:
                data["referenced_message"] = referenced
        return data

    async def send_message(self, content: str, **kwargs: Any) -> Json:
        """Dispatch MESSAGE_CREATE for a user's message; returns the payload."""
        data = self.message_payload(content, **kwargs)
        self.messages[int(data["id"])] = data
        await self.dispatch("MESSAGE_CREATE", data)
        return data

    async def send_dm(self, content: str, *, author: str = "alice", **kwargs: Any) -> Json:
        """Dispatch MESSAGE_CREATE for a direct message to the bot."""
        user = self.users[author]
        channel_id = self._dm_channel_for(user.id)
        return await self.send_message(
            content, author=author, channel=channel_id, guild=False, **kwargs
        )

    async def create_forum(self, name: str, forum_id: int | None = None) -> int:
        """Dispatch CHANNEL_CREATE for a new forum channel ``name`` (with ``forum_id``, e.g. one
        already in the bot's settings); returns its id."""
        forum_id = forum_id or self.new_id()
        self.channels[name] = forum_id
        data = dict(self._channel_payload(name, forum_id), type=15, available_tags=[])
        await self.dispatch("CHANNEL_CREATE", data)
        return forum_id

    async def create_thread(self, parent: str, *, owner: str = "alice") -> int:
        """Dispatch THREAD_CREATE for a new public thread under channel ``parent`` (in a forum
        channel: a new post); returns the thread's id, usable as a message's ``channel``."""
        thread_id = self.new_id()
        data: Json = {
            "id": str(thread_id),
            "guild_id": str(self.guild_id),
            "parent_id": str(self.channels[parent]),
            "owner_id": str(self.users[owner].id),
            "name": f"thread {thread_id}",
            "type": 11,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "applied_tags": [],
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": _now(),
                "locked": False,
            },
            "newly_created": True,
        }
        await self.dispatch("THREAD_CREATE", data)
        return thread_id

    async def edit_message(self, original: Json, content: str) -> Json:
        """Dispatch MESSAGE_UPDATE: the user edited ``original`` to ``content``."""
        data = dict(original, content=content, edited_timestamp=_now())
        self.messages[int(data["id"])] = data
        await self.dispatch("MESSAGE_UPDATE", data)
        return data

    def interaction_payload(
        self,
        name: str,
        options: list[Json] | None = None,
        *,
        user: str = "alice",
        kind: int = 2,
        channel: str = "general",
        permissions: int = BASIC_MEMBER,
    ) -> Json:
        """An INTERACTION_CREATE payload for a slash command (kind 2) or autocomplete (kind 4)."""
        fake_user = self.users[user]
        interaction_id = self.new_id()
        self._interaction_channels[f"itoken-{interaction_id}"] = self.channels[channel]
        scope = str(self.guild_id) if str(self.guild_id) in self.commands else "global"
        command = next(
            (c for c in self.commands.get(scope, []) if c["name"] == name),
            {"id": str(self.new_id())},
        )
        return {
            "id": str(interaction_id),
            "application_id": str(self.app_id),
            "type": kind,
            "token": f"itoken-{interaction_id}",
            "version": 1,
            "data": {
                "id": command["id"],
                "name": name,
                "type": 1,
                "options": options or [],
                "guild_id": str(self.guild_id),
            },
            "guild_id": str(self.guild_id),
            "channel_id": str(self.channels[channel]),
            "channel": self._channel_payload(channel, self.channels[channel]),
            "member": self.member_payload(fake_user, permissions=permissions),
            "app_permissions": str(BASIC_MEMBER),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10_485_760,
        }

    async def slash(self, name: str, options: dict[str, Any] | None = None, **kwargs: Any) -> Json:
        """Dispatch a slash-command interaction; option values may be str, int, bool or a
        :class:`FakeUser` (a user option, resolved like Discord does). A ``subcommand`` keyword
        wraps the options in that subcommand (``/strikes clear``)."""
        subcommand = kwargs.pop("subcommand", None)
        options = dict(options or {})
        payload = self.interaction_payload(name, _options(options), **kwargs)
        users = [value for value in options.values() if isinstance(value, FakeUser)]
        if users:
            payload["data"]["resolved"] = {
                "users": {str(u.id): u.payload() for u in users},
                "members": {
                    str(u.id): {k: v for k, v in self.member_payload(u).items() if k != "user"}
                    for u in users
                },
            }
        if subcommand is not None:
            payload["data"]["options"] = [
                {"name": subcommand, "type": 1, "options": payload["data"]["options"]}
            ]
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    async def autocomplete(
        self, name: str, focused: str, value: str, others: dict[str, Any] | None = None, **kw: Any
    ) -> Json:
        """Dispatch an autocomplete interaction with ``focused`` being typed as ``value``."""
        options = _options(others or {})
        options.append({"name": focused, "type": 3, "value": value, "focused": True})
        payload = self.interaction_payload(name, options, kind=4, **kw)
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    # ------------------------------------------------------------------ gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._sockets.append(ws)
        try:
            await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
            async for frame in ws:
                if frame.type != WSMsgType.TEXT:
                    continue
                message = json.loads(frame.data)
                op = message.get("op")
                if op == 1:
                    await ws.send_str(json.dumps({"op": 11}))
                elif op == 2:
                    await self._identify(ws, message["d"])
                elif op == 6:  # RESUME: tell the client to identify afresh
                    await ws.send_str(json.dumps({"op": 9, "d": False}))
        finally:
            self._sockets.remove(ws)
        return ws

    async def _identify(self, ws: web.WebSocketResponse, data: Json) -> None:
        async with self._changed:
            self.identifies.append({k: v for k, v in data.items() if k != "token"})
            self._changed.notify_all()
        if data.get("token") != self.TOKEN:
            await ws.close(code=4004, message=b"Authentication failed.")
            return
        if self.close_code_on_identify is not None:
            await ws.close(code=self.close_code_on_identify, message=b"Disallowed intent(s).")
            return
        ready = {
            "v": 10,
            "user": self.bot_user.payload(),
            "guilds": [{"id": str(self.guild_id), "unavailable": True}],
            "session_id": "fake-session",
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.app_id), "flags": 0},
        }
        await ws.send_str(json.dumps({"op": 0, "t": "READY", "s": next(self._seq), "d": ready}))
        await ws.send_str(
            json.dumps(
                {"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": self._guild_payload()}
            )
        )
        async with self._changed:
            self._guild_sent = True
            self._changed.notify_all()

    def _channel_payload(self, name: str, channel_id: int) -> Json:
        return {
            "id": str(channel_id),
            "type": 0,
            "name": name,
            "guild_id": str(self.guild_id),
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "parent_id": None,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
        }

    def _guild_payload(self) -> Json:
        roles = [
            (self.guild_id, "@everyone", BASIC_MEMBER),
            (self.admin_role_id, "storybot-admin", BASIC_MEMBER),
            (self.mod_role_id, "moderator", BASIC_MEMBER),
        ]
        return {
            "id": str(self.guild_id),
            "name": "Fake Guild",
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "member_count": len(self.users) + 1,
            "large": False,
            "features": [],
            "emojis": [],
            "stickers": [],
            "roles": [
                {
                    "id": str(role_id),
                    "name": name,
                    "permissions": str(perms),
                    "position": index,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
                for index, (role_id, name, perms) in enumerate(roles)
            ],
            "channels": [self._channel_payload(name, cid) for name, cid in self.channels.items()],
            "members": [self.member_payload(self.bot_user)]
            + [self.member_payload(user) for user in self.users.values()],
            "threads": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "system_channel_flags": 0,
        }

    def _dm_channel_for(self, user_id: int) -> int:
        if user_id not in self.dm_channels:
            self.dm_channels[user_id] = self.new_id()
        return self.dm_channels[user_id]

    # ------------------------------------------------------------------ REST

    async def _rest(self, request: web.Request) -> web.Response:
        path = "/" + request.match_info["tail"]
        body: Any = None
        files: tuple[UploadedFile, ...] = ()
        if request.can_read_body:
            raw = await request.read()
            if raw and request.content_type == "application/json":
                body = json.loads(raw)
            elif raw and request.content_type.startswith("multipart/"):
                body, files = _parse_multipart(request.headers["Content-Type"], raw)
        call = Call(request.method, path, body, dict(request.query), files)
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()
        failure = self._match_failure(request.method, path)
        if failure is not None and failure.lost:
            await self._route(request.method, path, body)
        if failure is not None and failure.status == 0:  # no answer at all
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=204)  # (never reaches the client)
        if failure is not None:
            payload: Json = {"message": failure.message, "code": failure.code}
            headers = {}
            if failure.retry_after is not None:
                payload.update(retry_after=failure.retry_after, **{"global": False})
                headers = {
                    "Retry-After": str(failure.retry_after),
                    "X-RateLimit-Scope": "user",
                    "Via": "1.1 google",  # discord.py treats a 429 without Via as a Cloudflare ban
                }
            return _json(payload, status=failure.status, headers=headers)
        if request.headers.get("Authorization") not in (f"Bot {self.TOKEN}", None):
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        return await self._route(request.method, path, body)

    def _match_failure(self, method: str, path: str) -> Failure | None:
        for failure in self._failures:
            if failure.method == method and failure.pattern.fullmatch(path):
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times < 0:
                        continue
                return failure
        return None

    async def _route(self, method: str, path: str, body: Any) -> web.Response:
        app = str(self.app_id)
        parts = path.strip("/").split("/")
        match (method, parts):
            case ("GET", ["users", "@me"]):
                return _json(self.bot_user.payload())
            case ("GET", ["oauth2", "applications", "@me"]):
                return _json(
                    {
                        "id": app,
                        "name": "storybot",
                        "icon": None,
                        "description": "",
                        "bot_public": True,
                        "bot_require_code_grant": False,
                        "verify_key": "0" * 64,
                        "flags": 0,
                        "owner": {
                            "id": str(self.owner_id),
                            "username": "owner",
                            "discriminator": "0",
                            "avatar": None,
                        },
                    }
                )
            case ("GET", ["gateway"] | ["gateway", "bot"]):
                return _json(
                    {
                        "url": self.gateway_url,
                        "shards": 1,
                        "session_start_limit": {
                            "total": 1000,
                            "remaining": 1000,
                            "reset_after": 0,
                            "max_concurrency": 1,
                        },
                    }
                )
            case ("PUT", ["applications", _, "commands"]):
                return _json(self._store_commands("global", body))
            case ("PUT", ["applications", _, "guilds", guild, "commands"]):
                return _json(self._store_commands(guild, body))
            case ("GET", ["applications", _, "commands"]):
                return _json(self.commands.get("global", []))
            case ("GET", ["applications", _, "guilds", guild, "commands"]):
                return _json(self.commands.get(guild, []))
            case ("POST", ["channels", channel, "typing"]):
                return web.Response(status=204)
            case ("POST", ["channels", channel, "messages"]):
                return await self._create_message(int(channel), body or {})
            case ("PATCH", ["channels", channel, "messages", message]):
                return _json(self._edit_message(int(channel), int(message), body or {}))
            case ("DELETE", ["channels", _, "messages", message]):
                self.messages.pop(int(message), None)
                return web.Response(status=204)
            case ("GET", ["channels", channel, "messages", message]):
                found = self.messages.get(int(message))
                if found is None:
                    return _json({"message": "Unknown Message", "code": 10008}, status=404)
                return _json(found)
            case ("PATCH", ["guilds", _, "members", user_id]):
                user = next((u for u in self.users.values() if u.id == int(user_id)), None)
                if user is None:
                    return _json({"message": "Unknown Member", "code": 10007}, status=404)
                member = self.member_payload(user)
                member.update(body or {})
                return _json(member)
            case ("POST", ["users", "@me", "channels"]):
                recipient = int(body["recipient_id"])
                user = next((u for u in self.users.values() if u.id == recipient), None)
                return _json(
                    {
                        "id": str(self._dm_channel_for(recipient)),
                        "type": 1,
                        "last_message_id": None,
                        "recipients": [user.payload() if user else {"id": str(recipient)}],
                    }
                )
            case ("POST", ["interactions", interaction, _, "callback"]):
                return self._interaction_callback(int(interaction), body or {})
            case ("POST", ["webhooks", application, token]) if application == app:
                return _json(self._bot_message(self._interaction_channel(token), body or {}))
            case ("PATCH", ["webhooks", application, token, "messages", target]) if (
                application == app
            ):
                return _json(self._edit_webhook_message(token, target, body or {}))
            case ("GET", ["webhooks", application, token, "messages", "@original"]):
                return _json(self._edit_webhook_message(token, "@original", {}))
            case ("DELETE", ["webhooks", application, token, "messages", "@original"]):
                original = self._originals.pop(token, None)
                if original is None or self.messages.pop(original, None) is None:
                    return _json({"message": "Unknown Message", "code": 10008}, status=404)
                return web.Response(status=204)
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    def _store_commands(self, scope: str, body: Any) -> list[Json]:
        stored = []
        for command in body or []:
            stored.append(
                dict(
                    command,
                    id=str(self.new_id()),
                    application_id=str(self.app_id),
                    version=str(self.new_id()),
                    default_member_permissions=command.get("default_member_permissions"),
                )
            )
        self.commands[scope] = stored
        return stored

    def _bot_message(self, channel_id: int, body: Json) -> Json:
        data = self.message_payload(
            body.get("content") or "",
            author=self.bot_user,
            channel=channel_id,
            guild=channel_id in self.channels.values(),
        )
        data["embeds"] = body.get("embeds") or []
        if body.get("message_reference"):
            data["message_reference"] = body["message_reference"]
            data["type"] = 19
        self.messages[int(data["id"])] = data
        return data

    async def _create_message(self, channel_id: int, body: Json) -> web.Response:
        nonce = body.get("nonce")
        key = (channel_id, self.bot_user.id, str(nonce))
        if nonce is not None and body.get("enforce_nonce"):
            earlier = self._nonces.get(key)
            if earlier is not None and time.monotonic() - earlier[1] < NONCE_SECONDS:
                first = self.messages.get(earlier[0])
                if first is None:  # deleted since
                    return _json({"message": "Unknown Message", "code": 10008}, status=404)
                return _json(first)  # the message made with this nonce, not a second one
        data = self._bot_message(channel_id, body)
        if nonce is not None:
            data["nonce"] = nonce
            self._nonces[key] = (int(data["id"]), time.monotonic())
        # Discord echoes the bot's own message back over the gateway.
        await self.dispatch("MESSAGE_CREATE", data)
        return _json(data)

    def _edit_message(self, channel_id: int, message_id: int, body: Json) -> Json:
        data = self.messages.get(message_id) or self._bot_message(channel_id, {})
        for key in ("content", "embeds"):
            if key in body:
                data[key] = body[key]
        data["edited_timestamp"] = _now()
        self.messages[message_id] = data
        return data

    def _interaction_channel(self, token: str) -> int:
        return self._interaction_channels.get(token, self.channels["general"])

    def _interaction_callback(self, interaction_id: int, body: Json) -> web.Response:
        count = self.interaction_callbacks.get(interaction_id, 0) + 1
        self.interaction_callbacks[interaction_id] = count
        if count > 1:
            return _json(
                {"message": "Interaction has already been acknowledged.", "code": 40060},
                status=400,
            )
        kind = body.get("type")
        flags = int((body.get("data") or {}).get("flags") or 0)
        interaction: Json = {
            "id": str(interaction_id),
            "type": 2,
            "response_message_loading": kind == 5,
            "response_message_ephemeral": bool(flags & 64),
        }
        if kind in (4, 5):
            token = f"itoken-{interaction_id}"
            message = self._bot_message(self._interaction_channel(token), body.get("data") or {})
            message["flags"] = flags
            message["interaction_token"] = f"itoken-{interaction_id}"
            self._originals[f"itoken-{interaction_id}"] = int(message["id"])
            interaction["response_message_id"] = message["id"]
            return _json(
                {"interaction": interaction, "resource": {"type": kind, "message": message}}
            )
        return _json({"interaction": interaction, "resource": {"type": kind}})

    def _edit_webhook_message(self, token: str, target: str, body: Json) -> Json:
        message_id = self._originals.get(token) if target == "@original" else int(target)
        if message_id is None:
            message = self._bot_message(self.channels["general"], body)
            self._originals[token] = int(message["id"])
            return message
        return self._edit_message(self.channels["general"], message_id, body)


def _options(values: dict[str, Any]) -> list[Json]:
    """Slash-command options for simple values (str 3, int 4, bool 5, user 6)."""
    options = []
    for name, value in values.items():
        if isinstance(value, FakeUser):
            options.append({"name": name, "type": 6, "value": str(value.id)})
            continue
        kind = 5 if isinstance(value, bool) else 4 if isinstance(value, int) else 3
        options.append({"name": name, "type": kind, "value": value})
    return options


def _json(data: Any, *, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    return web.Response(
        body=json.dumps(data).encode(),
        status=status,
        headers={"Content-Type": "application/json", **(headers or {})},
    )


def _parse_multipart(content_type: str, raw: bytes) -> tuple[Json, tuple[UploadedFile, ...]]:
    """The ``payload_json`` part and the file parts of a multipart/form-data body."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + raw)
    payload: Json = {}
    files: list[UploadedFile] = []
    for part in message.iter_parts():
        data = part.get_payload(decode=True)
        if part.get_param("name", header="content-disposition") == "payload_json":
            payload = json.loads(data)
        else:
            files.append(UploadedFile(part.get_filename() or "", part.get_content_type(), data))
    return payload, tuple(files)
