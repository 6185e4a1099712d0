"""Tests for bot.core.text: normalisation, tokens, terms, question types, sentences, typos."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.text import (
    _QUOTE_MARKS,
    _SENTENCE_END,
    QuestionType,
    Speller,
    _has_quote_marks,
    _sentence_ends,
    content_tokens,
    decode_token,
    edit_distance,
    english_speller,
    fix_question_word,
    index_terms,
    keyword_date,
    meant_function_word,
    normalise,
    own_sense_plurals,
    question_type,
    sentence_count,
    sentence_spans,
    spell_out_abbreviations,
    split_preamble,
    split_sentences,
    term,
    tokenize,
    tokenize_utf8,
)


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Støre", "store"),
        ("støre", "STORE"),
        ("Trump’s", "trump's"),
        ("“big concession”", '"big concession"'),
        ("Zelenskyy—Kyiv", "zelenskyy-kyiv"),
        ("ＦＵＬＬ width", "full width"),
        ("Straße", "strasse"),
        ("café", "cafe"),
    ],
    ids=["o-slash", "case", "apostrophe", "curly-quotes", "em-dash", "nfkc", "eszett", "accent"],
)
def test_normalise_folds_equivalent_spellings(left: str, right: str) -> None:
    """Spellings that differ only in typography, diacritics or case normalise to the same text."""
    assert normalise(left) == normalise(right)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5,000 soldiers", ["5000", "soldiers"]),
        ("at 10.30 today", ["at", "10.30", "today"]),
        ("Trump’s tone", ["trump", "tone"]),
        ("I wasn’t happy", ["i", "wasnt", "happy"]),
        ("the U.S. and the US", ["the", "usa", "and", "the", "usa"]),
        ("Let us go", ["let", "us", "go"]),
        ("the eastern United States", ["the", "eastern", "usa"]),
        ("the United States of America", ["the", "usa"]),
        ("the United Kingdom, the states", ["the", "united", "kingdom", "the", "states"]),
        ("the United\xa0States", ["the", "usa"]),
        ("Manchester United states its case", ["manchester", "united", "states", "its", "case"]),
        ("what he'd said, she’ll go", ["what", "he", "said", "she", "go"]),
        ("O'Neill's rock'n'roll", ["oneill", "rocknroll"]),
        ("", []),
    ],
    ids=[
        "thousands",
        "decimal-time",
        "possessive",
        "contraction",
        "us-country",
        "us-pronoun",
        "united-states",
        "united-states-of-america",
        "united-kingdom-and-states",
        "united-states-any-space",
        "a-name-then-a-verb",
        "pronoun-contractions",
        "apostrophes-inside-words",
        "empty",
    ],
)
def test_tokenize(text: str, expected: list[str]) -> None:
    """Tokens are normalised words and canonical numbers."""
    assert tokenize(text) == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Kiev", "Kyiv"),
        ("favourite colour", "favorite color"),
        ("organise", "organize"),
        ("killed", "died"),
        ("the firemen", "the firefighters"),
        ("the towers came down", "the towers fell"),
        ("Norwegian", "Norway"),
        ("twelve", "12"),
        ("5,000", "5000"),
        ("Trumps", "Trump's"),
        ("gave up", "concession"),
        ("colourful neighbourhoods", "colorful neighborhoods"),
        ("behavioural", "behavioral"),
        ("Excavations led by Dr Rao", "excavations lead by dr rao"),
        ("the thieves stole", "the thieves stolen"),
        ("he explained to the press", "he clarified to the press"),
        ("leaning on Russia", "pressure on Russia"),
        ("a timeline for peace", "a deadline for peace"),
        ("jailed for four years", "imprisoned for four years"),
        ("two men were detained", "two men were arrested"),
        ("the Lyric Theatre, 40 kilometres away", "the lyric theater, 40 kilometers away"),
        ("a calibre of rifle", "a caliber of rifle"),
        ("Lithuanian and Swedish officials", "Lithuania and Sweden officials"),
        ("robbers burgled the museum", "thieves stole the museum"),
        ("he was pleased the shot was needed", "he was happy the shot was necessary"),
        ("the quake and the blaze", "the earthquake and the wildfire"),
        ("reporters asked about his remarks", "reporters questioned about his comments"),
        ("grabbing the whole city", "seizing the whole city"),
        ("is hwy 24 shut for 3 hrs tmrw", "is highway 24 shut for 3 hours tomorrow"),
        ("the Aussie rider and two Brits", "the Australian rider and two British"),
        ("he was reffing and has reffed before", "he was refereeing and has refereed before"),
    ],
    ids=[
        "transliteration",
        "british",
        "ise-ize",
        "related",
        "firemen-are-firefighters",
        "came-down-is-fell",
        "demonym",
        "number-word",
        "thousands",
        "missing-apostrophe",
        "phrasal-verb",
        "british-our-inside",
        "british-oural",
        "irregular-past",
        "irregular-participle",
        "news-verbs",
        "phrasal-news-verb",
        "deadline",
        "prison",
        "arrest",
        "british-vowel-tre",
        "british-bre",
        "demonyms",
        "theft",
        "happy-necessary",
        "quake-blaze",
        "asked-questioned-remarks-comments",
        "grab-seize",
        "everyday-abbreviations",
        "demonym-slang",
        "chat-refereeing",
    ],
)
def test_index_terms_match_variants(left: str, right: str) -> None:
    """Variant spellings, related words and number forms index to the same terms."""
    assert index_terms(left) == index_terms(right)


def test_index_terms_drop_stopwords_and_question_words() -> None:
    """Stopwords and question words are not index terms."""
    assert index_terms("Who was it and how many were there?") == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Who is Jonas Gahr Støre?", QuestionType.WHO),
        ("When did they meet?", QuestionType.WHEN),
        ("What date was the meeting?", QuestionType.WHEN),
        ("How many died in Kyiv?", QuestionType.HOW_MANY),
        ("how much will it cost", QuestionType.HOW_MANY),
        ("Where did the strikes happen?", QuestionType.WHERE),
        ("Why is Trump hopeful?", QuestionType.WHY),
        ("What did Trump say about Russia?", QuestionType.STATEMENT),
        ("Is Putin seeking a deal?", QuestionType.YES_NO),
        ("deadline", QuestionType.OTHER),
        ("Did the strikes come before or after the meeting?", QuestionType.WHEN),
        ("Where's the money for the tram coming from?", QuestionType.OTHER),
        ("Did Hallam say how many drivers they will hire?", QuestionType.HOW_MANY),
        ("Does the article mention why he was unhappy?", QuestionType.WHY),
        ("Did Trump say anything about Putin?", QuestionType.YES_NO),
        ("Can you tell me who won?", QuestionType.WHO),
        ("What was the date of Trump's talk with Støre?", QuestionType.WHEN),
        ("when reporters asked abt it what did he say", QuestionType.STATEMENT),
        ("when did trump meet støre and what did they say", QuestionType.WHEN),
        ("When and where did Trump meet Støre?", QuestionType.WHEN),
        ("When's the deadline and what did Trump say about it?", QuestionType.WHEN),
    ],
    ids=[
        "who",
        "when",
        "what-date",
        "how-many",
        "how-much",
        "where",
        "why",
        "say",
        "yes-no",
        "keyword",
        "before-or-after",
        "where-money-comes-from",
        "did-x-say-how-many",
        "does-it-mention-why",
        "did-x-say-anything",
        "can-you-tell-me-who",
        "what-was-the-date",
        "leading-when-clause-without-comma",
        "when-question-then-what",
        "when-and-where",
        "whens-then-what",
    ],
)
def test_question_type(question: str, expected: QuestionType) -> None:
    """Question words decide the expected kind of answer; "Did X say how many ...?" asks how
    many."""
    assert question_type(question) == expected


@pytest.mark.parametrize(
    ("question", "kind", "topic"),
    [
        ("How hot is the sand getting?", QuestionType.HOW_MANY, ["sand", "getting"]),
        ("how cold did it get overnight", QuestionType.HOW_MANY, ["overnight"]),
        ("How thick is the ice on the lake?", QuestionType.HOW_MANY, ["thick", "ice", "lake"]),
        ("how strong were the gusts", QuestionType.OTHER, ["strong", "gusts"]),
        ("How strong is the evidence?", QuestionType.OTHER, ["strong", "evidence"]),
    ],
)
def test_how_and_a_measure_or_a_degree(question: str, kind: QuestionType, topic: list[str]) -> None:
    """ "how hot / cold / thick" asks a measurement, as "how high" does ("hot" and "cold" are
    the question's type: a temperature is "38C"; "thick" stays a topic word, as the answer
    writes "40mm thick"); "how strong" asks how much of it, so "strong" is looked up (the story
    may write "the strongest gust") but is light when the story lacks it."""
    assert question_type(question) == kind
    assert content_tokens(tokenize(question)) == topic


def test_content_tokens_keep_topic_words_only() -> None:
    """Question words, stopwords, framing words and 'how long' are not content."""
    assert content_tokens(tokenize("How long did the story say the war will last?")) == [
        "war",
        "last",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith met Dr. Jones in the U.S. on Jan. 5. They talked.",
            ["Mr. Smith met Dr. Jones in the U.S. on Jan. 5.", "They talked."],
        ),
        (
            "It cost $5,000. The talks began at 10.30 a.m. on Monday.",
            ["It cost $5,000.", "The talks began at 10.30 a.m. on Monday."],
        ),
        (
            "Trump posted: “I am not happy. Not necessary. STOP!” He left.",
            ["Trump posted: “I am not happy. Not necessary. STOP!”", "He left."],
        ),
        (
            '"We will win. We must," she said. Then she left.',
            ['"We will win. We must," she said.', "Then she left."],
        ),
        (
            "J. R. Smith agreed! Did he? Yes — he did.",
            ["J. R. Smith agreed!", "Did he?", "Yes — he did."],
        ),
        ("An “unbalanced quote. Still splits.", ["An “unbalanced quote.", "Still splits."]),
        (
            "BRENNOCK, Ore. — Adaeze Okafor won. “We did it,” she said. — Reuters",
            ["BRENNOCK, Ore. — Adaeze Okafor won.", "“We did it,” she said. — Reuters"],
        ),
        ("No final stop", ["No final stop"]),
        ("   ", []),
    ],
    ids=[
        "abbreviations",
        "numbers",
        "quote-with-attribution",
        "quote-then-attribution",
        "initials-and-dash",
        "unbalanced-quote",
        "dateline-state-then-dash",
        "no-terminator",
        "blank",
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    """Sentences split at terminators but not inside quotes, abbreviations or numbers."""
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("soldeirs", "soldiers"),
        ("concesion", "concession"),
        ("constrution", "construction"),
        ("tango", "tango"),
        ("pizza", None),
        ("abc", None),
        ("pausse", "pause"),
        ("tnagoo", "tango"),
        ("tnago", "tango"),
        ("tnagoo" + "x", None),
        ("consesson", "concession"),
    ],
    ids=[
        "transposition",
        "deletion",
        "long-word",
        "known",
        "unknown",
        "too-short",
        "six-letters-one-edit",
        "six-letters-two-edits",
        "five-letters-transposition",
        "seven-letters-three-edits",
        "wrong-and-missing-letter",
    ],
)
def test_speller_corrects_close_words(word: str, expected: str | None) -> None:
    """An unknown word maps to a close vocabulary word, or to nothing."""
    speller = Speller({"soldiers": 2, "concession": 3, "construction": 1, "tango": 1, "pause": 1})
    assert speller.correct(word) == expected


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [("tango", "tango", 0), ("tango", "tnago", 1), ("kitten", "sitting", 3), ("", "ab", 2)],
    ids=["same", "transposition", "capped", "empty"],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    """Optimal-string-alignment distance, capped at the limit."""
    assert edit_distance(a, b, limit=3) == distance


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_text_functions_never_crash(text: str) -> None:
    """Normalising, tokenizing, indexing and splitting accept any unicode."""
    assert isinstance(normalise(text), str)
    assert all(tokenize(text))
    assert isinstance(index_terms(text), list)
    sentences = split_sentences(text)
    assert all(sentence.strip() == sentence and sentence for sentence in sentences)
    assert isinstance(question_type(text), QuestionType)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("kyv", "kyiv", id="three-letters-missing-one"),
        pytest.param("deadlin", "deadline", id="dropped-last-letter"),
        pytest.param("light", None, id="first-letter-differs"),
        pytest.param("kv", None, id="too-short"),
    ],
)
def test_speller_corrections(word: str, expected: str | None) -> None:
    """Typos are corrected to a close word with the same first letter; other words are left."""
    speller = Speller({"kyiv": 3, "deadline": 2, "night": 5})
    assert speller.correct(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("comlicated", "complicated"), ("casualites", "casualties"), ("deadline", "deadline")],
)
def test_english_speller(word: str, expected: str) -> None:
    """English's common words, from wordfreq's bundled list, spell a word the story lacks."""
    assert english_speller().correct(word) == expected


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        pytest.param("What did Trump say when reporters asked?", QuestionType.STATEMENT, id="sub"),
        pytest.param("On what date did they meet?", QuestionType.WHEN, id="what-date"),
        pytest.param("how many ppl died", QuestionType.HOW_MANY, id="how-many"),
        pytest.param(
            "Of the 5000 soldiers dying each week, how many are Russian?",
            QuestionType.HOW_MANY,
            id="after-a-comma",
        ),
        pytest.param(
            "Trump met Støre, what did he say?", QuestionType.STATEMENT, id="what-after-a-comma"
        ),
        pytest.param(
            "When reporters asked about his words to Putin, how did Trump explain them?",
            QuestionType.OTHER,
            id="leading-when-clause",
        ),
        pytest.param(
            "When journalists asked about the 'Vladimir, STOP' post, how did Trump explain it?",
            QuestionType.OTHER,
            id="leading-clause-with-a-comma-inside-a-quote",
        ),
        pytest.param(
            "When did Trump, Putin and Zelensky, who met in Rome, agree a truce?",
            QuestionType.WHEN,
            id="commas-outside-quotes-end-no-clause",
        ),
        pytest.param(
            "According to Trump, did Russia try to seize the whole of Ukraine?",
            QuestionType.YES_NO,
            id="leading-according-to",
        ),
    ],
)
def test_question_type_uses_the_leading_question_word(question: str, kind: QuestionType) -> None:
    """A question word deep inside the question (a "when" clause) does not type it."""
    assert question_type(question) == kind


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("One. Two three! “Four. Five,” he said. Six?", id="quotes"),
        pytest.param(
            "Mr. Smith met Dr. Jones in the U.S. at 10.30 today. Then J. Doe left.", id="abbr"
        ),
        pytest.param("Unbalanced “quote. Next one. And “another.", id="unbalanced"),
        pytest.param("  \n ", id="blank"),
    ],
)
def test_sentence_count_equals_the_number_of_spans(text: str) -> None:
    """The fast sentence counter agrees with the splitter."""
    assert sentence_count(text) == len(sentence_spans(text))


@pytest.mark.parametrize(
    ("word", "common"),
    [("last", True), ("start", True), ("concesion", False), ("deadlin", False), ("kyv", False)],
)
def test_common_english_words_are_not_typos(word: str, common: bool) -> None:
    """Ordinary English words are never 'corrected' into story words ("last" -> "least")."""
    from bot.core.text import is_common_english

    assert is_common_english(word) is common


def test_two_word_nouns_are_named() -> None:
    """ "time limit" stands for "deadline", "death toll" for "deaths"."""
    from bot.core.text import compound_nouns, tokenize

    assert compound_nouns(tokenize("has he set a time limit or a death toll")) == {
        "deadline",
        "deaths",
    }
    assert compound_nouns(tokenize("how long is the limit")) == frozenset()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("what year did the ferry start", ["ferry", "start"]),
        ("When did the study take place?", ["study"]),
        ("How many soldiers died?", ["soldiers", "died"]),
        ("how bad was inflation", ["inflation"]),
        ("has he set a time limit", ["set", "deadline"]),
        ("death toll", ["deaths"]),
        ("can you explain the deadline", ["deadline"]),
        ("how did trump explain the post", ["trump", "explains", "post"]),
        ("give me his exact words about the deadline", ["deadline"]),
        ("which head of government met trump", ["met", "trump"]),
        ("will there be more strikes after this one", ["strikes"]),
        ("was only one person killed", ["1", "person", "killed"]),
        ("according to trump when were missiles fired", ["trump", "missiles", "fired"]),
        ("is he hopeful in spite of the bloodshed", ["hopeful", "bloodshed"]),
        ("is the plant closing for good", ["plant", "closing"]),
        ("what exactly did he say", ["say"]),
        ("what's the date of the meeting", ["meeting"]),
    ],
    ids=[
        "what-year",
        "take-place",
        "how-many",
        "how-bad",
        "time-limit",
        "death-toll",
        "explain-framing",
        "explain-topic",
        "exact-words",
        "head-of-government",
        "this-one-is-a-pronoun",
        "one-is-a-number",
        "according-to",
        "in-spite-of",
        "for-good",
        "only-framing-left-but-no-emphasis",
        "what-is-the-date",
    ],
)
def test_question_framing_is_not_content(question: str, expected: list[str]) -> None:
    """'what year', 'take place', 'how many' and 'how bad' frame a question; they are not its
    topic."""
    from bot.core.text import content_tokens, tokenize

    assert content_tokens(tokenize(question)) == expected


@pytest.mark.parametrize(
    ("message", "asked"),
    [
        pytest.param(
            "ok so I read this earlier and I got lost, but what did he claim Russia gave up?",
            "what did he claim Russia gave up?",
            id="chat-then-question",
        ),
        pytest.param(
            "I read the whole thing twice last night and still wonder. Who was the reporter?",
            "Who was the reporter?",
            id="sentence-then-question",
        ),
        pytest.param(
            "I'm a nurse in Ghana and a bit worried - any idea when we might start giving it?",
            "when we might start giving it?",
            id="dash-then-filler-then-question",
        ),
        pytest.param(
            "My mum lives by the river in Ashford Mill - is the tapwater ok to drink or not?",
            "is the tapwater ok to drink or not?",
            id="dash-then-question",
        ),
        pytest.param(
            "why does trump care so much about ending the war, is it because of the soldiers",
            "why does trump care so much about ending the war, is it because of the soldiers",
            id="starts-as-a-question",
        ),
        pytest.param("so what did he say?", "so what did he say?", id="short-preamble"),
    ],
)
def test_the_question_after_a_chatty_preamble(message: str, asked: str) -> None:
    """A long preamble before a question-word clause is split off; a message that starts as a
    question, or a short lead-in, is kept whole."""
    assert split_preamble(message)[1] == asked


@pytest.mark.parametrize(
    ("word", "meant"),
    [
        ("becuase", "because"),  # swapped letters
        ("aginst", "against"),  # a dropped letter
        ("whne", "when"),
        ("evry", "every"),
        ("wiht", "with"),
        ("because", ""),  # the word itself
        ("onus", ""),  # English writes it (one edit from "ones")
        ("whale", ""),  # a word of its own (one edit from "while")
        ("bcause", "because"),  # a dropped letter again
        ("dosing", ""),  # English writes it (one edit from "doing")
        ("agaisnt", "against"),
        ("wat", ""),  # too short to tell (chat spellings are read elsewhere)
        ("wich", "which"),  # of two ("with"), the commoner
        ("hadi", ""),  # a letter added that is no double: a name ("had")
        ("ewen", ""),  # a letter replaced: as often another word ("even")
        ("omer", ""),
        ("hadn", ""),  # (no contraction half is meant)
    ],
)
def test_a_mistyped_function_word_is_read_as_meant(word: str, meant: str) -> None:
    """A word English hardly writes, one edit from a function word of four or more letters,
    is that word mistyped; a real word or a short one is not."""
    assert meant_function_word(word) == meant


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("date of the meeting", QuestionType.WHEN),
        ("The dates for the strike?", QuestionType.WHEN),
        ("stoere meeting date??", QuestionType.WHEN),
        ("did they set a date", QuestionType.YES_NO),
        ("cost and opening date?", QuestionType.OTHER),
        ("what happened on that date", QuestionType.OTHER),
        ("date night ideas", QuestionType.OTHER),
        ("siwa dates", QuestionType.OTHER),  # the fruit
    ],
)
def test_a_question_of_keywords_may_ask_a_date(question: str, kind: QuestionType) -> None:
    """Keywords ending in "date" or starting "date of" ask when; a yes/no question, two asks
    joined by "and" or a question word's own question do not."""
    assert question_type(question) is kind
    assert (keyword_date(tokenize(question)) is not None) is (kind is QuestionType.WHEN)


@pytest.mark.parametrize(
    ("plural", "verb_form"),
    [("savings", "saved"), ("takings", "taken"), ("winnings", "won"), ("innings", "inn")],
)
def test_a_plural_with_a_sense_of_its_own_is_not_its_verb(plural: str, verb_form: str) -> None:
    """ "savings" are no "saved" lives: the plural keeps a term of its own."""
    assert term(plural) != term(verb_form)
    assert term("saving") == term("saved")  # (the verb's own "-ing" is still the verb)
    assert own_sense_plurals()[term("save")] == own_sense_plurals()[term("saving")] == "savings"


@pytest.mark.parametrize(
    ("question", "fixed"),
    [
        ("wher did they meet", "where did they meet"),
        ("whn did it start", "when did it start"),
        ("wht is the deadline", "what is the deadline"),
        ("waht did trump say", "what did trump say"),
        ("hwo many died", "hwo many died"),
        ("were did they meet", "were did they meet"),
        ("kyiv death toll", "kyiv death toll"),
    ],
    ids=[
        "dropped-e",
        "dropped-e-when",
        "dropped-a",
        "swapped",
        "ambiguous",
        "real-word",
        "no-typo",
    ],
)
def test_a_misspelt_question_word_is_spelt_right(question: str, fixed: str) -> None:
    """A first word one dropped or swapped letter from one question word is that word; an
    ambiguous typo or a real word stays as written."""
    assert fix_question_word(question) == fixed


@pytest.mark.parametrize(
    ("question", "kept", "spelt"),
    [
        ("Who is the PM?", set(), "Who is the prime minister?"),
        ("Will the EU act?", set(), "Will the european union act?"),
        ("Will the EU act?", {"eu"}, "Will the EU act?"),
        ("What did the deputy FM say?", set(), "What did the deputy foreign minister say?"),
        ("What did DI Castleton say?", set(), "What did detective inspector Castleton say?"),
        ("Did Di Maria score?", set(), "Did Di Maria score?"),
        ("how many pows", set(), "how many prisoners of war"),
        ("whats the norwegian pms name", set(), "whats the norwegian prime ministers name"),
        ("what did the premier say", set(), "what did the prime minister say"),
        ("who won the premier league", set(), "who won the premier league"),
        ("Who won the Premier League?", set(), "Who won the Premier League?"),
    ],
    ids=[
        "spelt-out",
        "spelt-out-eu",
        "story-uses-eu",
        "foreign-minister",
        "capitals-only",
        "a-name-not-an-abbreviation",
        "a-plural-in-lower-case",
        "a-possessive-without-its-apostrophe",
        "a-premier-is-a-prime-minister",
        "the-premier-league-is-no-post",
        "the-premier-league-in-capitals",
    ],
)
def test_abbreviations_are_spelt_out_unless_the_story_uses_them(
    question: str, kept: set[str], spelt: str
) -> None:
    """ "PM" finds "Prime Minister"; an abbreviation the story itself writes ("EU") stays."""
    assert spell_out_abbreviations(question, kept.__contains__) == spelt


def test_the_speller_does_not_scan_a_large_vocabulary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two edits the deletion index misses are found by comparing words one by one, but only
    when few words share the first letter (a story, not an archive)."""
    import bot.core.text as text_module

    monkeypatch.setattr(text_module, "SCAN_LIMIT", 0)
    assert Speller({"concession": 1}).correct("consesson") is None


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("hey, quick question: who is Støre?", ["store"]),
        ("hey, quick one - who is Støre?", ["store"]),
        ("does trump want a quick end to the war", ["trump", "want", "quick", "end", "war"]),
        ("are the christian democrats quitting as well", ["christian", "democrats", "quitting"]),
        ("how is the opposition doing in the polls at the moment", ["opposition", "polls"]),
        ("i keep hearing the mayor resigned", ["mayor", "resigned"]),
        ("is anyone still missing", ["missing"]),
        ("how long will he actualy spend in prison", ["spend", "prison"]),
    ],
    ids=[
        "quick-question",
        "quick-one",
        "quick-is-topic",
        "as-well",
        "at-the-moment",
        "hearsay",
        "still",
        "misspelt-filler",
    ],
)
def test_chat_and_time_padding_is_no_topic(question: str, topic: list[str]) -> None:
    """ "quick question", "as well", "at the moment" pad a question; "a quick end" is asked."""
    assert content_tokens(tokenize(question)) == topic


#: Text made of the characters the tokenizer and the sentence splitter act on.
_TRICKY_TEXT = st.lists(
    st.sampled_from([*"aZé1 .,!?…'’\"“”«»\n\tUS", "U.S.", "5,000", "10.30", "Mr."]), max_size=30
).map("".join) | st.text(max_size=40)


@settings(max_examples=200, deadline=None)
@given(_TRICKY_TEXT)
def test_utf8_tokens_are_the_tokens(text: str) -> None:
    """The index's UTF-8 tokens decode to exactly the tokens of ``tokenize``."""
    assert [decode_token(token) for token in tokenize_utf8(text)] == tokenize(text)


@settings(max_examples=200, deadline=None)
@given(_TRICKY_TEXT)
def test_sentence_ends_are_the_regex_matches(text: str) -> None:
    """Looking for sentence ends from full stop to full stop finds what the regex finds."""
    expected = [(m.span(), m.groups()) for m in _SENTENCE_END.finditer(text)]
    assert [(m.span(), m.groups()) for m in _sentence_ends(text)] == expected
    assert sentence_count(text) == len(sentence_spans(text))


@pytest.mark.parametrize(
    ("text", "start", "inside"), [("Wait... what", 4, 5), ("No!!! Never", 2, 4)]
)
def test_a_sentence_end_is_matched_only_from_the_start_of_its_run(
    text: str, start: int, inside: int
) -> None:
    """Inside a run of terminators the pattern fails at once: tried at every dot of a long run,
    each try walked the rest of the run (a line of dots in an article hung the build)."""
    assert _SENTENCE_END.match(text, inside) is None
    assert _SENTENCE_END.match(text, start) is not None


@pytest.mark.parametrize("run", [".", "!", "?", "…"])
def test_a_long_run_of_terminators_is_one_end(run: str) -> None:
    text = "It began " + run * 5000 + "and went on " + run * 5000 + " Then it stopped."
    assert sentence_count(text) == len(sentence_spans(text)) == 2


@pytest.mark.parametrize("mark", list(_QUOTE_MARKS))
def test_every_tracked_quotation_mark_is_seen(mark: str) -> None:
    """The quick quotation-mark check knows every mark the splitter tracks."""
    assert _has_quote_marks(f"a {mark}b")
    assert not _has_quote_marks("a b. ‘c’")


@pytest.mark.parametrize(
    ("word", "verb"), [("roses", "rise"), ("boring", "bear"), ("sawing", "see")]
)
def test_words_that_only_look_like_irregular_forms_are_not_them(word: str, verb: str) -> None:
    """ "rose" is a form of "rise", "roses" is not: irregular forms match as written."""
    from bot.core.text import term

    assert term(word) != term(verb)


@pytest.mark.parametrize(
    ("adjective", "form"),
    [("hot", "hotter"), ("large", "largest"), ("heavy", "heavier"), ("cheap", "cheaper")],
)
def test_comparatives_of_adjectives(adjective: str, form: str) -> None:
    """ "How hot is the sand?" may be answered by "hotter sand"."""
    from bot.core.text import comparatives

    assert form in comparatives(adjective)


def test_a_lazy_pattern_finds_what_the_compiled_pattern_finds() -> None:
    """A pattern compiled on first use answers every call as the pattern compiled at once."""
    import re

    from bot.core.text import LazyPattern

    source, flags = r"\b(\w)(\w*)\b", re.IGNORECASE
    lazy, eager = LazyPattern(source, flags), re.compile(source, flags)
    text = "Kyiv was hit; 12 people were killed"
    assert lazy.compiled.pattern == eager.pattern
    assert lazy.compiled.flags == eager.flags
    for call in ("search", "match", "fullmatch"):
        for string, pos in ((text, 0), (text, 3), ("Kyiv", 0)):
            found, expected = getattr(lazy, call)(string, pos), getattr(eager, call)(string, pos)
            assert (found and found.span()) == (expected and expected.span())
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.sub(r"\2\1", text, 2) == eager.sub(r"\2\1", text, 2)
    assert lazy.subn(lambda m: m.group(1), text) == eager.subn(lambda m: m.group(1), text)
    assert lazy.split(text, 3) == eager.split(text, 3)


def test_every_lazy_pattern_of_the_engine_compiles() -> None:
    """A pattern compiled on first use would fail only when a rare question first needs it: each
    one compiles now, to the pattern ``re.compile`` gives."""
    import re

    from bot.core import answer, corpus, questions, quotes, shapes, text
    from bot.core.text import LazyPattern

    found = [
        value
        for module in (answer, corpus, questions, quotes, shapes, text)
        for value in vars(module).values()
        if isinstance(value, LazyPattern)
    ]
    assert len(found) >= 100
    for lazy in found:
        assert lazy.compiled == re.compile(lazy.pattern, lazy.flags)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")))
def test_newlines_is_the_regex_substitution(text: str) -> None:
    """The quick check for other line breaks never skips one the regex would replace."""
    from bot.core.text import OTHER_LINE_BREAKS, newlines

    expected = OTHER_LINE_BREAKS.sub(lambda m: "\n\n" if m.group(0) == "\u2029" else "\n", text)
    assert newlines(text, paragraph="\n\n") == expected
