"""One frozen settings object, read once at start-up from the environment and ``.env``.

Nothing here runs at import time: ``load_settings()`` is called from ``main()`` and the result is
passed down. A missing or malformed value raises :class:`SettingsError` with one line that names
the variable and how to fix it. The token is wrapped in :class:`Secret` so that it never shows up
in a ``repr``, a log line or an error.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from bot.core.errors import SettingsError

log = logging.getLogger(__name__)

T = TypeVar("T")

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
#: The longest STORYBOT_ANSWER_COOLDOWN (a day: a longer one would read as "ask again in ...").
MAX_COOLDOWN_SECONDS = 86_400.0
#: The longest STORYBOT_INSIGHTS_RETENTION_DAYS (a century: dates further back cannot be told).
MAX_RETENTION_DAYS = 36_500


class Secret:
    """A string that hides itself from ``repr``/``str``; call :meth:`reveal` where it is used."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """Return the secret value (only where the bot logs in)."""
        return self._value

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('********')" if self._value else "Secret('')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults suited to running from a checkout."""

    discord_token: Secret = field(default_factory=lambda: Secret(""))
    corpus_dir: Path = Path("corpus")
    rules_file: Path | None = None
    data_dir: Path = Path("data")
    ask_channel_ids: frozenset[int] = frozenset()
    moderated_channel_ids: frozenset[int] = frozenset()
    modlog_channel_id: int | None = None
    admin_role_id: int | None = None
    dev_guild_id: int | None = None
    log_level: str = "INFO"
    shard_count: int | None = None
    shard_ids: tuple[int, ...] | None = None
    answer_cooldown_seconds: float = 5.0
    insights_retention_days: int = 90
    insights_salt: Secret = field(default_factory=lambda: Secret(""))
    #: Folder of the lexicon cache (None: no cache). ``load_settings`` defaults it to the user's
    #: cache folder; a ``Settings()`` built in code has none.
    cache_dir: Path | None = None
    #: Whether STORYBOT_CACHE_DIR chose ``cache_dir`` (then its problems are warnings).
    cache_dir_set: bool = False
    # Testing only: point discord.py at a local fake Discord.
    discord_api_base: str | None = None
    discord_gateway_url: str | None = None

    def require_token(self) -> str:
        """Return the Discord token, or fail with a one-line message saying how to set it."""
        token = self.discord_token.reveal().strip()
        if not token:
            raise SettingsError(
                "DISCORD_TOKEN is not set: put DISCORD_TOKEN=<your bot token> in .env "
                "(see .env.example) or the environment"
            )
        if any(ch.isspace() for ch in token) or token.lower().startswith("bot "):
            raise SettingsError(
                "DISCORD_TOKEN is malformed: paste only the token from the Developer Portal's "
                "Bot page, without quotes, spaces or a 'Bot ' prefix"
            )
        return token


#: The longest value an error message repeats: a secret pasted into the wrong variable (a
#: token is about 70 characters) is described, not shown.
_SHOWN_VALUE = 20


def _shown(raw: str) -> str:
    """``raw`` as an error message may repeat it: short values only."""
    value = raw.strip()
    return repr(value) if len(value) <= _SHOWN_VALUE else f"a value of {len(value)} characters"


def _parse_int(
    name: str, raw: str, *, minimum: int | None = None, maximum: int | None = None
) -> int:
    try:
        value = int(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {_shown(raw)}") from None
    if minimum is not None and value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {_shown(raw)}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be at most {maximum}, got {_shown(raw)}")
    return value


def _parse_snowflake(name: str, raw: str) -> int:
    value = _parse_int(name, raw, minimum=1)
    if value >= 2**64:
        raise SettingsError(f"{name} must be a Discord id (copy it with Developer Mode on)")
    return value


def _parse_id_list(name: str, raw: str) -> frozenset[int]:
    parts = [part for part in raw.replace(";", ",").replace(" ", ",").split(",") if part]
    return frozenset(_parse_snowflake(name, part) for part in parts)


def _parse_float(name: str, raw: str, *, minimum: float = 0.0, maximum: float = math.inf) -> float:
    try:
        value = float(raw.strip())
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {_shown(raw)}") from None
    if not math.isfinite(value) or not minimum <= value <= maximum:  # NaN, infinite, out of range
        bounds = f">= {minimum:g}" if maximum == math.inf else f"from {minimum:g} to {maximum:g}"
        raise SettingsError(f"{name} must be a number {bounds}, got {_shown(raw)}")
    return value


def _parse_log_level(name: str, raw: str) -> str:
    level = raw.strip().upper()
    if level not in LOG_LEVELS:
        raise SettingsError(f"{name} must be one of {', '.join(LOG_LEVELS)}, got {_shown(raw)}")
    return level


def _parse_shard_ids(name: str, raw: str) -> tuple[int, ...]:
    parts = [part for part in raw.replace(" ", ",").split(",") if part]
    if not parts:
        raise SettingsError(f"{name} must list shard numbers, e.g. 0,1")
    return tuple(_parse_int(name, part, minimum=0) for part in parts)


def _parse_url(name: str, raw: str) -> str:
    url = raw.strip()
    if not url.startswith(("http://", "https://", "ws://", "wss://")):
        raise SettingsError(f"{name} must be an http(s):// or ws(s):// URL")
    return url.rstrip("/")


#: The value of STORYBOT_CACHE_DIR that turns the lexicon cache off.
CACHE_OFF = "off"
#: Every value of STORYBOT_CACHE_DIR that turns it off (any case, quoted or not).
CACHE_OFF_VALUES = frozenset({CACHE_OFF, "false", "no", "none", "0", "disabled"})


def _parse_cache_dir(name: str, raw: str) -> Path | None:
    """The folder (relative: to the current folder at start), or None for an off value."""
    value = raw.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1].strip()
    if value.casefold() in CACHE_OFF_VALUES:
        return None
    if not value or "\0" in value:
        raise SettingsError(f"{name} must be a folder path or {CACHE_OFF}, got {_shown(raw)}")
    try:
        return Path(value).expanduser().absolute()
    except RuntimeError:  # ~user with no such user, or no home folder
        raise SettingsError(f"{name} cannot expand ~ in {_shown(raw)}: no such home") from None


def default_cache_dir(environ: Mapping[str, str]) -> Path | None:
    """``$XDG_CACHE_HOME/storybot`` (if that is an absolute path), else
    ``~/.cache/storybot``; None if there is no home folder."""
    xdg = environ.get("XDG_CACHE_HOME", "").strip()
    if xdg and Path(xdg).is_absolute():
        return Path(xdg) / "storybot"
    home = environ.get("HOME", "").strip()
    try:
        return (Path(home) if home else Path.home()) / ".cache" / "storybot"
    except RuntimeError:  # no home folder can be determined
        return None


def load_settings(
    environ: Mapping[str, str] | None = None,
    *,
    dotenv_path: str | os.PathLike[str] | None = ".env",
) -> Settings:
    """Build :class:`Settings` from ``environ`` (default: the process environment plus ``.env``).

    Values already in the environment win over ``.env``. Raises :class:`SettingsError` naming the
    first bad variable.
    """
    if environ is None:
        if dotenv_path is not None and Path(dotenv_path).is_file():
            from dotenv import load_dotenv

            load_dotenv(dotenv_path, override=False)
        environ = os.environ

    def get(name: str, parse: Callable[[str, str], T]) -> T | None:
        raw = environ.get(name)
        if raw is None or not raw.strip():
            return None
        return parse(name, raw)

    defaults = Settings()
    shard_count = get("STORYBOT_SHARD_COUNT", lambda n, r: _parse_int(n, r, minimum=1))
    shard_ids = get("STORYBOT_SHARD_IDS", _parse_shard_ids)
    if shard_ids is not None:
        if shard_count is None:
            raise SettingsError("STORYBOT_SHARD_IDS needs STORYBOT_SHARD_COUNT to be set too")
        if any(shard >= shard_count for shard in shard_ids):
            raise SettingsError("STORYBOT_SHARD_IDS must all be below STORYBOT_SHARD_COUNT")

    rules = get("STORYBOT_RULES_FILE", lambda n, r: Path(r.strip()))
    retention = get(
        "STORYBOT_INSIGHTS_RETENTION_DAYS",
        lambda n, r: _parse_int(n, r, minimum=1, maximum=MAX_RETENTION_DAYS),
    )
    cooldown = get(
        "STORYBOT_ANSWER_COOLDOWN", lambda n, r: _parse_float(n, r, maximum=MAX_COOLDOWN_SECONDS)
    )
    cache_raw = environ.get("STORYBOT_CACHE_DIR", "")
    cache_dir = (
        _parse_cache_dir("STORYBOT_CACHE_DIR", cache_raw)
        if cache_raw.strip()
        else default_cache_dir(environ)
    )
    return Settings(
        discord_token=Secret(environ.get("DISCORD_TOKEN", "").strip()),
        corpus_dir=get("STORYBOT_CORPUS_DIR", lambda n, r: Path(r.strip())) or defaults.corpus_dir,
        rules_file=rules,
        data_dir=get("STORYBOT_DATA_DIR", lambda n, r: Path(r.strip())) or defaults.data_dir,
        ask_channel_ids=get("STORYBOT_ASK_CHANNELS", _parse_id_list) or frozenset(),
        moderated_channel_ids=get("STORYBOT_MODERATED_CHANNELS", _parse_id_list) or frozenset(),
        modlog_channel_id=get("STORYBOT_MODLOG_CHANNEL", _parse_snowflake),
        admin_role_id=get("STORYBOT_ADMIN_ROLE", _parse_snowflake),
        dev_guild_id=get("STORYBOT_DEV_GUILD", _parse_snowflake),
        log_level=get("STORYBOT_LOG_LEVEL", _parse_log_level) or defaults.log_level,
        shard_count=shard_count,
        shard_ids=shard_ids,
        answer_cooldown_seconds=(
            cooldown if cooldown is not None else defaults.answer_cooldown_seconds
        ),
        insights_retention_days=retention or defaults.insights_retention_days,
        insights_salt=Secret(environ.get("STORYBOT_INSIGHTS_SALT", "").strip()),
        cache_dir=cache_dir,
        cache_dir_set=bool(cache_raw.strip()),
        discord_api_base=get("DISCORD_API_BASE", _parse_url),
        discord_gateway_url=get("DISCORD_GATEWAY_URL", _parse_url),
    )
