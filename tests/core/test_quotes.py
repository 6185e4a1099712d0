"""Quote extraction (patterns, speakers, aliases, fragments) and quote search."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.corpus import Paragraph, load_corpus
from bot.core.quotes import (
    _ABBREVIATION_RE,
    _BEFORE_INDIRECT_RE,
    _BEFORE_RE,
    _INDIRECT_VERB_AFTER_SPACE_RE,
    _NOT_SUBJECTS,
    _QUOTE_MARK_RE,
    _SENTENCE_END_RE,
    _VERB_AFTER_SPACE_RE,
    Quote,
    QuoteBook,
    _ends_with_abbreviation,
    _find_spans,
    _has_quote_marks,
    _mask,
    _sentence_end,
    _sentence_start,
    _unnamed_subject,
    extract_quotes,
)

STORY_SLUG = "trump-russia-big-concession"


def story_paragraphs(corpus_dir: Path) -> list[Paragraph]:
    """The shipped story's body paragraphs, as the corpus loader numbers them."""
    article = load_corpus(corpus_dir).article(STORY_SLUG)
    assert article is not None
    return list(article.paragraphs)


STORY_QUOTES = [
    Quote("Donald Trump", "big concession", STORY_SLUG, 1, fragment=True),
    Quote(
        "Donald Trump",
        "I think [Putin] wants to make a deal, and we’re going to find out very soon, but it "
        "takes two to tango.",
        STORY_SLUG,
        2,
    ),
    Quote(
        "Donald Trump",
        "I am not happy with the Russian strikes on Kyiv. Not necessary, and very bad timing. "
        "Vladimir, STOP! 5000 soldiers a week are dying. Let’s get the Peace Deal DONE!",
        STORY_SLUG,
        4,
    ),
    Quote(
        "Donald Trump",
        "I wasn’t happy with it. We’re in the midst of talking peace, and missiles were fired. "
        "That’s what I meant.",
        STORY_SLUG,
        5,
    ),
    Quote("Donald Trump", "I have my own deadline, and we want it to be fast", STORY_SLUG, 7),
]


def test_story_quotes_golden(corpus_dir: Path) -> None:
    """The story's four quotations and its one scare quote, every one Trump's."""
    assert extract_quotes(story_paragraphs(corpus_dir)) == STORY_QUOTES


def test_story_quotes_never_putin(corpus_dir: Path) -> None:
    """Putin is only mentioned inside quotes and as the object of a rebuke: he never speaks."""
    book = QuoteBook.from_paragraphs(story_paragraphs(corpus_dir))
    assert book.speakers() == ["Donald Trump"]
    assert book.search(speaker="Putin") == []
    assert book.search(speaker="Vladimir Putin") == []


def quotes_of(*paragraphs: str) -> list[tuple[str, str, int, bool]]:
    """(speaker, text, paragraph, fragment) of every quote in one article made of ``paragraphs``."""
    found = extract_quotes(Paragraph("a", i, text) for i, text in enumerate(paragraphs, start=1))
    return [(q.speaker, q.text, q.paragraph, q.fragment) for q in found]


EXTRACTION_CASES = [
    pytest.param(
        ["“We will win,” said Jane Doe."],
        [("Jane Doe", "We will win", 1, False)],
        id="curly-said-after-name",
    ),
    pytest.param(
        ['"We will win," Jane Doe said.'],
        [("Jane Doe", "We will win", 1, False)],
        id="straight-name-said-after",
    ),
    pytest.param(
        ['Jane Doe stated: "We will win. They will lose."'],
        [("Jane Doe", "We will win. They will lose.", 1, False)],
        id="multi-sentence-after-colon",
    ),
    pytest.param(
        ["Jane Doe posted on Truth Social: “Stop the strikes now, please.”"],
        [("Jane Doe", "Stop the strikes now, please.", 1, False)],
        id="colon-after-posted-on",
    ),
    pytest.param(
        ["“We will win,” Jane Doe said, “and they know it.”"],
        [("Jane Doe", "We will win … and they know it.", 1, False)],
        id="split-around-attribution",
    ),
    pytest.param(
        ["“We will win,” Jane Doe added. “They know it.”"],
        [("Jane Doe", "We will win … They know it.", 1, False)],
        id="split-across-sentences",
    ),
    pytest.param(
        ["Jane Doe, a spokeswoman for the ministry, warned, “Talks are over.”"],
        [("Jane Doe", "Talks are over.", 1, False)],
        id="appositive-before",
    ),
    pytest.param(
        ["“Talks are over,” Jane Doe, a spokeswoman for the ministry, told reporters."],
        [("Jane Doe", "Talks are over", 1, False)],
        id="appositive-after",
    ),
    pytest.param(
        ["“We’re not going anywhere,” according to Volodymyr Zelensky."],
        [("Volodymyr Zelensky", "We’re not going anywhere", 1, False)],
        id="according-to",
    ),
    pytest.param(
        ["Jane Doe wrote that “the deal is dead and buried for good.”"],
        [("Jane Doe", "the deal is dead and buried for good.", 1, False)],
        id="said-that",
    ),
    pytest.param(
        ["Senator Jane Doe spoke on Monday.", "“We will win,” she said."],
        [("Jane Doe", "We will win", 2, False)],
        id="pronoun-across-paragraphs",
    ),
    pytest.param(
        ["Mr. John Smith met Ms. Ann Jones.", "“It was fine,” he said."],
        [("John Smith", "It was fine", 2, False)],
        id="pronoun-skips-other-gender-title",
    ),
    pytest.param(
        ["In a rebuke of Vladimir Putin, Donald Trump spoke. He clarified, “I was not happy.”"],
        [("Donald Trump", "I was not happy.", 1, False)],
        id="pronoun-skips-object-of-preposition",
    ),
    pytest.param(
        ["Donald Trump met reporters.", "“We are close,” the president said."],
        [("Donald Trump", "We are close", 2, False)],
        id="role-refers-back",
    ),
    pytest.param(
        ["“Vladimir, STOP!” Donald Trump wrote."],
        [("Donald Trump", "Vladimir, STOP!", 1, False)],
        id="name-inside-quote-is-not-speaker",
    ),
    pytest.param(
        ["“Putin said it himself,” Trump added."],
        [("Trump", "Putin said it himself", 1, False)],
        id="speech-verb-inside-quote-ignored",
    ),
    pytest.param(
        ["Critics called it a “witch hunt” and moved on."],
        [("", "witch hunt", 1, True)],
        id="scare-quote-unattributed",
    ),
    pytest.param(
        ["US President Donald Trump called the pause a ‘big concession,’ on Thursday."],
        [("Donald Trump", "big concession", 1, True)],
        id="scare-quote-single-curly-with-subject",
    ),
    pytest.param(
        ["“No,” Jane Doe said."],
        [("Jane Doe", "No", 1, False)],
        id="short-attributed-quote-is-not-fragment",
    ),
    pytest.param(
        ["Russia’s army isn't winning, and the dogs’ toys aren't 'quotes' either."],
        [("", "quotes", 1, True)],
        id="apostrophes-are-not-quotes",
    ),
    pytest.param(
        ["“The first part runs on", "“and ends here,” Jane Doe said."],
        [("Jane Doe", "The first part runs on", 1, False), ("Jane Doe", "and ends here", 2, False)],
        id="multi-paragraph-quote",
    ),
    pytest.param(
        ["Jane Doe said, “We will win.”", "“They know it.”"],
        [("Jane Doe", "We will win.", 1, False), ("Jane Doe", "They know it.", 2, False)],
        id="continuation-paragraph",
    ),
    pytest.param(
        ["U.S. Secretary of State Marco Rubio told reporters, “The war must end.”"],
        [("Marco Rubio", "The war must end.", 1, False)],
        id="abbreviation-and-title",
    ),
    pytest.param(
        [
            "Tenant groups welcomed the result. Hanna Lindqvist of the Norrhavn Tenants’ Union "
            "put it plainly: “It is the first time in a generation.”"
        ],
        [("Hanna Lindqvist", "It is the first time in a generation.", 1, False)],
        id="person-of-an-organisation-puts-it-plainly",
    ),
    pytest.param(
        ["“We will not back down,” said Declan Murrow of the regional miners union."],
        [("Declan Murrow", "We will not back down", 1, False)],
        id="said-person-of-an-organisation",
    ),
    pytest.param(
        [
            "Alan Whitcombe, who was not involved, said the study was paid for by its maker, "
            "Corvane Therapeutics. “The numbers look good,” he said."
        ],
        [("Alan Whitcombe", "The numbers look good", 1, False)],
        id="he-is-not-a-company",
    ),
    pytest.param(
        [
            "According to Marcus Feld, a nurse at Calderwick General Hospital, the ward is full. "
            "“Most of the children are dehydrated,” he told the Post."
        ],
        [("Marcus Feld", "Most of the children are dehydrated", 1, False)],
        id="according-to-names-the-source",
    ),
    pytest.param(
        ["Corvell Chemicals said in a statement that it was “cooperating fully” with police."],
        [("Corvell Chemicals", "cooperating fully", 1, True)],
        id="an-organisation-may-speak",
    ),
    pytest.param(
        ["“Safety comes first,” said Airport Chief Executive Ann Rowe."],
        [("Ann Rowe", "Safety comes first", 1, False)],
        id="multi-word-title-chief-executive",
    ),
    pytest.param(
        ["Detective Chief Inspector Ann Rowe said: “They planned it.”"],
        [("Ann Rowe", "They planned it.", 1, False)],
        id="multi-word-title-detective-chief-inspector",
    ),
    pytest.param(
        ["Group Manager Ian Rowe said: “The crews did well.”"],
        [("Ian Rowe", "The crews did well.", 1, False)],
        id="multi-word-title-group-manager",
    ),
    pytest.param(
        [
            "Prosecutor Ian Hale spoke first. Defending, Ann Rowe KC said the firm was sorry. "
            "“My client accepts it,” she said."
        ],
        [("Ann Rowe", "My client accepts it", 1, False)],
        id="post-nominal-letters-dropped",
    ),
    pytest.param(
        ["He saw it on Fennel Lane. Pike said: “It was no fox.”"],
        [("Pike", "It was no fox.", 1, False)],
        id="name-stops-at-sentence-end",
    ),
    pytest.param(
        [
            "Ann Rowe beat Ethiopia's Meseret Alemu near Saltmarsh Bridge.",
            "Alemu, who was chasing a third win, said she was ill. “She was stronger,” she said.",
        ],
        [("Meseret Alemu", "She was stronger", 2, False)],
        id="pronoun-prefers-speaking-subject-not-place",
    ),
    pytest.param(
        [
            "Daniel Okonjo joined Harwick Rovers in January.",
            "Okonjo, 24, joined Rovers for a big fee. “People said it was high,” he said.",
        ],
        [("Daniel Okonjo", "People said it was high", 2, False)],
        id="pronoun-skips-club",
    ),
    pytest.param(
        [
            "Parent Ann Rowe, whose children attend St Aldric’s, said the news was bad. "
            "“I work early shifts,” she said."
        ],
        [("Ann Rowe", "I work early shifts", 1, False)],
        id="pronoun-skips-saint-place",
    ),
    pytest.param(
        ["Its chair, the Reverend Alison Marsh, said: “These objects belong here.”"],
        [("Alison Marsh", "These objects belong here.", 1, False)],
        id="name-as-appositive-before-said",
    ),
    pytest.param(
        ["“We played like ourselves,” Rovers manager Ellen Carver said."],
        [("Ellen Carver", "We played like ourselves", 1, False)],
        id="descriptor-before-name-after-quote",
    ),
    pytest.param(
        ["“It was incredible,” said volunteer coordinator Ben Osei."],
        [("Ben Osei", "It was incredible", 1, False)],
        id="descriptor-between-said-and-name",
    ),
    pytest.param(
        ["“It was a good day for us,” said the mayor on Tuesday."],
        [("", "It was a good day for us", 1, False)],
        id="negative-said-on-a-day-names-nobody",
    ),
    pytest.param(
        [
            "“We are seeing it,” said Dr. Helena Okafor, the city’s director of health. "
            "“Measles spreads very fast.”"
        ],
        [
            ("Helena Okafor", "We are seeing it", 1, False),
            ("Helena Okafor", "Measles spreads very fast.", 1, False),
        ],
        id="second-quote-after-attribution-sentence",
    ),
    pytest.param(
        [
            "“We are seeing it,” said Ann Rowe. Later, Ian Hale spoke to the press. "
            "“Measles spreads very fast.”"
        ],
        [("Ann Rowe", "We are seeing it", 1, False), ("", "Measles spreads very fast.", 1, False)],
        id="negative-second-quote-after-another-sentence",
    ),
    pytest.param(
        ["Ann Rowe declined to say more, telling reporters only that “nothing is decided yet.”"],
        [("Ann Rowe", "nothing is decided yet.", 1, False)],
        id="sentence-subject-with-speech-verb",
    ),
    pytest.param(
        ["Mayor Ann Rowe called the vote “a responsible plan for a hard year.”"],
        [("Ann Rowe", "a responsible plan for a hard year.", 1, False)],
        id="called-longer-partial-quote",
    ),
    pytest.param(
        [
            "Ann Rowe, a fellow at the Trade Centre, said more. "
            "She urged calm, warning of “a long and hard year.”"
        ],
        [("Ann Rowe", "a long and hard year.", 1, False)],
        id="sentence-opening-pronoun-with-speech-verb",
    ),
    pytest.param(
        [
            "According to Dr. Ann Rowe, a fellow at the Trade Centre, "
            "the deal is “more about what it ends.”"
        ],
        [("Ann Rowe", "more about what it ends.", 1, False)],
        id="according-to-partial-quote",
    ),
    pytest.param(
        [
            "Wyndham Water's chief executive, Louise Garnett, "
            "called the spill “completely unacceptable.”"
        ],
        [("Louise Garnett", "completely unacceptable.", 1, True)],
        id="possessive-organisation-is-not-the-speaker",
    ),
    pytest.param(
        [
            "Three Bronze Age rings were stolen, police said, "
            "in what investigators called a “planned” raid."
        ],
        [("", "planned", 1, True)],
        id="negative-common-noun-subject-names-nobody",
    ),
    pytest.param(
        ["Ann Rowe left early. Protesters held banners that read “Our fields are not for sale.”"],
        [("", "Our fields are not for sale.", 1, False)],
        id="negative-no-speech-verb-names-nobody",
    ),
    pytest.param(
        ["“Both sides showed patience,” al-Harthy said."],
        [("al-Harthy", "Both sides showed patience", 1, False)],
        id="lowercase-particle-name",
    ),
    pytest.param(["No quotation here at all."], [], id="no-quotes"),
    pytest.param(["He said “” and left."], [], id="empty-quote-dropped"),
]


@pytest.mark.parametrize(("paragraphs", "expected"), EXTRACTION_CASES)
def test_extraction(paragraphs: list[str], expected: list[tuple[str, str, int, bool]]) -> None:
    """Each quotation pattern yields its text and the right speaker."""
    assert quotes_of(*paragraphs) == expected


ALIAS_CASES = [
    pytest.param(
        ["US President Donald Trump arrived.", "“Good,” Trump said.", '"Fine," said Donald Trump.'],
        {"Donald Trump"},
        id="surname-title-and-full-name-merge",
    ),
    pytest.param(
        ["Prime Minister Jonas Gahr Støre met him.", "“It went well,” Støre said."],
        {"Jonas Gahr Støre"},
        id="surname-with-diacritics",
    ),
    pytest.param(
        [
            "Vladimir Putin met Donald Trump.",
            "“Close,” Putin said.",
            '"Very close," Trump replied.',
        ],
        {"Vladimir Putin", "Donald Trump"},
        id="two-speakers-stay-apart",
    ),
]


@pytest.mark.parametrize(("paragraphs", "speakers"), ALIAS_CASES)
def test_aliases_resolve_to_canonical_name(paragraphs: list[str], speakers: set[str]) -> None:
    """Every alias of a speaker becomes the longest proper-name form, without titles."""
    assert {speaker for speaker, *_ in quotes_of(*paragraphs)} == speakers


def test_aliases_resolve_across_articles() -> None:
    """A bare surname in one article takes the full name used in another."""
    quotes = extract_quotes(
        [
            Paragraph("first", 1, "“Done,” US President Donald Trump said."),
            Paragraph("second", 1, "“Not yet,” Trump said."),
        ]
    )
    assert [q.speaker for q in quotes] == ["Donald Trump", "Donald Trump"]


@pytest.fixture
def book(corpus_dir: Path) -> QuoteBook:
    """The story's quotes plus another article with two other speakers.

    In the search table, a story quote is its paragraph number, the other article's is negated.
    """
    other = [
        Paragraph("other", 1, "“Peace is near,” said Norwegian Prime Minister Jonas Gahr Støre."),
        Paragraph("other", 2, "“Soldiers keep dying at the front,” Ann Jones warned."),
        Paragraph("other", 3, "“Nobody wants this war,” Jones added."),
    ]
    return QuoteBook.from_paragraphs([*story_paragraphs(corpus_dir), *other])


SEARCH_CASES = [
    pytest.param("trump", None, [1, 2, 4, 5, 7], id="surname-lowercase"),
    pytest.param("US President DONALD TRUMP", None, [1, 2, 4, 5, 7], id="titled-uppercase"),
    pytest.param("Trumpp", None, [1, 2, 4, 5, 7], id="speaker-typo"),
    pytest.param("store", None, [-1], id="diacritics-folded"),
    pytest.param("Putin", None, [], id="never-a-speaker"),
    pytest.param(None, "deadline", [7], id="keyword"),
    pytest.param(None, "die", [-2, 4], id="stem-finds-dying-shorter-first"),
    pytest.param("trump", "dying", [4], id="speaker-and-keyword"),
    pytest.param("jones", "dying soldiers", [-2], id="other-speaker-keyword"),
    pytest.param(None, "the and of", [], id="only-stopwords"),
    pytest.param(None, "zebra", [], id="no-match"),
    pytest.param(None, "“Peace DEAL”", [4, -1, 2, 5], id="curly-quotes-and-case-folded"),
]


@pytest.mark.parametrize(("speaker", "words", "expected"), SEARCH_CASES)
def test_search(
    book: QuoteBook, speaker: str | None, words: str | None, expected: list[int]
) -> None:
    """Speaker match is alias/case/diacritics-insensitive; keywords are stemmed, best first.

    Best first: more distinct query words matched, then the BM25 score.
    """
    found = book.search(speaker, words)
    assert [q.paragraph if q.article == STORY_SLUG else -q.paragraph for q in found] == expected


def test_search_limit_and_all(book: QuoteBook) -> None:
    """No filter returns every quote in corpus order; limit caps the list."""
    assert book.search() == list(book.quotes)
    assert len(book.search(limit=2)) == 2
    assert book.search(limit=0) == []


def test_speakers_most_quoted_first(book: QuoteBook) -> None:
    """speakers() lists canonical names by number of quotes."""
    assert book.speakers() == ["Donald Trump", "Ann Jones", "Jonas Gahr Støre"]


def test_speakers_in_question(book: QuoteBook) -> None:
    """A question naming a speaker (any case, title) finds the canonical name."""
    assert book.speakers_in("What did president trump say about Kyiv?") == ["Donald Trump"]
    assert book.speakers_in("What happened in Kyiv?") == []


def test_in_paragraph(book: QuoteBook) -> None:
    """in_paragraph returns one paragraph's quotes in order, or nothing."""
    assert [q.text for q in book.in_paragraph(STORY_SLUG, 7)] == [STORY_QUOTES[4].text]
    assert book.in_paragraph(STORY_SLUG, 3) == []
    assert book.in_paragraph("missing", 1) == []


def test_empty_book() -> None:
    """A corpus without quotes searches to nothing, without error."""
    empty = QuoteBook([])
    assert empty.search("trump", "peace") == []
    assert empty.speakers() == []
    assert len(empty) == 0


@settings(max_examples=80, deadline=None)
@given(
    paragraphs=st.lists(st.text(alphabet=st.characters(), max_size=120), max_size=4),
    speaker=st.text(max_size=20),
    words=st.text(max_size=30),
)
def test_never_crashes_on_arbitrary_text(paragraphs: list[str], speaker: str, words: str) -> None:
    """Extraction and search accept any unicode without raising."""
    book = QuoteBook.from_paragraphs(
        Paragraph("x", i, text) for i, text in enumerate(paragraphs, start=1)
    )
    book.search(speaker, words)
    book.speakers()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["“", "”", '"', "‘", "’", "'", "Trump", " said", ", ", ". ", "he", "A"]),
        max_size=25,
    )
)
def test_never_crashes_on_quote_soup(pieces: list[str]) -> None:
    """Unbalanced and nested quotation marks never raise and never give empty quotes."""
    quotes = extract_quotes([Paragraph("x", 1, "".join(pieces))])
    assert all(q.text.strip() for q in quotes)


#: Text made of what the extractor's shortcuts look at: quotation marks, terminators,
#: abbreviations, names, speech verbs and unusual white space.
_EXTRACTOR_SOUP = st.lists(
    st.sampled_from(
        [
            *"“”\"‘’'.!? ,:\x1c\x00aJ",
            "Mr",
            "Prof",
            "Corp",
            "etc",
            "U.S",
            "Anna Berg",
            "he",
            "She",
            "the president",
            " said",
            " told",
            " called",
            " has said",
            " according to",
            " added",
            "ly",
            "\u00a0",
            "\n",
        ]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_EXTRACTOR_SOUP)
def test_extractor_shortcuts_agree_with_the_full_patterns(text: str) -> None:
    """The quick checks that skip a slow regex never skip a match of it."""
    assert _has_quote_marks(text) == bool(_QUOTE_MARK_RE.search(text))
    if _BEFORE_RE.search(text):
        assert _VERB_AFTER_SPACE_RE.search(text)
    if _BEFORE_INDIRECT_RE.search(text):
        assert _INDIRECT_VERB_AFTER_SPACE_RE.search(text)
    for end, char in enumerate(text, 1):
        if char in ".!?":
            expected = _ABBREVIATION_RE.search(text, 0, end) is not None
            assert _ends_with_abbreviation(text, end) == expected, (text, end)


@settings(max_examples=200, deadline=None)
@given(_EXTRACTOR_SOUP)
def test_mask_hides_exactly_the_quotations(text: str) -> None:
    """Masking blanks every quotation span with NULs and leaves every other character."""
    spans = _find_spans(text)
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = "\x00" * (span.end - span.start)
    assert _mask(text, spans) == "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab A. !?\x00”Mr", max_size=40), st.integers(0, 40))
def test_a_quotes_sentence_is_found_as_a_scan_would(masked: str, position: int) -> None:
    """Bisecting a paragraph's sentence breaks finds the sentence a scan of them finds."""
    position = min(position, len(masked))
    breaks = [
        m.span()
        for m in _SENTENCE_END_RE.finditer(masked)
        if not _ends_with_abbreviation(masked, m.start() + 1)
    ]
    start = next((end for _, end in reversed(breaks) if end < position), 0)
    end = next((begin + 1 for begin, _ in breaks if begin >= position), len(masked))
    assert (_sentence_start(masked, position), _sentence_end(masked, position)) == (start, end)


def test_quotes_with_no_full_stop_between_them_keep_their_speakers() -> None:
    """Two thousand quotes in one paragraph with no sentence end: each is read near itself
    (it was quadratic: each quote searched all the text before it), and attributions stand."""
    text = " ".join(f"“Item {i} is ready,” said Ana Silva, and" for i in range(2000))
    quotes = extract_quotes([Paragraph("a", 1, text)])
    assert len(quotes) == 2000
    assert {q.speaker for q in quotes} == {"Ana Silva"}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab Ély \n\t.,ß", max_size=60))
def test_the_subject_before_a_verb_is_read_from_the_end(text: str) -> None:
    """Reading only the end of the text finds the last word a search of all of it finds."""
    match = regex.search(r"(\p{Ll}+)\s+$", text)
    expected = (
        bool(match) and match.group(1) not in _NOT_SUBJECTS and not match.group(1).endswith("ly")
    )
    assert _unnamed_subject(text) == expected


def test_according_to_counts_however_long_the_sentence() -> None:
    """ "According to X, ..." names the speaker of a quote even 2,000 characters on (the search
    near a quote must not move where its sentence starts)."""
    text = (
        "According to Jane Smith, "
        + "the roads budget line, " * 96
        + "with “no money left for the bridge repairs this year.”"
    )
    quotes = extract_quotes([Paragraph("a", 1, text)])
    assert [q.speaker for q in quotes] == ["Jane Smith"]
