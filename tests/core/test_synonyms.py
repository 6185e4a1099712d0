"""Tests for bot.core.synonyms: the bundled WordNet table, base forms, and building the table."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from bot.core import synonyms as synonyms_module
from bot.core.synonyms import Thesaurus, build_table, phrasal_synonyms, synonyms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("detained", "detention"),  # derivation of a synset member
        ("held", "hold"),  # irregular form -> base form
        ("sold", "sell"),
        ("mediated", "arbitrate"),  # inflection -> lemma -> synonym
        ("killed", "kill"),
        ("neighbourhood", "neighborhood"),  # British and American spellings
        ("job", "occupation"),
        ("died", "perish"),
        ("complicated", "complex"),  # a satellite adjective -> its head
    ],
)
def test_bundled_synonyms(word: str, expected: str) -> None:
    assert expected in synonyms(word)


@pytest.mark.parametrize("word", ["", "xqzv", "the-end-of-it", "ŝtelo", "a" * 500])
def test_words_wordnet_does_not_know_have_none(word: str) -> None:
    assert synonyms(word) == ()


def test_a_word_is_not_its_own_synonym() -> None:
    assert "arrest" not in synonyms("arrest")
    assert "apprehend" in synonyms("arrest")


def test_a_head_adjective_does_not_offer_its_satellites() -> None:
    """ "tall" heads dozens of shades ("lanky", "gangling"): too loose to stand in for it."""
    assert "lanky" not in synonyms("tall")


def test_base_forms_come_before_synonyms() -> None:
    assert synonyms("held")[0] == "hold"


def test_a_missing_table_means_no_synonyms(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A broken install answers without synonyms (and says so in the log), never crashes."""
    synonyms_module.thesaurus.cache_clear()
    monkeypatch.setattr(synonyms_module, "TABLE", tmp_path / "missing.txt.gz")
    try:
        assert synonyms("detained") == ()
        assert "synonym table" in caplog.text
    finally:
        synonyms_module.thesaurus.cache_clear()


_GOOD_TABLE = gzip.compress(b"n\tcar\tauto automobile\n")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"not a gzip file", id="not-gzip"),
        pytest.param(_GOOD_TABLE[:-12], id="cut-short"),
        pytest.param(_GOOD_TABLE[:10] + b"\x07" + _GOOD_TABLE[11:], id="corrupt-data"),
        pytest.param(gzip.compress(b"n\tcar\t\xff\xfe\n"), id="not-utf-8"),
    ],
)
def test_an_unreadable_table_means_no_synonyms(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, content: bytes
) -> None:
    """A damaged table is logged and read as empty, never a crash."""
    table = tmp_path / "table.txt.gz"
    table.write_bytes(content)
    assert len(synonyms_module._read(table)) == 0
    assert "unreadable" in caplog.text


def test_a_table_is_read_whole(tmp_path: Path) -> None:
    table = tmp_path / "table.txt.gz"
    table.write_bytes(_GOOD_TABLE)
    assert synonyms_module._read(table).synonyms("car") == ("auto", "automobile")


def test_the_kinds_are_a_table_of_their_own(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without the kinds table there are no kinds, and synonyms still work (and the other way
    round: the commoner lookups never read the kinds)."""
    synonyms_module.kinds_thesaurus.cache_clear()
    monkeypatch.setattr(synonyms_module, "KINDS_TABLE", tmp_path / "missing.txt.gz")
    try:
        assert synonyms_module.kinds("dance") == ()
        assert "confine" in synonyms("detained")
    finally:
        synonyms_module.kinds_thesaurus.cache_clear()


def test_malformed_table_lines_are_skipped() -> None:
    thesaurus = Thesaurus(["n\tcar\tauto automobile\n", "garbage line\n", "x\tfoo\tbar\n", "v!\n"])
    assert thesaurus.synonyms("cars") == ("car", "auto", "automobile")
    assert len(thesaurus) == 1


# A two-synset WordNet in the dictionary format: enough to check the reader and the builder.
_DATA_NOUN = """  1 This software and database is being provided to you
00000100 05 n 02 car 0 auto 0 002 + 00000200 v 0101 @ 00000300 n 0000 | a motor vehicle
00000300 06 n 01 vehicle 0 000 | a conveyance
"""
_DATA_VERB = """  1 licence
00000200 35 v 01 drive 0 001 + 00000100 n 0101 | operate a vehicle
"""
_INDEX_NOUN = """  1 licence
car n 1 2 + @ 1 1 00000100
auto n 1 2 + @ 1 0 00000100
vehicle n 1 0 1 0 00000300
motor_vehicle n 1 0 1 0 00000100
"""
_INDEX_VERB = """  1 licence
drive v 1 1 + 1 1 00000200
"""


def test_build_table_from_a_wordnet_folder(tmp_path: Path) -> None:
    for name, text in {
        "data.noun": _DATA_NOUN,
        "data.verb": _DATA_VERB,
        "data.adj": "",
        "data.adv": "",
        "index.noun": _INDEX_NOUN,
        "index.verb": _INDEX_VERB,
        "index.adj": "",
        "index.adv": "",
        "noun.exc": "",
        "verb.exc": "drove drive\n",
        "adj.exc": "",
        "adv.exc": "",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    lines = build_table(tmp_path)
    assert "n\tcar\tauto drive" in lines
    assert "v\tdrive\tcar" in lines
    assert "v!\tdrove\tdrive" in lines
    assert "n<\tvehicle\tauto car" in lines
    assert not any(line.split("\t")[1] == "motor_vehicle" for line in lines)
    thesaurus = Thesaurus(lines)
    assert thesaurus.synonyms("drove") == ("drive", "car")
    assert thesaurus.kinds("vehicles") == ("auto", "car")


def test_the_bundled_table_is_a_real_gzip_file() -> None:
    with gzip.open(synonyms_module.TABLE, "rt", encoding="utf-8") as lines:
        first = next(lines)
    assert first.count("\t") == 2


@pytest.mark.parametrize(
    ("verb", "particle", "expected"),
    [
        ("looking", "for", "seek"),  # inflected verb -> "look_for"
        ("gave", "up", "abandon"),  # irregular past -> "give_up"
        ("found", "out", "discover"),
        ("held", "back", "restrain"),
    ],
)
def test_phrasal_verbs_have_synonyms(verb: str, particle: str, expected: str) -> None:
    """WordNet's phrasal verbs are in the table under "verb_particle", found from any form."""
    assert expected in phrasal_synonyms(verb, particle)


def test_a_verb_and_a_word_that_is_no_particle_have_no_phrasal_synonyms() -> None:
    assert phrasal_synonyms("looking", "agreement") == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("quickly", "fast"),  # adverb -> its adjective's head
        ("publicly", "public"),  # adverb -> its adjective
    ],
)
def test_adverbs_offer_their_adjectives(word: str, expected: str) -> None:
    assert expected in synonyms(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("heist", "robbery"),  # one step broader
        ("burglars", "thief"),  # plural -> lemma -> broader
        ("robbery", "heist"),  # one step narrower
    ],
)
def test_nouns_offer_broader_and_narrower_nouns(word: str, expected: str) -> None:
    assert expected in synonyms_module.related(word)


@pytest.mark.parametrize(
    ("noun", "kind"),
    [
        ("dance", "tango"),  # three steps down: dance > ballroom dancing > tango
        ("crimes", "bribery"),  # plural -> lemma -> kinds
        ("weapon", "missile"),
        ("birds", "heron"),
    ],
)
def test_nouns_offer_their_kinds(noun: str, kind: str) -> None:
    assert kind in synonyms_module.kinds(noun)


def test_kinds_go_down_not_up_and_the_broadest_nouns_have_none() -> None:
    """A tango is a dance, a dance is no tango; "entity" would be every noun."""
    assert "dance" not in synonyms_module.kinds("tango")
    assert synonyms_module.kinds("entity") == ()


def test_related_nouns_are_not_synonyms_and_verbs_have_none() -> None:
    assert "thief" not in synonyms("burglar")
    assert synonyms_module.related("quickly") == ()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("mean", ("meant",)),  # lemma -> its irregular forms
        ("stolen", ("steal", "stole")),  # a form -> its lemma and the lemma's other forms
        ("best", ()),  # adjectives are left alone: "best" is not "good"
        ("walked", ()),  # regular forms are the stemmer's business
    ],
)
def test_other_forms_of_irregular_verbs(word: str, expected: tuple[str, ...]) -> None:
    assert synonyms_module.other_forms(word) == expected


@pytest.mark.parametrize(("word", "adjective"), [("hot", True), ("work", False), ("run", False)])
def test_adjectives_are_known(word: str, adjective: bool) -> None:
    """Only an adjective has comparatives: "work" + "er" is no comparative."""
    assert synonyms_module.is_adjective(word) is adjective


@pytest.mark.parametrize(
    ("word", "only_a_verb"),
    [("went", True), ("began", True), ("lose", True), ("homes", False), ("power", False)],
)
def test_words_only_ever_verbs(word: str, only_a_verb: bool) -> None:
    """ "how many went" counts nobody by "went"; "power" and "homes" are nouns too."""
    assert synonyms_module.is_only_a_verb(word) is only_a_verb
