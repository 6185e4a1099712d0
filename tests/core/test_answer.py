"""Tests for bot.core.answer: golden answers on the story, abstention, bad questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core.answer import (
    A_YEAR,
    MAX_QUESTION_CHARS,
    QUOTE_MARK,
    SAYS_FUTURE,
    SMALL_TALK_REPLY,
    WHEN_ANSWER,
    Answer,
    StoryEngine,
)
from bot.core.corpus import load_corpus
from bot.core.errors import QuestionError
from bot.core.quotes import QuoteBook, extract_quotes
from bot.core.text import normalise, term

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine() -> StoryEngine:
    """An engine over the shipped story."""
    corpus = load_corpus(ROOT / "corpus")
    return StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> StoryEngine:
    """An engine over the story plus a made-up article about a bridge."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "story.txt").write_bytes(
        (ROOT / "corpus/trump-russia-big-concession.txt").read_bytes()
    )
    (folder / "bridge.md").write_text(
        '+++\nurl = "https://example.org/bridge"\n+++\n'
        "Council Approves Harbor Bridge\n\n"
        "The council voted 7 to 2 on Tuesday to approve a $48 million bridge over the harbor.\n\n"
        "Construction will begin in September and take 30 months, the mayor said.\n\n"
        "Opponents, led by councillor Tomás Brandt, fear heavy traffic in the old town.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    return StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))


def _assert_answers(answer: Answer, in_sentence: str | None) -> None:
    """``answer`` is declined when ``in_sentence`` is None, else answered with a sentence
    containing it."""
    if in_sentence is None:
        assert not answer.answered, answer.sentence
    else:
        assert answer.answered, answer.reason
        assert in_sentence in (answer.sentence or "")


def engine_over(folder: Path, name: str, text: str) -> StoryEngine:
    """An engine over one article ``name`` with ``text``, written into ``folder``."""
    (folder / name).write_text(text, encoding="utf-8")
    corpus = load_corpus(folder)
    return StoryEngine(corpus, QuoteBook.from_paragraphs(corpus.paragraphs))


@pytest.mark.parametrize(
    ("question", "paragraph", "in_sentence"),
    [
        ("How many people were killed in Kiev?", 4, "12"),
        ("how many got injured in kyiv", 4, "90"),
        ("how does kiev see russias so called concession", 3, "rejected the notion"),
        ("In what wider discussion did the tango comment come up?", 2, "broader conversation"),
        ("What was the date of Trump's talk with Jonas Gahr Store?", 1, "April 24"),
        ("Who did Trump meet on April 24?", 1, "Støre"),
        ("When did Trump meet the Norwegian prime minister?", 1, "April 24"),
        ("What did Trump post on Truth Social?", 4, "STOP"),
        ("how many soldeirs die each week", 4, "5000"),
        ("tango", 2, "tango"),
        ("Is halting the invasion an act of goodwill?", 3, "goodwill"),
        ("What did Trump clarify to reporters?", 5, "wasn’t happy"),
        ("Was Trump optimistic about a peace agreement?", 6, "optimistic"),
        ("Does Trump want a swift resolution?", 7, "swift"),
        ("What tension has the war created?", 8, "tension"),
        ("Whats Trumps deadline", 7, "deadline"),
        ("What did Trump want to get DONE?", 4, "DONE"),
        ("Does Europe agree that Russia made a big concession?", 3, "rejected"),
        ("How did Trump explain his Vladimir STOP message to the press?", 5, "clarified"),
        ("Who said 'I have my own deadline'?", 7, "my own deadline"),
        ("What did Trump warn both sides they have to do?", 1, "warned"),
        ("What platform did Trump use to scold the Russian leader?", 4, "Truth Social"),
        ("Do Russia and Ukraine trlust each other?", 6, "mistrust"),
        ("Does Europe aglree that Russia made a big concession?", 3, "rejected"),
        (
            "Does Trump believe Moscow and Kyiv both want the fighting to stop?",
            2,
            "both Russia and Ukraine desire",
        ),
        (
            "Does Ukraine accept that Russia not capturing the entire country is a big concession?",
            3,
            "rejected the notion",
        ),
        ("What dance did Trump compare the peace negotiations to?", 2, "tango"),
        ("Has Trump set a time limit for ending the conflict?", 2, "deadline"),
        ("So what does Europe think Russia's actually up to?", 3, "concession. For them"),
        (
            "Was Trump's complaint about the Kyiv strikes made before or after his meeting "
            "with the Norwegian PM?",
            4,
            "Earlier that day",
        ),
        ("Did the Kyiv attack come before or after the sit-down with Støre?", 4, "Earlier"),
        (
            "Compared with his earlier comments, was Trump more or less hopeful this time?",
            6,
            "more optimistic",
        ),
        ("Was Trump more upbeat or less upbeat than in his earlier comments?", 6, "than his"),
        ("Did Trump address Putin by his first name?", 4, "Vladimir, STOP"),
        ("who did trump call out by first name", 4, "Vladimir, STOP"),
        ("What is the Norwegian PM's first name?", 1, "Jonas"),
        ("In Trump's view, what is the Kremlin leader now after?", 1, "seeking a deal"),
        ("What did the president post on Truth Social after the Kyiv attack?", 4, "STOP"),
        (
            "How did Trump explain his 'Vladimir, STOP' message when reporters asked him?",
            5,
            "clarified",
        ),
        ("Did Trump explain his 'Vladimir, STOP' message when reporters asked?", 5, "clarified"),
        ("According to Trump, did Russia try to seize the whole of Ukraine?", 1, "entire country"),
        ("Was Trump pleased with the Russian bombing of Kyiv?", 4, "not happy"),
        ("To the Eurpoeans, what does stopping the invasion really amount to?", 3, "goodwill"),
        ("What larger discussion were Trump's remarks part of?", 2, "broader conversation"),
        ("Did Trump think the strikes on Kyiv were needed?", 4, "Not necessary"),
        ("When did the strikes happen relative to the sit-down with Støre?", 4, "Earlier that day"),
        ("What does Ukraine think of Trump's concession claim?", 3, "including Ukraine"),
        ("Which Russian leader did Trump address by his first name?", 4, "Vladimir, STOP"),
        ("Is the deadline Trump talked about one he came up with himself?", 7, "my own deadline"),
        (
            "What could happen if no agreement is struck before Trump's cutoff?",
            2,
            "could drastically change",
        ),
        ("Who asked Trump about his remarks to Putin?", 5, "reporters"),
        ("what did ukraine make of trumps concession claim", 3, "including Ukraine"),
        ("does kyiv agree russia made a big concession", 3, "including Ukraine"),
        ("what effect is the ukraine war having on diplomacy between countries", 8, "relations"),
        ("What term did the American president use for Russia's pause?", 1, "big concession"),
        ("Which foreign leader did Trump meet?", 1, "Støre"),
        ("Which region has seen rising tension because of the war?", 8, "Eastern Europe"),
        ("what did trump mean by his post to putin", 5, "what I meant"),
        ("why was trump annoyed about the missile strikes", 4, "bad timing"),
        ("On what date did Trump sit down with Norway's premier?", 1, "April 24"),
    ],
    ids=[
        "kiev-spelling",
        "lowercase-related-word",
        "a-capital-in-another-spelling-holds-a-view",
        "a-comparative-s-synonym-compared",
        "what-was-the-date",
        "who",
        "when",
        "what-posted",
        "typo",
        "single-keyword",
        "yes-no",
        "statement",
        "paraphrase",
        "swift",
        "tension",
        "no-apostrophes",
        "word-in-capitals",
        "where-europe-acts",
        "explain-is-clarify",
        "quoted-words",
        "how-it-was-said",
        "common-words-paraphrase",
        "typo-then-negation",
        "typo-then-related-word",
        "two-capitals-are-countries",
        "accept-is-answered-by-reject",
        "kind-asked-for",
        "two-word-noun",
        "their-view-follows-the-reaction",
        "before-or-after",
        "before-or-after-a-name-elsewhere",
        "compared-with-before",
        "more-or-less-than",
        "by-first-name",
        "called-out-by-first-name",
        "first-name-itself",
        "a-leader-is-the-president",
        "the-president-of-two-who-posted",
        "quoted-words-name-what-is-asked-about",
        "quoted-words-are-no-person",
        "according-to-whom",
        "pleased-is-happy",
        "a-misspelt-name-spelt-right",
        "remarks-are-comments",
        "needed-is-necessary",
        "when-relative-to",
        "a-view-reported-of-a-country-included",
        "leader-of-a-story-that-says-president",
        "one-is-a-pronoun",
        "an-agreement-struck-is-no-attack",
        "asked-is-questioned",
        "what-a-country-made-of-it",
        "a-capital-agreeing-is-its-government",
        "what-effect-is-told-without-the-word",
        "what-term-is-used-without-the-word",
        "foreign-of-a-story-naming-the-country",
        "which-region-not-part-of",
        "what-he-meant-by-a-post-is-not-the-post",
        "a-reported-view-goes-on-with-its-quotation",
        "premier-is-prime-minister",
    ],
)
def test_golden_answers(
    engine: StoryEngine, question: str, paragraph: int, in_sentence: str
) -> None:
    """Questions about the story get the right paragraph and a sentence with the answer."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == paragraph
    assert answer.passages[0].citation == answer.citation
    assert answer.sentence is not None
    assert in_sentence in answer.sentence
    assert answer.sentence in answer.passages[0].text
    assert len(answer.passages) <= 3


@pytest.mark.parametrize(
    "question",
    [
        "What is Trump's favourite food?",
        "Who won the war in 1945?",
        "When was Vladimir Putin born?",
        "What is the population of Norway?",
        "What did Trump say about China?",
        "How do I reset my password?",
        "lorem ipsum dolor",
        "What is it?",
        "did zelensky talk to trump on the phone about the deal this week",
        "Did the Norwegian prime minister and Trump discuss NATO defence spending?",
        "Is Trump planning to visit Kyiv?",
        "Did Trump meet Putin before or after the Kyiv strikes?",
        "Did Støre visit Kyiv before or after the strikes?",
        "What were Trump's earlier, less optimistic remarks about the war?",
        "Did Trump talk to Putin on the phone?",
        "Who is leading the American negotiating team in the peace talks?",
        "What did the UK prime minister think of Trump's concession comment?",
        "What is Norway's official position on the war in Ukraine?",
        "Is Trump's deadline for Putin two weeks?",
        "Which reporter asked Trump about his message to Putin?",
    ],
    ids=[
        "one-common-word",
        "war-1945",
        "putin-born",
        "norway",
        "china",
        "password",
        "lorem",
        "no-content",
        "lowercase-unknown-name",
        "acronym-the-story-lacks",
        "a-plan-the-story-does-not-tell",
        "before-or-after-an-event-the-story-lacks",
        "before-or-after-someone-not-there",
        "earlier-remarks-only-compared-with",
        "by-phone-the-story-does-not-say",
        "who-leads-a-team-the-story-lacks",
        "a-country-the-story-lacks",
        "a-view-the-story-does-not-report",
        "an-amount-the-story-never-gives",
        "which-one-of-the-reporters",
    ],
)
def test_off_topic_questions_are_declined(engine: StoryEngine, question: str) -> None:
    """A question the story does not answer is declined with a reason, not answered."""
    answer = engine.answer(question)
    assert not answer.answered
    assert answer.sentence is None
    assert answer.citation is None
    assert answer.reason.startswith("The story does not say")
    assert len(answer.passages) <= 3


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("w" * 10_000, "10,000 characters"),
        ("x" * (MAX_QUESTION_CHARS + 1), "under 1,000"),
    ],
    ids=["empty", "whitespace", "ten-thousand", "just-over"],
)
def test_bad_questions_raise_question_error(
    engine: StoryEngine, question: str, message: str
) -> None:
    """Empty, whitespace-only and overlong questions raise a clear QuestionError."""
    with pytest.raises(QuestionError, match=message):
        engine.answer(question)


def test_answers_cite_the_right_article(two_articles: StoryEngine) -> None:
    """With two articles, each question is answered from its own article, with its URL."""
    bridge = two_articles.answer("When will construction of the bridge begin?")
    assert bridge.citation is not None
    assert (bridge.citation.article, bridge.citation.paragraph) == ("bridge", 2)
    assert bridge.citation.url == "https://example.org/bridge"
    assert bridge.sentence is not None
    assert "September" in bridge.sentence
    story = two_articles.answer("How many people were killed in Kyiv?")
    assert story.citation is not None
    assert story.citation.article == "story"


def test_stats_count_the_story(engine: StoryEngine) -> None:
    """Stats report the story's articles, paragraphs and sentences."""
    stats = engine.stats()
    assert (stats.articles, stats.paragraphs) == (1, 8)
    assert stats.sentences >= 12
    assert stats.vocabulary > 100


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=300))
def test_answer_never_crashes(engine: StoryEngine, question: str) -> None:
    """Any unicode question gives an Answer or a QuestionError, never another exception."""
    try:
        answer = engine.answer(question)
    except QuestionError:
        assert not question.strip()
    else:
        assert answer.answered == (answer.sentence is not None)


@pytest.mark.parametrize(
    ("question", "why"),
    [
        pytest.param("When will the war end?", "no date or time", id="when-without-date"),
        pytest.param("How old is Donald Trump?", "no such number", id="how-old-without-age"),
        pytest.param("How tall is the harbor bridge?", "no such number", id="how-tall-no-unit"),
        pytest.param("What did Støre say about Russia?", "not report", id="speaker-never-speaks"),
        pytest.param(
            "What is the climate of Norway like?", "only one key word", id="one-shared-word"
        ),
        pytest.param(
            "Who is Glorbfen Trump?",
            "in the story (trump; not in it: glorbfen)",
            id="one-word-of-a-name-named",
        ),
        pytest.param(
            "How many Kyiv residents were injured?", "no number of residents", id="uncounted-noun"
        ),
        pytest.param(
            "How many of the people killed in Kyiv were children?",
            "no number of children",
            id="uncounted-part",
        ),
        pytest.param(
            "how many of the 90 injured are in critical condition",
            "no number of condition",
            id="uncounted-state",
        ),
        pytest.param(
            "What percentage of Ukraine does Russia occupy?", "no such number", id="percentage"
        ),
        pytest.param("how many drones hit kyiv", "no number of drones", id="unknown-counted"),
        pytest.param(
            "Did Trump and Støre talk about tariffs?", "not mention tariffs", id="unknown-topic"
        ),
        pytest.param(
            "Who is mediating the peace talks?", "who is mediating", id="who-is-doing-unknown"
        ),
        pytest.param("Did Putin answer Trump's post?", "does not report", id="answer-reaction"),
        pytest.param(
            "Which party does Jonas Gahr Støre lead?", "names no such party", id="organisation"
        ),
        pytest.param(
            "whats the actual date of trumps deadline for the peace deal",
            "gives no date",
            id="actual-date",
        ),
        pytest.param(
            "Which architect designed the bridge over the harbor?",
            "not mention architect",
            id="which-noun",
        ),
        pytest.param(
            "Is the US going to send Ukraine more weapons?", "not mention US", id="the-US"
        ),
        pytest.param(
            "What did the mayor say about the deadline?",
            "deadline appears only in another article",
            id="topic-of-another-article",
        ),
        pytest.param(
            "Which European leaders rejected the concession claim?",
            "names nobody",
            id="people-not-named",
        ),
        pytest.param(
            "Who is the US envoy negotiating with Moscow?", "not mention envoy", id="who-unknown"
        ),
        pytest.param(
            "What did Norway promise Ukraine during Støre's visit?",
            "does not report Norway",
            id="what-a-country-promised",
        ),
        pytest.param(
            "what did putin say back to the vladimir STOP post",
            "does not report putin",
            id="a-name-in-lower-case",
        ),
    ],
)
def test_questions_the_story_cannot_answer_are_declined_with_a_reason(
    two_articles: StoryEngine, question: str, why: str
) -> None:
    """A sentence that lacks what the question type needs, or a question sharing one word with
    the story, gives "the story does not say" and says why."""
    answer = two_articles.answer(question)
    assert not answer.answered
    assert why in answer.reason


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "What did Trump say when reporters questioned him?", "happy", id="when-clause"
        ),
        pytest.param("how many ppl died in Kyv", "12", id="slang-and-short-typo"),
        pytest.param("When does construction begin?", "September", id="when-with-month"),
        pytest.param("How long will construction take?", "30 months", id="how-long-duration"),
    ],
)
def test_answers_that_fit_the_question_type(
    two_articles: StoryEngine, question: str, expected: str
) -> None:
    """Typing uses the leading question word, typo correction reaches 3-letter words and slang,
    and a sentence with the asked-for value is answered."""
    answer = two_articles.answer(question)
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert expected in answer.sentence


def _quoted_mayor(folder: Path) -> StoryEngine:
    """An engine over a short article where a mayor is quoted, once in a bare quote."""
    (folder / "bridge.txt").write_text(
        "Council Approves Harbor Bridge\n\n"
        "Mayor Elena Varga said the bridge would cut the drive to the hospital. "
        "“This is the most important thing this council has done,” Varga said. "
        "“Ambulances will no longer have to wait for the ferry.”\n\n"
        "Construction will begin in September.\n",
        encoding="utf-8",
    )
    corpus = load_corpus(folder)
    return StoryEngine(corpus, QuoteBook.from_paragraphs(corpus.paragraphs))


@pytest.mark.parametrize(
    ("question", "answered", "expected"),
    [
        ("How many people were killed in Kyiv?", True, "12"),
        ("How many died in Kyiv?", True, "12"),
        ("How many missiles did Russia fire at Kyiv?", False, "no number of missil"),
        ("What was the weather in Kyiv during the strikes?", False, "does not mention weather"),
        ("Do Russia and Ukraine trust each other?", True, "mistrust"),
        ("how long is trumps deadline, like weeks or months", False, "weeks or months"),
        ("How much of Ukraine does Russia control?", False, "no share"),
        ("How does Kyiv see Russia not conquering the whole country?", True, "including Ukraine"),
    ],
    ids=[
        "count-noun",
        "count-verb",
        "count-missing",
        "focus-unknown",
        "negated-form",
        "a-rate-is-no-length",
        "a-share-asked",
        "a-capital-holding-a-view",
    ],
)
def test_question_shape_rules(
    engine: StoryEngine, question: str, answered: bool, expected: str
) -> None:
    """A counted noun needs its number, an unknown topic declines, 'trust' finds 'mistrust',
    "5000 soldiers a week" says how many, not how long, a date is no share of Ukraine, and
    Kyiv's view is Ukraine's."""
    answer = engine.answer(question)
    assert answer.answered is answered, answer.reason
    shown = answer.sentence if answered else answer.reason
    assert expected in (shown or "")


def test_a_quoted_sentence_is_said_by_the_quotes_speaker(tmp_path: Path) -> None:
    """A bare quoted sentence counts as said by the speaker named elsewhere in the paragraph."""
    engine = _quoted_mayor(tmp_path)
    answer = engine.answer("What did Varga say about ambulances?")
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert "Ambulances will no longer" in answer.sentence


@pytest.mark.parametrize(
    "question",
    [
        "@everyone what is the deadline",
        "hey guys, quick question: how many people died in kyiv??",
        "does anyone know who Støre is?",
    ],
    ids=["mass-mention", "greeting", "anyone-know"],
)
def test_chat_framing_does_not_count_against_a_question(engine: StoryEngine, question: str) -> None:
    """Greetings, addressees and '@everyone' are not topic words the story must contain."""
    assert engine.answer(question).answered


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        pytest.param("How many people were killed in Kharkiv?", False, id="unknown-name-1"),
        pytest.param("What did Macron say about the deadline?", False, id="unknown-name-2"),
        pytest.param("Who is the Norwegian PM?", True, id="unknown-name-3"),
        pytest.param("What is Putin's deadline?", False, id="owner-1"),
        pytest.param("What is Trump's deadline?", True, id="owner-2"),
        pytest.param("what is trump's deadline", True, id="owner-3"),
        pytest.param("How did Putin respond to Trump's Truth Social post?", False, id="reaction-1"),
        pytest.param("How did Trump react to the strikes on Kyiv?", True, id="reaction-2"),
        pytest.param("Did Putin reply to Trump's post?", False, id="reaction-3"),
        pytest.param("How did the Norwegian prime minister react?", False, id="reaction-4"),
        pytest.param("Did Trump react to the strikes on Kyiv?", True, id="reaction-5"),
        pytest.param(
            "Did Støre agree with Trump that halting the advance was a concession?",
            False,
            id="agreeing-1",
        ),
        pytest.param("Has Putin agreed to sit down with Trump in person?", False, id="agreeing-2"),
        pytest.param("Does Kyiv accept that Russia made a big concession?", True, id="agreeing-3"),
        pytest.param("does kyiv agree russia made a big concession", True, id="agreeing-4"),
        pytest.param("Where did the missile strikes happen?", True, id="where-1"),
        pytest.param("Where did Trump and Støre meet?", False, id="where-2"),
        pytest.param("Where will the peace talks be held?", False, id="where-3"),
        pytest.param("Who is the prime minister of Norway?", True, id="title-holder-1"),
        pytest.param("Who is Russia's president?", True, id="title-holder-2"),
        pytest.param("Who is the president of Ukraine?", False, id="title-holder-3"),
        pytest.param("who is the president of ukraine", False, id="title-holder-4"),
        pytest.param("What is the name of Ukraine's president?", False, id="title-holder-5"),
        pytest.param("Which city was hit by the missiles?", True, id="which-place-1"),
        pytest.param("Which neighborhoods of Kyiv were hit?", False, id="which-place-2"),
        pytest.param("were any other cities hit besides kyiv", False, id="which-place-4"),
        pytest.param("Which Ukrainian cities besides Kyiv were hit?", False, id="which-place-5"),
        pytest.param("Which regions of Ukraine does Russia control?", False, id="which-place-3"),
        pytest.param("What did Støre say about the war in Ukraine?", False, id="he-said-1"),
        pytest.param("What did Trump say about the war in Ukraine?", True, id="he-said-2"),
        pytest.param("How many soldiers are dying each week?", True, id="how-many-1"),
        pytest.param(
            "How many soldiers have died in total since the war began?", False, id="how-many-2"
        ),
        pytest.param("How many people were killed in Kyiv?", True, id="how-many-3"),
        pytest.param(
            "Of the 5000 soldiers dying each week, how many are Russian?", False, id="how-many-4"
        ),
        pytest.param(
            "Were the missiles that hit Kyiv ballistic or cruise missiles?", False, id="either-1"
        ),
        pytest.param("Who won the Champions League?", False, id="part-of-a-name"),
        pytest.param("Hey, quick one - how many people died in Kyiv?", True, id="padding-1"),
        pytest.param("Did Trump openly criticize Putin?", True, id="news-verbs-1"),
        pytest.param("When is Trump going to meet Putin?", False, id="future-1"),
        pytest.param("What sanctions will Trump put on Russia?", False, id="asked-noun-1"),
        pytest.param("Which missiles did Russia use on Kyiv?", False, id="which-things-1"),
        pytest.param("what did zelensky say about the kyiv strikes", False, id="unknown-speaker"),
        pytest.param("wat did trump post abt kyiv tbh", True, id="chat-spellings"),
        pytest.param("when is trump meeting putin next", False, id="future-next"),
        pytest.param(
            "I'm kind of lost, how many people were killed in Kyiv?", True, id="kind-of-chat"
        ),
        pytest.param("What city did Russia hit with missiles?", True, id="asked-noun-2"),
        pytest.param(
            "Which leader does Trump think wants to make a deal?", True, id="asked-noun-3"
        ),
        pytest.param("When will Trump know if Putin wants a deal?", True, id="future-2"),
        pytest.param("How did Trump explain his post to the press?", True, id="news-verbs-2"),
        pytest.param(
            "Do European governments buy the idea that Moscow made a major concession?",
            True,
            id="a-place-s-governments-are-the-place",
        ),
        pytest.param(
            "Which European leaders rejected the concession claim?", False, id="leaders-are-named"
        ),
        pytest.param(
            "What does Trump hope the two nations can eventually reach?",
            True,
            id="the-two-nations-are-the-ones-named",
        ),
    ],
)
def test_what_the_story_answers_and_what_it_declines(
    engine: StoryEngine, question: str, answered: bool
) -> None:
    """Rules on the story, one row each: a name it never uses; a named owner must be in the
    passage (Trump's deadline is not Putin's); a named person reacts in their own words; a
    "where" place stands near the topic; the holder of "the president of X" is tied to X;
    "which city/region" needs a place the question does not name; "he said" is the speaker
    named before; a weekly rate is no total."""
    assert engine.answer(question).answered is answered


@pytest.mark.parametrize(
    ("word", "capitalised", "known", "is_name"),
    [
        ("kharkiv", True, False, True),
        ("scandinavian", True, False, False),
        ("kharkiv", False, False, False),
        ("trump", True, True, False),
        ("weather", True, False, False),
    ],
    ids=["unknown-name", "demonym", "lowercase", "known-name", "common-word"],
)
def test_unknown_name_detection(word: str, capitalised: bool, known: bool, is_name: bool) -> None:
    """Only a capitalised, rare word the story lacks counts as a name it never mentions."""
    from bot.core.answer import QueryTerm, _unknown_name

    query_term = QueryTerm(word, word if known else "", 1.0, name=capitalised)
    assert _unknown_name(query_term) is is_name


def test_a_statement_needs_its_speaker(engine: StoryEngine) -> None:
    """The story never reports the Kremlin saying anything, so it does not answer for it."""
    answer = engine.answer("What did the Kremlin say about Trump's Truth Social post?")
    assert not answer.answered
    assert "Kremlin" in answer.reason


def test_a_multi_word_name_counts_as_one_known_thing(engine: StoryEngine) -> None:
    """'Jonas Gahr Støre' plus an unknown topic is still one known thing: declined."""
    answer = engine.answer("What is Jonas Gahr Støre's favourite football club?")
    assert not answer.answered


def test_what_a_role_said_is_chosen_by_topic(tmp_path: Path) -> None:
    """'What did the mayor say about X': the mayor's sentence about X, even a bare quote."""
    engine = _quoted_mayor(tmp_path)
    answer = engine.answer("What did the mayor say about ambulances?")
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert "Ambulances" in answer.sentence


def test_a_name_from_another_article_is_not_answered_here(tmp_path: Path) -> None:
    """'the Harrowby floods' is not answered by a Kyiv sentence just because people died there."""
    (tmp_path / "story.txt").write_bytes(
        (ROOT / "corpus/trump-russia-big-concession.txt").read_bytes()
    )
    engine = engine_over(
        tmp_path,
        "flood.txt",
        "Harrowby Floods\n\n"
        "More than 140 homes in Harrowby were evacuated after the river burst its banks.\n\n"
        "The council opened a rest centre at the leisure centre.\n",
    )
    answer = engine.answer("How many people died in the Harrowby floods?")
    assert not answer.answered
    assert engine.answer("How many people died in Kyiv?").answered


@pytest.mark.parametrize(
    ("ferry_text", "spelt_out"),
    [
        pytest.param("The last ferry leaves at 6:50 p.m. on weekdays.", True, id="time-p.m."),
        pytest.param("The PM visited the ferry on Monday.", False, id="written-PM"),
    ],
)
def test_pm_is_prime_minister_unless_the_corpus_writes_pm(
    tmp_path: Path, ferry_text: str, spelt_out: bool
) -> None:
    """'the Norwegian PM' is the prime minister, though another article has '6:50 p.m.'."""
    (tmp_path / "story.txt").write_bytes(
        (ROOT / "corpus/trump-russia-big-concession.txt").read_bytes()
    )
    engine = engine_over(tmp_path, "ferry.txt", f"Island Ferry Cut\n\n{ferry_text}\n")
    words = {t.word for t in engine.analyse("When did Trump sit down with the Norwegian PM?").terms}
    assert ({"prime", "minister"} <= words) is spelt_out
    assert ("pm" in words) is not spelt_out
    if spelt_out:
        answer = engine.answer("When did Trump sit down with the Norwegian PM?")
        assert answer.citation is not None
        assert (answer.citation.article, answer.citation.paragraph) == ("story", 1)


LAVA = (
    "Volcano Erupts, Forcing Thousands From Homes\n\n"
    "Mount Oresca erupted on Sunday, forcing 9,000 people from their homes.\n\n"
    "Officials said the lava flows were advancing at roughly 200 meters an hour.\n\n"
    "Ash closed the airport at San Calixto, and schools will stay shut until Wednesday.\n\n"
    "The volcano last erupted in 1971, when a lava flow destroyed the church.\n"
)


@pytest.mark.parametrize(
    "question",
    ["how fast is the lava flowing", "How quickly is the lava flowing?"],
)
def test_how_fast_prefers_a_speed(tmp_path: Path, question: str) -> None:
    """'How fast ...?' is answered by the sentence giving a speed, not another with the words."""
    answer = engine_over(tmp_path, "lava.txt", LAVA).answer(question)
    assert answer.sentence is not None
    assert "200 meters an hour" in answer.sentence


FERRY = (
    "Island Ferry Cut to Two Daily Sailings\n\n"
    "PORT ALDANE, April 23 - The council voted to cut the island ferry from five daily "
    "sailings to two from June 2.\n\n"
    "The ferry users' group took the council to task and has launched a petition against the "
    "cuts.\n\n"
)
BUDGET = "The council's new budget takes effect July 1, finance chair Margaret Doyle said.\n"


@pytest.mark.parametrize(
    ("text", "question", "in_sentence"),
    [
        pytest.param(FERRY, "When do the ferry cuts take effect?", "June 2", id="take-effect"),
        pytest.param(FERRY, "when does the ferry cut kick in", "June 2", id="kick-in"),
        pytest.param(FERRY, "When do the cuts come into force?", "June 2", id="into-force"),
        pytest.param(
            FERRY + BUDGET, "When does the new budget take effect?", "July 1", id="story-says-it"
        ),
    ],
)
def test_starting_to_apply_is_asked_as_a_date(
    tmp_path: Path, text: str, question: str, in_sentence: str
) -> None:
    """'take effect', 'kick in', 'come into force' frame a question for a date (no 'effect' in
    'from June 2'), unless the story says 'takes effect' itself."""
    answer = engine_over(tmp_path, "ferry.txt", text).answer(question)
    assert answer.sentence is not None
    assert in_sentence in answer.sentence


REGATTA = (
    "Students Win at Wexcombe Regatta\n\n"
    "A crew from Kestrel College beat the champions on Saturday to win the Grand Eights.\n\n"
    "In the women's single sculls, Marta Kowalczyk, a physiotherapist, took her fifth title.\n"
)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        pytest.param("Who won the women's single sculls?", True, id="asked-sex"),
        pytest.param("Who won the single sculls?", True, id="no-sex-asked"),
        pytest.param("Who won the men's single sculls?", False, id="other-sex"),
        pytest.param("who won the mens single sculls", False, id="other-sex-no-apostrophe"),
    ],
)
def test_the_mens_race_is_not_the_womens(tmp_path: Path, question: str, answered: bool) -> None:
    """ "The men's single sculls" is not answered by a sentence about the women's only."""
    answer = engine_over(tmp_path, "regatta.txt", REGATTA).answer(question)
    assert answer.answered is answered, answer.reason


@pytest.mark.parametrize(
    ("sentence", "answered"),
    [
        pytest.param("Samuel Ortiz was kept in the hospital for three days.", True, id="days"),
        pytest.param(
            "Ortiz was being treated for a torn ligament and mild frostbite on three fingers, "
            "and Ashdown for hypothermia, a hospital spokeswoman said. Both were listed in fair "
            "condition Sunday afternoon.",
            False,
            id="no-time",
        ),
    ],
)
def test_how_many_days_needs_a_length_of_time(
    tmp_path: Path, sentence: str, answered: bool
) -> None:
    """ "How many days ...?" asks how long: "three fingers" is a number but no time."""
    text = (
        "Hikers Rescued\n\nSamuel Ortiz, 34, and Megan Ashdown, 29, were rescued on Sunday."
        f"\n\n{sentence}\n"
    )
    question = "How many days was Samuel Ortiz kept in the hospital?"
    (tmp_path / "ferry.txt").write_text(
        "Ferry Back in Service\n\nThe island ferry was out of service for ten days.\n",
        encoding="utf-8",
    )
    answer = engine_over(tmp_path, "rescue.txt", text).answer(question)
    assert answer.answered is answered, answer.reason


def test_a_man_and_a_woman_in_one_story_are_no_contrast(tmp_path: Path) -> None:
    """Only "men's / women's" (boys', girls', male, female) name two events: "the woman" is
    answered by a sentence about the man charged with attacking her."""
    engine = engine_over(
        tmp_path,
        "court.txt",
        "Man Charged After Attack\n\n"
        "Police said a woman was hurt near Leeds station on Friday. Daniel Price, a 34-year-old "
        "man from Leeds, has been charged with attacking her.\n\n"
        "The station reopened on Saturday.\n",
    )
    answer = engine.answer("Who was charged with attacking the woman?")
    assert answer.answered, answer.reason
    assert "Daniel Price" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "framed", "kept"),
    [
        pytest.param("When does the ferry cut kick in?", {"kick"}, set(), id="kick-in"),
        pytest.param(
            "Was the goalkeeper kicked in the head?", set(), {"kicked"}, id="kicked-in-the-head"
        ),
        pytest.param(
            "Trump says Russia stopped short of doing what?",
            {"short"},
            {"stopped"},
            id="stopped-short-of",
        ),
        pytest.param("How short is the deadline?", set(), {"short"}, id="short-itself"),
    ],
)
def test_only_the_words_of_an_idiom_frame_a_question(
    engine: StoryEngine, question: str, framed: set[str], kept: set[str]
) -> None:
    """The idiom's own words are dropped; a kick to the head is no idiom."""
    words = {t.word for t in engine.analyse(question).terms}
    assert not framed & words
    assert kept <= words


def test_take_effect_stays_framed_beside_side_effects(tmp_path: Path) -> None:
    """Another article's "side effects" do not make "take effect" the story's own words."""
    (tmp_path / "drug.txt").write_text(
        "Drug Trial Ends\n\nEleven patients dropped out because of side effects.\n",
        encoding="utf-8",
    )
    engine = engine_over(tmp_path, "ferry.txt", FERRY)
    for question in ("When do the ferry cuts take effect?", "what effect will the ferry cuts have"):
        answer = engine.answer(question)
        assert answer.answered, answer.reason
        assert "June 2" in (answer.sentence or "")


def test_the_foreign_minister_is_not_any_minister(tmp_path: Path) -> None:
    """ "foreign" is light only as a person's origin: "the foreign minister" is a post."""
    engine = engine_over(
        tmp_path,
        "talks.txt",
        "Ministers Meet on Sanctions\n\n"
        "Finance Minister Ola Berg said the budget could absorb the cost of the sanctions.\n\n"
        "Foreign Minister Anna Lind said the sanctions would stay until Russia withdrew.\n",
    )
    answer = engine.answer("What did the foreign minister say about the sanctions?")
    assert answer.answered, answer.reason
    assert "Anna Lind" in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    ["What is this story about?", "tl;dr", "summarise the article please", "what happened?"],
)
def test_the_gist_is_the_lead(tmp_path: Path, question: str) -> None:
    """A question about the story as a whole is answered by its lead, which sums it up."""
    answer = engine_over(tmp_path, "story.txt", _FERRY_POST).answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == 1
    assert (answer.sentence or "").startswith("Mayor Lena Ortiz criticised")


_SENTENCING = (
    "Fake Charity Founder Jailed\n\n"
    "U.S. District Judge Helen Okafor sentenced Dale Corliss to six years in prison on "
    "Thursday for running a fake children's charity.\n\n"
    "Defense attorney Claire Whitlock told the court that her client had a gambling "
    "addiction.\n\n"
    "“You did not just steal money,” Okafor told Corliss in court. “You stole the trust that "
    "real charities depend on.”\n"
)


_QUALIFIER = (
    "Qualifier Stuns Third Seed\n\n"
    "Kierul trains at the Riverside Tennis Academy under coach Marta Lindqvist. He entered "
    "the week with career prize money of just over $38,000.\n\n"
    "Lindqvist, watching from the players' box, said the pair had spent the winter on his "
    "return of serve. Her verdict was simple: “He believed he belonged on that court.”\n"
)
_FAMILY = (
    "Couple Cleared of Fraud\n\n"
    "Paul Keeley and his wife, Lorraine Keeley, were cleared of fraud on Monday.\n\n"
    "Keeley said outside court that the projects had been genuine.\n"
)


def assert_cited(answer: Answer, paragraph: int | None, wrong: int | None) -> None:
    """``answer`` cites ``paragraph``, or (when that is None) does not cite ``wrong``."""
    if paragraph is None:
        shown = answer.citation.paragraph if answer.answered and answer.citation else None
        assert shown != wrong, answer.sentence
    else:
        assert answer.answered, answer.reason
        assert answer.citation is not None
        assert answer.citation.paragraph == paragraph


_TRIBUTE = (
    "Family Pay Tribute to Teenager Killed in Crash\n\n"
    "Tributes have been paid to a 17-year-old who died after his car left the A38 on Saturday.\n\n"
    "Mum Lorraine Keeley said her son Jack had been the kindest boy you could ever meet.\n\n"
    "Dad Paul Keeley, 52, said the family could not face going back to the house.\n\n"
    "Keeley, a lorry driver, said the road had needed speed cameras for years.\n"
)
_COUPLE = (
    "Hospital Chief Defends Waiting Times\n\n"
    "Anna Smith-Jones said staff were working flat out and the hospital needed 200 nurses.\n\n"
    "Her husband, Robert Smith-Jones, a councillor, said the government had starved the "
    "hospital of money.\n"
)
_SQUAD = (
    "Maddison Recalled as James Misses Out\n\n"
    "Tuchel recalled Tottenham midfielder James Maddison after an eight-month absence.\n\n"
    "Chelsea captain Reece James was left out again as he recovers from injury.\n\n"
    "James Maddison said he had never stopped believing he would get back into the squad.\n\n"
    "James said on social media that he was gutted but would be back stronger.\n"
)
_PARTNERS = (
    "Couple Cleared of Fraud\n\n"
    "Paul and Lorraine Keeley were cleared of fraud at Leeds Crown Court on Monday.\n\n"
    "Keeley said outside court that the projects had always been genuine.\n"
)


_PORTS = (
    "Norway Pledges Funds for Ports\n\n"
    "Norwegian Prime Minister Jonas Gahr Støre met port officials in Odesa on Friday.\n\n"
    "Støre said Norway would fund the reconstruction of the damaged ports.\n"
)


@pytest.mark.parametrize(
    ("text", "question", "paragraph", "wrong"),
    [
        (_QUALIFIER, "What did his coach say about him?", 2, None),
        (_QUALIFIER, "What did Marta Lindqvist say about him?", 2, None),
        (_PORTS, "What did Jonas Gahr Støre say about the ports?", 2, None),
        (_FAMILY, "What did Lorraine Keeley say outside court?", None, 2),
        (_PARTNERS, "What did Lorraine Keeley say outside court?", None, 2),
        (_TRIBUTE, "What did Lorraine Keeley say about speed cameras?", None, 4),
        (_TRIBUTE, "What did Jack Keeley say about the house?", None, 3),
        (_COUPLE, "What did Anna Smith-Jones say about the government?", None, 2),
        (_SQUAD, "What did Reece James say about the squad?", 4, None),
    ],
    ids=[
        "role-then-surname",
        "full-name-then-surname",
        "three-word-name",
        "surname-shared-in-the-family",
        "couple-written-together",
        "after-a-capitalised-word",
        "first-name-never-with-the-surname",
        "hyphenated-surname",
        "surname-as-another-first-name",
    ],
)
def test_a_full_name_speaks_by_surname(
    tmp_path: Path, text: str, question: str, paragraph: int | None, wrong: int | None
) -> None:
    """Someone named in full first speaks by surname later; not when the article gives the
    surname to two people ("Keeley said" may be her husband, "Dad Paul Keeley", "Paul and
    Lorraine Keeley"), nor when the sentence puts another name next to it ("James Maddison"
    is not Reece James): then the other person's paragraph (``wrong``) is not the answer."""
    assert_cited(engine_over(tmp_path, "story.txt", text).answer(question), paragraph, wrong)


_ROLES = (
    "White House Defends Tariffs\n\n"
    "President Donald Trump announced new tariffs on Monday, and Vice President J.D. Vance "
    "was sent to defend them on television.\n\n"
    "Vance said the tariffs would bring back factory jobs.\n\n"
    "Trump told reporters that other countries would come begging for a deal.\n"
)
_NAMESAKES = (
    "Former Pastor Jailed\n\n"
    "A former pastor was sentenced to 12 years in prison on Tuesday by Judge Michael Okafor.\n\n"
    "Okafor said the scheme had been cruel and calculated.\n\n"
    "Michael Feeney, who represents the pastor, said his client would appeal.\n"
)


_SACKED = (
    "Rovers Sack Ruiz\n\n"
    "Bramley Rovers sacked head coach Maria Ruiz on Sunday after a sixth straight defeat.\n\n"
    "The club said assistant coach Tom Hale would take charge of training this week.\n\n"
    "Ruiz, who joined from Leeds last summer, said she was disappointed but proud.\n"
)
_DEFENCE = (
    "Defence Cuts Row\n\n"
    "Defence Secretary John Healey defended the plan in the Commons on Monday.\n\n"
    "Tory MP James Cartlidge said the cuts would leave Britain unable to defend its allies.\n"
)


@pytest.mark.parametrize(
    ("text", "question", "paragraph", "wrong"),
    [
        (_ROLES, "What did the president say about factory jobs?", None, 2),
        (_ROLES, "What did the vice president say?", 2, None),
        (_NAMESAKES, "What did the judge say about the appeal?", None, 3),
        (_NAMESAKES, "What did the judge say about the scheme?", 2, None),
        (_DEFENCE, "what did the defence secretary say about the allies?", None, 2),
        (_SACKED, "What did the coach say?", 3, None),
    ],
    ids=[
        "vice-is-another-post",
        "initials-end-no-name",
        "first-name-shared",
        "surname-named",
        "someone-else-beside-the-post",
        "an-assistant-coach-is-named-not-speaking",
    ],
)
def test_the_holder_of_a_post_speaks(
    tmp_path: Path, text: str, question: str, paragraph: int | None, wrong: int | None
) -> None:
    """The vice president is not the president; "J.D. Vance" is one name; a lawyer who shares
    the judge's first name is not the judge; an MP is not the defence secretary."""
    assert_cited(engine_over(tmp_path, "story.txt", text).answer(question), paragraph, wrong)


_MUMMIES = (
    "Museum Unveils Two Egyptian Mummies\n\n"
    "Two Egyptian mummies went on public display on Saturday after a five-year "
    "restoration.\n\n"
    "Conservator Priya Raman said the mummies are now in better condition than they have been "
    "for a century.\n\n"
    "A painted coffin lid belonged to Nesmin's mother. Her own mummy has never been found.\n"
)
_BLOCK_PARTY = (
    "Daddy Yankee Plays Surprise Set\n\n"
    "“I wanted to give something back,” Daddy Yankee told the crowd.\n\n"
    "Among those in the crowd was Luis Ortega, who brought his two sons. “I was their age "
    "when that song came out,” the father said.\n"
)
_HEATWAVE = (
    "Schools Close Early in Heatwave\n\n"
    "More than 230 schools will close at 1 p.m. each day this week, the council said.\n\n"
    "Some parents said the decision had left them scrambling. Priya Shah, a nurse with two "
    "children at Fernside, said she had swapped shifts twice.\n"
)


_HOSPITAL = (
    "Teenager Hurt in Crash\n\n"
    "His mother, Lorraine Keeley, works as a nurse at Derriford Hospital in Plymouth.\n\n"
    "His father drove to the scene from Exeter as soon as he heard.\n"
)


@pytest.mark.parametrize(
    ("text", "question", "paragraph"),
    [
        (_MUMMIES, "what condition is the mummy in?", 2),
        (_BLOCK_PARTY, "what did the dad in the crowd say?", 2),
        (_HEATWAVE, "what did the nurse mum say about it", 2),
        (_HOSPITAL, "where does his Mum work?", 1),
        (_HOSPITAL, "where did his Dad drive from?", 2),
    ],
    ids=[
        "a-mummy-is-no-mother",
        "daddy-yankee-is-no-dad",
        "a-mum-is-a-parent",
        "capitalised-mum",
        "capitalised-dad",
    ],
)
def test_family_words_are_read_in_questions_only(
    tmp_path: Path, text: str, question: str, paragraph: int
) -> None:
    """A reader's "mum" or "dad" is a mother or father, looked up as one ("Some parents");
    the article's "mummy" and "Daddy Yankee" stay as written."""
    assert_cited(engine_over(tmp_path, "story.txt", text).answer(question), paragraph, None)


#: A second article with a judge of its own: "the judge" has two holders in the corpus.
_BREAD_AWARD = (
    "Village Bakery Wins Bread Award\n\n"
    "Head judge Maria Lopez said the sourdough was the best she had tasted in years.\n"
)


@pytest.mark.parametrize(
    ("question", "paragraph"),
    [
        ("what did the judge tell him in court", 3),
        ("What did the defense attorney tell the court?", 2),
        ("What did the mayor tell the court?", None),
    ],
    ids=["titled-elsewhere", "titled-here", "nobody-holds-it"],
)
def test_a_role_named_elsewhere_in_the_article_speaks(
    tmp_path: Path, question: str, paragraph: int | None
) -> None:
    """ "the judge" speaks in "Okafor told Corliss" when the article calls her "Judge Helen
    Okafor" elsewhere (the corpus has another judge); a role nobody holds speaks nowhere."""
    (tmp_path / "bread.txt").write_text(_BREAD_AWARD, encoding="utf-8")
    answer = engine_over(tmp_path, "sentencing.txt", _SENTENCING).answer(question)
    if paragraph is None:
        assert not answer.answered
    else:
        assert answer.answered, answer.reason
        assert answer.citation is not None
        assert answer.citation.paragraph == paragraph


@pytest.mark.parametrize(
    "message", ["hey bot hows ur day going lol", "Hi bot, how are you doing today?", "thanks!"]
)
def test_small_talk_gets_its_own_reply(engine: StoryEngine, message: str) -> None:
    """Small talk shares words with the story ("day", "doing") but asks nothing of it: no
    passage is offered as if it were close, and the reply says what the bot is for."""
    answer = engine.answer(message)
    assert (answer.answered, answer.small_talk) == (False, True)
    assert answer.passages == ()
    assert answer.reason == SMALL_TALK_REPLY


@pytest.mark.parametrize(
    ("question", "paragraph"),
    [
        ("how was the day?", 4),
        ('"Vladimir, STOP!"', 4),
        ("hi " + ":) " * 25 + "who did trump meet?", 1),
    ],
    ids=["the-day-of-the-story", "a-quotation", "smileys-before-a-question"],
)
def test_questions_that_look_like_small_talk(
    engine: StoryEngine, question: str, paragraph: int
) -> None:
    """ "how was the day" asks about the story's day; quoted words quote it; a run of smileys
    before a question is answered at once."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == paragraph


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "Bakery Wins Prize\n\nOwner Helen Marsh said the secret was a wild yeast starter.\n",
            "what did the mum say?",
        ),
        (
            "Flood Report\n\nEngineer Priya Nair said the root cause was a blocked culvert.\n",
            "what did the dad say?",
        ),
        (
            "Factory Opens\n\nA battery factory that will bring 400 good jobs opened on Monday.\n",
            "good job!",
        ),
    ],
    ids=["a-mum-is-no-yeast", "a-dad-is-no-root", "good-jobs-are-no-good-job"],
)
def test_family_words_and_small_talk_stay_apart_from_lookalikes(
    tmp_path: Path, text: str, question: str
) -> None:
    """ "mum" is looked up as mother or parent only (not WordNet's "yeast" or "root"); "good
    job!" is small talk beside "good jobs"."""
    answer = engine_over(tmp_path, "story.txt", text).answer(question)
    assert not answer.answered


@pytest.mark.parametrize("question", ["good job?", "thank you so much?"])
def test_words_the_story_quotes_are_no_small_talk(tmp_path: Path, question: str) -> None:
    """ "good job?" of a story that quotes "Good job, honestly" asks about those words."""
    engine = engine_over(
        tmp_path,
        "rescue.txt",
        "Boy Pulled From Frozen Lake\n\n"
        "Firefighters pulled a 9-year-old boy from a frozen lake in Leeds on Sunday.\n\n"
        "“Thank you so much,” his mother told the crew as he was carried to the ambulance.\n\n"
        "“Good job, honestly, by everyone out there,” firefighter Dean Marsh said.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert not answer.small_talk


def test_the_strain_of_the_war_is_its_tension(engine: StoryEngine) -> None:
    """ "feeling the strain" is the story's "create tension" (Eastern Europe), not "part of a
    broader conversation"."""
    answer = engine.answer("Which region is feeling the strain of the war?")
    assert answer.answered, answer.reason
    assert "Eastern Europe" in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    ["what year did this happen", "when was this", "when did he say all this, what date"],
)
def test_when_it_happened_is_the_lead_s_date(engine: StoryEngine, question: str) -> None:
    """When the news happened, or was said, is the date the lead gives."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert "April 24, 2025" in (answer.sentence or "")


def test_a_question_about_something_else_is_not_the_lead(tmp_path: Path) -> None:
    """ "the first line of treatment" is no line of the article."""
    engine = engine_over(tmp_path, "story.txt", _FERRY_POST)
    assert not engine.answer("What is the first line of treatment for measles?").answered


def test_which_article_s_end_must_be_named_among_several(tmp_path: Path) -> None:
    """ "the last paragraph" of a corpus of two articles is not one paragraph."""
    (tmp_path / "other.txt").write_text("Other News\n\nSomething else happened.\n", "utf-8")
    answer = engine_over(tmp_path, "story.txt", _FERRY_POST).answer(
        "What does the last paragraph say?"
    )
    assert not answer.answered
    assert "2 articles; name the one you mean" in answer.reason


def test_the_measure_of_how_much_weight_frames_the_question(tmp_path: Path) -> None:
    """ "weight" of "How much weight did he lose?" is what a number of kilograms answers, not
    a word the passage must have: it weighs like a question word."""
    query = engine_over(tmp_path, "story.txt", _FREED).analyse(
        "How much weight did the freed soldier lose?"
    )
    weights = {t.word: t.weight for t in query.terms}
    assert weights["weight"] < weights["soldier"] / 4


def test_a_typo_far_from_every_word_is_matched_by_its_stem(engine: StoryEngine) -> None:
    """'frustated' is two letters from 'frustration' but one from its stem."""
    query = engine.analyse("Why was Trump frustated?")
    assert [t.term for t in query.terms if t.word == "frustated"] == ["frustrat"]


@pytest.mark.parametrize(
    ("question", "word", "term"),
    [
        ("When does construction start?", "start", "begin"),  # WordNet synonym
        ("What do the adversaries dread?", "dread", "fear"),  # another synonym
        ("Who are the adversaries?", "adversaries", "oppon"),  # a derived form
        ("Who is against the bridge?", "bridge", "bridg"),  # the word itself wins
    ],
)
def test_words_the_story_never_uses_are_looked_up_as_synonyms(
    two_articles: StoryEngine, question: str, word: str, term: str
) -> None:
    query = two_articles.analyse(question)
    assert [t.term for t in query.terms if t.word == word] == [term]


def test_a_synonym_answers_a_question_in_other_words(two_articles: StoryEngine) -> None:
    """'start' is not in the story but 'begin' is: answered with the date, not declined."""
    answer = two_articles.answer("When does construction start?")
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert "September" in answer.sentence


def test_names_are_not_replaced_by_synonyms(tmp_path: Path) -> None:
    """'Bill' is a name, not a banknote."""
    engine = engine_over(
        tmp_path, "notes.txt", "Bank Prints New Notes\n\nThe bank printed new notes on Monday.\n"
    )
    assert [t.term for t in engine.analyse("What did Bill Ortiz print?").terms][:1] == [""]
    assert engine.analyse("what did the bill say").terms[0].term == "note"


def test_money_questions_need_an_amount(tmp_path: Path) -> None:
    """The sentence with the amount answers, though another paragraph matches more words; a
    story that gives no amount declines."""
    engine = engine_over(
        tmp_path,
        "fine.txt",
        "Telecom Fined\n\n"
        "Acme Telecom has been fined €18.5 million by the regulator after a data breach.\n\n"
        "Acme, which has about 9 million customers, said it would not appeal the Acme fine.\n",
    )
    answer = engine.answer("How much was Acme fined?")
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert "€18.5 million" in answer.sentence
    declined = engine.answer("What is the Acme chief executive's salary?")
    assert not declined.answered


def test_a_short_lead_in_is_shown_with_the_next_sentence(tmp_path: Path) -> None:
    """ "Not everyone is convinced." alone does not say why: the answer goes on to the reasons."""
    engine = engine_over(
        tmp_path,
        "plan.txt",
        "Council Backs Plan\n\n"
        "The council backed the harbour plan on Monday by seven votes to two.\n\n"
        "Not everyone is convinced. Residents argue the plan will double traffic on Quay Street "
        "and push rents up for the shops along it.\n",
    )
    answer = engine.answer("Why is not everyone convinced?")
    assert answer.answered, answer.reason
    assert answer.sentence == (
        "Not everyone is convinced. Residents argue the plan will double traffic on Quay Street "
        "and push rents up for the shops along it."
    )
    long_one = engine.answer("How many votes did the council plan get?")
    assert long_one.sentence == (
        "The council backed the harbour plan on Monday by seven votes to two."
    )


def test_a_rare_word_close_to_a_story_word_is_a_typo_not_a_synonym(tmp_path: Path) -> None:
    """'pries' is an English word whose WordNet synonyms include 'prize', but a reader who
    asks about food pries means prices."""
    engine = engine_over(
        tmp_path,
        "prices.txt",
        "Prices Rise\n\nFood prices rose 4 percent in March.\n\nThe prize went to Ana Ruiz.\n",
    )
    query = engine.analyse("How much did food pries rise?")
    assert [t.term for t in query.terms if t.word == "pries"] == [term("prices")]
    assert term("prices") != term("prize")


SPACE_STORY = (
    "University Satellite Reaches Orbit After Launch Was Called Off Twice\n\n"
    "A weather satellite built by students reached orbit on Saturday, the university said.\n\n"
    "The satellite, named Petrel-1, lifted off at 6:10 a.m. from the Kestrel Point pad.\n\n"
    "Mission director Ana Ruiz said the team would publish its first data soon.\n\n"
    "Ruiz also said a second satellite was planned, and that students would build it.\n"
)


@pytest.mark.parametrize(
    ("question", "answered", "in_sentence"),
    [
        ("What time did the satellite lift off?", True, "6:10 a.m."),
        ("What time of day will the data be published?", False, ""),
        ("On what date did the satellite reach orbit?", True, "Saturday"),
        ("When exactly will the team publish its first data?", False, ""),
        ("What is the satellite called?", True, "Petrel-1"),
        ("What is the name of the pad?", True, "Kestrel Point"),
        ("What is the name of the students' weather satellite?", False, ""),
    ],
    ids=["clock", "no-clock", "date", "no-date", "called", "name-of", "no-name"],
)
def test_questions_that_need_a_date_a_time_or_a_name(
    tmp_path: Path, question: str, answered: bool, in_sentence: str
) -> None:
    """ "What time", "on what date" and "what is it called" need a clock time, a calendar date
    or a name (not a weekday) in the answering sentence: "soon" is not a date."""
    answer = engine_over(tmp_path, "space.txt", SPACE_STORY).answer(question)
    assert answer.answered is answered, answer.reason
    if answered:
        assert answer.sentence is not None
        assert in_sentence in answer.sentence


def test_a_sentence_that_starts_with_a_name_answers_who(engine: StoryEngine) -> None:
    """ "Trump also revealed ..." names its subject at the start: it answers "who" before a
    sentence whose only capitalised words are places."""
    answer = engine.answer("who set a personal deadline for ending the conflict")
    assert answer.answered, answer.reason
    assert answer.sentence is not None
    assert answer.sentence.startswith("Trump also revealed")


def test_the_headline_counts_for_the_lead_paragraph(tmp_path: Path) -> None:
    """A question word the lead paragraph lacks but its headline has ("floods") counts for the
    lead, which the headline sums up, over a later paragraph that uses it."""
    engine = engine_over(
        tmp_path,
        "flood.txt",
        "Harrowby Floods: River Wendle Bursts Its Banks\n\n"
        "More than 140 homes in Harrowby were evacuated on Saturday after the River Wendle "
        "burst its banks.\n\n"
        "Residents said the streets had flooded before, and households may apply for a grant.\n",
    )
    answer = engine.answer("Which river flooded?")
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == 1


def test_a_phrasal_verb_the_story_lacks_falls_back_to_its_verb(engine: StoryEngine) -> None:
    """ "take over" is not in the story, but "taking control" is: the verb still counts."""
    query = engine.analyse("Did Russia take over all of Ukraine?")
    assert [t.term for t in query.terms if t.word == "take_over"] == [term("take")]
    assert engine.answer("Did Russia take over all of Ukraine?").answered


def test_a_word_that_only_looks_negated_is_not_its_opposite(engine: StoryEngine) -> None:
    """ "mistakes" is not "not takes": it is not looked up as the story's "taking"."""
    query = engine.analyse("Did Trump admit any mistakes?")
    assert term("take") not in {t.term for t in query.terms}
    assert term("mistrust") in {t.term for t in engine.analyse("Do they trust Putin?").terms}


def test_a_word_is_not_the_opposite_of_one_that_only_looks_negated(tmp_path: Path) -> None:
    """ "charged" is not looked up as "discharged", "rest" not as "unrest"."""
    engine = engine_over(
        tmp_path,
        "ward.txt",
        "Ward Reopens\n\nThe man was discharged from hospital on Monday amid unrest.\n",
    )
    found = {t.term for t in engine.analyse("Was the man charged? Any rest?").terms}
    assert not found & {term("discharged"), term("unrest")}


@pytest.mark.parametrize(
    ("turned_out", "plain", "verb"),
    [
        ("How many people ended up in Kyiv?", "How many people ended in Kyiv?", "ended"),
        ("Who wound up with the deal?", "Who wound the deal?", "wound"),
    ],
    ids=["ended-up", "wound-up"],
)
def test_ended_up_is_how_it_turned_out(
    engine: StoryEngine, turned_out: str, plain: str, verb: str
) -> None:
    """ "ended up in hospital" says how things turned out: "end" weighs as a light word with
    "up", in full without it."""

    def weight(question: str) -> float:
        return next(t.weight for t in engine.analyse(question).terms if t.word == verb)

    assert weight(turned_out) < weight(plain) / 2


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("When did the strikes happen relative to the meeting with Støre?", {"meeting", "store"}),
        (
            "ok so I was reading about the war and the talks and got confused, when did the "
            "strikes happen relative to the meeting with Støre?",
            {"meeting", "store"},
        ),
        ("Did the strikes come before or after the meeting?", {"meeting"}),
    ],
    ids=["relative-to", "relative-to-after-chat", "before-or-after"],
)
def test_what_an_event_is_placed_against(
    engine: StoryEngine, question: str, reference: set[str]
) -> None:
    """Y of "When did X happen relative to Y?" / "before or after Y?", chat before it or not."""
    assert engine.analyse(question).reference == reference


def test_a_misspelt_paraphrase_reaches_the_story_word(engine: StoryEngine) -> None:
    """ "comlicated" is not a story word nor one letter from one: spelt right it is
    "complicated", whose WordNet head "complex" the story uses ("complexities")."""
    query = engine.analyse("why are the negotiations so comlicated")
    assert [t.term for t in query.terms if t.word == "comlicated"] == [term("complexities")]
    assert engine.answer("why are the negotiations so comlicated").answered


@pytest.mark.parametrize(
    ("question", "word", "expected"),
    [
        ("Why is Moscow pausing?", "moscow", "russia"),  # the capital stands for the country
        ("What does the Kremlin want?", "kremlin", "russia"),
        ("Were there strikes on Kyiv?", "kyiv", "kyiv"),  # a word the story uses is itself
    ],
)
def test_a_capital_the_story_lacks_stands_for_its_country(
    engine: StoryEngine, question: str, word: str, expected: str
) -> None:
    query = engine.analyse(question)
    assert [t.term for t in query.terms if t.word == word] == [term(expected)]


@pytest.mark.parametrize(
    ("question", "holder"),
    [
        ("Who is the mayor of Lakeport?", "Elena Varga"),
        ("who is the mayor of castlebridge", "Colin Achebe"),
        ("Who is the CEO of Calder Metals?", "Daniel Ferreira"),
    ],
)
def test_an_unqualified_title_belongs_to_the_articles_subject(
    tmp_path: Path, question: str, holder: str
) -> None:
    """ "Mayor Elena Varga said" in a story headed "Lakeport ...", "Castlebridge ... Its mayor"
    and "Chief executive Daniel Ferreira" (for a CEO) name the holder asked about."""
    engine = engine_over(
        tmp_path,
        "lakeport.txt",
        "Lakeport Council Approves Harbor Bridge as Calder Metals Wins Steel Deal\n\n"
        "Mayor Elena Varga said the bridge would cut the drive to the hospital to 8 minutes.\n\n"
        "Councillors voted 7 to 2 on Tuesday night in Lakeport to approve the harbor bridge and "
        "its approach roads, which will be built with steel from Calder Metals.\n\n"
        "Chief executive Daniel Ferreira said the steel contract would keep 300 jobs.\n\n"
        "Castlebridge will build next. Its mayor, Colin Achebe, said work would start in May.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert holder in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    [
        "Who is in charge of the zoo?",
        "Who runs the zoo?",
        "Who is the boss of the zoo?",
    ],
)
def test_who_leads_something_asks_for_a_person(tmp_path: Path, question: str) -> None:
    """ "in charge of", "runs", "the boss of" ask who leads: a story that says "Zoo Director"
    answers them though it never uses those words."""
    engine = engine_over(
        tmp_path,
        "zoo.txt",
        "Red Panda Found Safe\n\n"
        "A red panda that escaped from Ashcombe Zoo on Friday was found in a garden on Sunday.\n\n"
        "“He is tired but well,” said Zoo Director Patricia Lwazi, who joined the search.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert "Patricia Lwazi" in (answer.sentence or "")


def test_which_person_is_in_charge_asks_who(tmp_path: Path) -> None:
    """ "Which detective is in charge of the case?" asks who leads it, as "Who is ...?" does."""
    engine = engine_over(
        tmp_path,
        "theft.txt",
        "Thieves Steal Clock From Museum\n\n"
        "Thieves broke into the Aldersgate Museum early on Wednesday and escaped with a clock.\n\n"
        "“This was a planned operation,” said Detective Chief Inspector Alana Brightwater, who "
        "is leading the investigation.\n\n"
        "Police have appealed for witnesses in the case.\n",
    )
    answer = engine.answer("Which detective is in charge of the case?")
    assert answer.answered, answer.reason
    assert "Brightwater" in (answer.sentence or "")


def test_a_phrasal_verb_is_looked_up_as_one(engine: StoryEngine) -> None:
    """ "looking for" is WordNet's "look_for" = "seek": the story's "is now seeking a deal"."""
    query = engine.analyse("Is the Russian leader looking for an agreement?")
    assert [t.term for t in query.terms if t.word == "looking"] == [term("seeking")]
    answer = engine.answer("Is the Russian leader looking for an agreement?")
    assert answer.answered, answer.reason
    assert "seeking a deal" in (answer.sentence or "")


def test_a_sentence_going_on_about_the_last_one_can_answer(tmp_path: Path) -> None:
    """ "Its chair, Priya Nandakumar, said" names who heads the group the sentence before is
    about: the answer shows both sentences."""
    engine = engine_over(
        tmp_path,
        "library.txt",
        "Libraries to Close\n\n"
        "The council voted on Tuesday to close three of its seven libraries to save money.\n\n"
        "Campaign group Save Harrowfield Libraries said it had collected 12,400 signatures on a "
        "petition opposing the closures. Its chair, retired teacher Priya Nandakumar, said the "
        "fight would go on.\n",
    )
    answer = engine.answer("Who heads the Save Harrowfield Libraries campaign?")
    assert answer.answered, answer.reason
    assert "Priya Nandakumar" in (answer.sentence or "")
    assert (answer.sentence or "").startswith("Campaign group")


def test_who_is_someones_relation_needs_that_relation_named(tmp_path: Path) -> None:
    """ "Who is Faith Chepkoech's coach?" is not answered by a sentence about her win: the
    story mentions her coach only unnamed."""
    engine = engine_over(
        tmp_path,
        "marathon.txt",
        "Chepkoech Wins Marathon\n\n"
        "Kenyan runner Faith Chepkoech won the Port Calloway Marathon on Sunday in record time.\n\n"
        "“My coach told me not to look back,” Chepkoech said after the race.\n",
    )
    assert not engine.answer("Who is Faith Chepkoech's coach?").answered
    assert engine.answer("Who won the Port Calloway Marathon?").answered


@pytest.mark.parametrize(
    ("story", "question", "expected"),
    [
        pytest.param(
            "EU Approves Sanctions\n\n"
            "EU leaders approved a new package of sanctions against Russia on Thursday.\n\n"
            "In Kyiv, Deputy Foreign Minister Olena Marchuk welcomed the decision. “It is a signal "
            "that Europe will not blink,” she said.\n",
            "What did Olena Marchuk say?",
            "will not blink",
            id="quote-after-report",
        ),
        pytest.param(
            "Runway Closes\n\n"
            "Harbourton airport will close its main runway for six weeks of repairs.\n\n"
            "During the work, aircraft will pass over the village of Kilbride more often.\n",
            "Which village will get more aircraft?",
            "Kilbride",
            id="village-of",
        ),
        pytest.param(
            "Council Approves Bridge\n\n"
            "The Lakeport city council voted 7 to 2 on Tuesday to approve a $48 million bridge.\n\n"
            "The state will pay 60 percent of the cost and the city the rest, officials said.\n",
            "How much will the bridge cost?",
            "$48 million",
            id="cost-amount",
        ),
        pytest.param(
            "Prisoner Swap Agreed\n\n"
            "Talks were mediated by Oman, whose envoy Khalid al-Harthy shuttled between the two "
            "delegations over three rounds of talks in Muscat.\n\n"
            "“Both sides showed courage,” Khalid al-Harthy told reporters after the signing.\n",
            "What did the Omani envoy say?",
            "courage",
            id="role-holder",
        ),
        pytest.param(
            "Pay Talks Fail\n\n"
            "The company made an offer of 4 percent to the union, its best offer in years.\n\n"
            "The union on Friday brushed off the offer, saying its members would strike at the "
            "plant from next week unless talks resumed.\n",
            "How did the union react to the offer?",
            "brushed off",
            id="group-acts",
        ),
        pytest.param(
            "Coalition Collapses\n\n"
            "PRAGUE — Czech Prime Minister Tomáš Horáček lost his majority on Thursday.\n\n"
            "The liberal party pulled its five ministers out of the coalition.\n\n"
            "Horáček, 52, a former central bank economist, said he would not resign.\n\n"
            "Markets reacted calmly, traders in Prague said.\n",
            "How old is the Czech prime minister?",
            "52",
            id="post-holder-by-surname",
        ),
        pytest.param(
            "Coalition Collapses\n\n"
            "PRAGUE — Czech Prime Minister Tomáš Horáček lost his majority on Thursday.\n\n"
            "Horáček, 52, a former central bank economist, said he would not resign.\n",
            "Is Horáček going to step down?",
            "not resign",
            id="phrasal-synonym",
        ),
        pytest.param(
            "Pension Reform Approved\n\n"
            "The cabinet approved a pension reform on Wednesday after a long debate.\n\n"
            "The pension system would run a deficit of 68 billion koruna this year, the finance "
            "minister said.\n",
            "How big is the hole in the pension system?",
            "68 billion koruna",
            id="size-in-money",
        ),
        pytest.param(
            "Deadline Set\n\n"
            "The president said he had set his own deadline for a deal.\n\n"
            "“I have my own deadline, and we want it to be fast,” the president added.\n",
            "Who said 'I have my own deadline'?",
            "we want it to be fast",
            id="quoted-words",
        ),
        pytest.param(
            "Vote Ends Plan\n\n"
            "The council voted 7 to 2 against the bypass on Tuesday.\n\n"
            "Mayor Anna Kovacs said the vote meant the end of the plan.\n",
            "What did Kovacs say the vote would mean?",
            "meant the end",
            id="irregular-form",
        ),
    ],
)
def test_small_stories_answered_by_the_right_sentence(
    tmp_path: Path, story: str, question: str, expected: str
) -> None:
    """What a question needs is found where the story says it: the quote after "Marchuk
    welcomed the decision"; "the village of Kilbride" for "which village"; "a $48 million
    bridge" for what it costs; what "the Omani envoy" says, said by "Oman, whose envoy Khalid
    al-Harthy"; how the union reacted, where the union acts, not "an offer to the union"."""
    answer = engine_over(tmp_path, "story.txt", story).answer(question)
    assert answer.answered, answer.reason
    assert expected in (answer.sentence or "")


def test_a_yes_no_question_about_someone_needs_a_passage_about_them(tmp_path: Path) -> None:
    """Another minister's resignation does not say whether Valadares resigned."""
    engine = engine_over(
        tmp_path,
        "bridge.txt",
        "Bridge Collapses\n\n"
        "Infrastructure Minister Inês Valadares ordered an inquiry on Wednesday.\n\n"
        "A 2001 bridge collapse led to the resignation of the minister at the time.\n",
    )
    assert not engine.answer("Has Inês Valadares resigned over the collapse?").answered
    assert engine.answer("Did Inês Valadares order an inquiry?").answered


@pytest.mark.parametrize(
    ("sentence", "noun", "says_kind"),
    [
        ("Russia fired 40 cruise missiles at Kyiv overnight.", "missiles", True),
        ("Trump was frustrated by the Russian missile strikes on Kyiv.", "missile", False),
        ("The strikes on Kyiv killed 12 people.", "missiles", True),  # may be paraphrased
    ],
    ids=["cruise", "nationality-is-not-a-kind", "noun-not-used"],
)
def test_what_kind_of_thing_needs_a_kind(
    engine: StoryEngine, sentence: str, noun: str, says_kind: bool
) -> None:
    """ "What kind of missiles" is answered by "cruise missiles", not "Russian missiles"."""
    from bot.core.answer import _names_a_kind

    query = engine.analyse(f"What kind of {noun} hit Kyiv?")
    assert _names_a_kind(sentence, noun, query) is says_kind


@pytest.mark.parametrize(
    "question", ["what did trump call russias pause", "What did Trump call Russia's pause?"]
)
def test_a_question_about_the_headline_is_answered_by_the_lead(
    engine: StoryEngine, question: str
) -> None:
    """Every key word is in the headline ("Trump Calls Russia's Pause ... a 'Big Concession'"):
    the lead's first sentence, which the headline sums up, answers; not a later "pause"."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == 1
    assert "big concession" in (answer.sentence or "")


def test_a_count_of_something_else_does_not_count_what_is_asked(tmp_path: Path) -> None:
    """ "Three firefighters were treated" does not say how many workers were treated when the
    same paragraph counts workers elsewhere."""
    engine = engine_over(
        tmp_path,
        "fire.txt",
        "Fire at Chemical Plant\n\n"
        "A fire broke out at the Corvell plant in Harrowfield early on Saturday.\n\n"
        "Three firefighters were treated for heat exhaustion at the scene on Saturday morning. "
        "The plant employs 230 workers.\n",
    )
    assert not engine.answer("How many workers were treated for heat exhaustion?").answered
    assert engine.answer("How many firefighters were treated for heat exhaustion?").answered


@pytest.mark.parametrize(
    "question",
    [
        "Does Ukraine agree Russia made a big concession?",
        "Did Ukraine accept Trump's view that Russia conceded something?",
    ],
)
def test_where_x_stands_is_answered_where_x_acts(engine: StoryEngine, question: str) -> None:
    """ "Does Ukraine agree ...?" is answered by the paragraph in which Ukraine rejects the
    claim, not by the lead that mentions Russia's advance into Ukraine."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert "rejected" in (answer.sentence or "")


def test_what_a_group_said_may_be_a_reaction(engine: StoryEngine) -> None:
    """ "much of Europe, including Ukraine, rejected the notion" says how Europe reacted, even
    when the lead paragraph scores higher."""
    answer = engine.answer(
        "How did most of Europe react to the idea that Russia had made a big concession?"
    )
    assert answer.answered, answer.reason
    assert "rejected" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "answer_has"),
    [
        ("Who wrote this article?", "written by A. Writer"),
        ("When was the article published?", "published on 2025-04-24"),
        ("What is the title of the article?", "headline is “Bridge Approved”"),
        ("whats the headline", "headline is “Bridge Approved”"),
        ("whats the headline of this", "headline is “Bridge Approved”"),
        ("what's the headline on this one?", "headline is “Bridge Approved”"),
        ("what does the headline say", "headline is “Bridge Approved”"),
    ],
)
def test_questions_about_the_article_use_its_metadata(
    tmp_path: Path, question: str, answer_has: str
) -> None:
    """The byline and date come from the article's front matter, not from its sentences."""
    engine = engine_over(
        tmp_path,
        "bridge.txt",
        '+++\nauthor = "A. Writer"\ndate = 2025-04-24\n+++\nBridge Approved\n\n'
        "The council voted 7 to 2 on Tuesday to approve the bridge.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer_has in (answer.sentence or "")


@pytest.mark.parametrize(
    "question", ["who's in the photo at the top?", "What does the picture show?", "who is pictured"]
)
def test_who_is_in_the_photo_comes_from_its_caption(engine: StoryEngine, question: str) -> None:
    """The caption is no answerable text, but it says who the photo shows."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert "captioned “US President Donald Trump”" in (answer.sentence or "")


def test_an_article_without_a_caption_does_not_say_who_is_pictured(tmp_path: Path) -> None:
    engine = engine_over(
        tmp_path, "bridge.txt", "Bridge Approved\n\nThe council voted 7 to 2 on Tuesday.\n"
    )
    answer = engine.answer("Who is in the photo?")
    assert not answer.answered
    assert "what its photo shows" in answer.reason


def test_an_article_without_a_byline_does_not_say_who_wrote_it(engine: StoryEngine) -> None:
    """The story names no author: "who wrote this" is declined, not answered by who "posted"."""
    answer = engine.answer("Who wrote this article?")
    assert not answer.answered
    assert "who wrote it" in answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "What warning did Trump give to both sides?",
        "what warning did trump give",
        "what was trumps warning to both sides",
    ],
)
def test_the_noun_of_a_what_question_counts_more(engine: StoryEngine, question: str) -> None:
    """ "What warning did Trump give?", "What was Trump's warning?" are about the warning
    ("warned that both parties must work toward peace"), not "both sides" in another paragraph."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert "warned" in (answer.sentence or "")


def test_a_name_is_no_synonym_of_an_ordinary_word(tmp_path: Path) -> None:
    """WordNet's "best" = "trump" (to outdo) does not find Trump: the corpus only ever writes
    him with a capital inside a sentence."""
    engine = engine_over(
        tmp_path,
        "deadline.txt",
        "Deadline Set\n\n"
        "US President Donald Trump said he had set his own deadline for a peace deal.\n\n"
        "Officials in Kyiv said the strikes had killed 12 people.\n",
    )
    query = engine.analyse("best pizza place near me")
    assert term("trump") not in {t.term for t in query.terms}
    assert not engine.answer("best pizza place near me").answered


def test_a_company_boss_is_that_company_s_not_another_article_s_chief(tmp_path: Path) -> None:
    """ "What did Corvane's boss say?" is answered by Corvane's chief executive, not by a fire
    chief in another article; Corvane says whose boss, it is not the one speaking."""
    (tmp_path / "floods.txt").write_text(
        "Floods Hit Valley\n\nFire Chief Gordon Okafor said crews had pulled 140 people from "
        "rooftops.\n",
        encoding="utf-8",
    )
    engine = engine_over(
        tmp_path,
        "recall.txt",
        "Corvane Recalls Thermostats\n\nCorvane is recalling 380,000 thermostats.\n\n"
        "“The safety of our customers comes first,” chief executive Priya Natarajan said.\n",
    )
    answer = engine.answer("What did Corvane's boss say?")
    assert answer.answered
    assert "Natarajan" in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    ["What dance did Trump compare peacemaking to?", "Which dance did Trump bring up?"],
)
def test_what_kind_of_thing_is_answered_by_a_kind_the_story_names(
    engine: StoryEngine, question: str
) -> None:
    """ "What dance ...?" of a story with a tango: the tango is the dance asked about."""
    answer = engine.answer(question)
    assert answer.answered
    assert "tango" in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    [
        "What do critics say Russia's real ambitions are?",  # "critics": those who reject
        "what ambitions does europe say russia has",  # "For them, ...": what Europe holds
    ],
)
def test_who_holds_a_view_is_found_from_what_they_do_and_the_sentence_before(
    engine: StoryEngine, question: str
) -> None:
    """ "much of Europe ... rejected the notion ... For them, halting the invasion is ... a
    temporary pause in Russia's expansionist ambitions" answers what critics, or Europe, say."""
    answer = engine.answer(question)
    assert answer.answered
    assert "expansionist ambitions" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Is Norway sending weapons to Ukraine?", False),  # the passage has no Norway
        ("is norway sending weapons to ukraine", False),  # a name, however it is typed
        ("Does Kyiv see the halt of the invasion as an act of goodwill?", True),  # its country
        ("Did Russia make a big concession, according to Trump?", True),
    ],
)
def test_a_yes_no_question_needs_a_passage_about_its_subject(
    engine: StoryEngine, question: str, answered: bool
) -> None:
    """The name a yes/no question is about must be in the passage that answers it."""
    assert engine.answer(question).answered is answered


def test_an_answer_from_the_metadata_cites_the_lead_passage(engine: StoryEngine) -> None:
    """ "Who is pictured?" has no word to look up, yet its answer shows the article's lead."""
    answer = engine.answer("who is pictured")
    assert answer.answered
    assert [p.citation.paragraph for p in answer.passages] == [1]


def test_the_kind_of_answer_asked_for_is_no_topic_word(tmp_path: Path) -> None:
    """ "Which neighbourhood ...?": the story names the place, it need not say "neighbourhood"."""
    engine = engine_over(
        tmp_path,
        "bridge.txt",
        "Bridge Approved\n\nThe council voted 7 to 2 on Tuesday to approve the bridge.\n\n"
        "Shops in Eastgate expect heavy traffic once the bridge opens.\n",
    )
    answer = engine.answer("Which neighbourhood might get more traffic?")
    assert answer.answered, answer.reason
    assert "Eastgate" in (answer.sentence or "")


def test_a_question_about_someone_needs_a_passage_about_them(tmp_path: Path) -> None:
    """What the winners earned does not say what Kiptoo, who finished third, got."""
    engine = engine_over(
        tmp_path,
        "race.txt",
        "Jelagat Breaks Record\n\nMercy Jelagat and Dawit Alemu each earned $25,000 in prize "
        "money.\n\nBrian Kiptoo of Kenya finished third in the men's race.\n",
    )
    declined = engine.answer("How much prize money did Brian Kiptoo get?")
    assert not declined.answered
    assert "Kiptoo" in declined.reason
    assert engine.answer("How much prize money did Mercy Jelagat get?").answered


def test_what_belongs_to_a_place_needs_a_passage_about_that_place(tmp_path: Path) -> None:
    """The island's population does not say the port's: the port's passage gives none."""
    engine = engine_over(
        tmp_path,
        "ferry.txt",
        "Ferry Strike\n\nCrews on the ferries linking Port Calder with Innisvar walked out.\n\n"
        "Port Calder harbour was quiet on Tuesday.\n\n"
        "On Innisvar, which has a population of about 3,100, the shop ran out of milk.\n",
    )
    declined = engine.answer("What is the population of Port Calder?")
    assert not declined.answered
    assert "no population" in declined.reason
    assert engine.answer("What is the population of Innisvar?").answered


def test_a_typo_of_a_word_standing_in_for_a_story_word_is_mended(engine: StoryEngine) -> None:
    """ "Maoscow" is "Moscow", which stands for Russia (the story never writes "Moscow")."""
    answer = engine.answer("Who disagreed with the idea that Maoscow had made a concession?")
    assert answer.answered, answer.reason
    assert "rejected" in (answer.sentence or "")


def test_a_question_for_someone_s_exact_words_gets_the_quotation(engine: StoryEngine) -> None:
    """ "Give me Trump's exact words about ...": the quoted sentence, not a report of it."""
    answer = engine.answer("Give me Trump's exact words about having his own deadline.")
    assert answer.answered, answer.reason
    assert "“I have my own deadline" in (answer.sentence or "")


def test_a_region_stands_for_the_country_the_story_names(engine: StoryEngine) -> None:
    """ "Which Scandinavian leader ...?" of a story about the Norwegian prime minister."""
    answer = engine.answer("Which Scandinavian leader was Trump meeting?")
    assert answer.answered, answer.reason
    assert "Støre" in (answer.sentence or "")


_STRIKE = (
    "Drivers Strike Over Pay\n\n"
    "LARKFIELD — About 3,400 bus and tram drivers went on strike on Monday after pay talks "
    "broke down.\n\n"
    "Commuters walked to work through the rain, and traffic on the ring road was jammed.\n"
)


def test_a_phrasal_verb_meaning_something_else_replaces_its_verb(tmp_path: Path) -> None:
    """ "walked out" is WordNet's "walk_out" = "strike": the strike, not the commuters who
    walked, answers how many walked out."""
    engine = engine_over(tmp_path, "strike.txt", _STRIKE)
    query = engine.analyse("How many drivers walked out?")
    assert [t.term for t in query.terms if t.word == "walked"] == [term("strike")]
    answer = engine.answer("How many drivers walked out?")
    assert answer.answered, answer.reason
    assert "3,400" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "walk"),
    [
        pytest.param("Who walked up to the mayor?", "walk", id="up-rounds-off"),
        pytest.param("Who walked in the rain?", "walk", id="in-starts-a-phrase"),
    ],
)
def test_a_loose_particle_leaves_a_known_verb_alone(
    tmp_path: Path, question: str, walk: str
) -> None:
    """ "up" and "in" mostly round a verb off or start a phrase: the story's verb stays."""
    engine = engine_over(tmp_path, "strike.txt", _STRIKE)
    query = engine.analyse(question)
    assert [t.term for t in query.terms if t.word == "walked"] == [term(walk)]


@pytest.mark.parametrize(
    ("common", "rare"),
    [
        pytest.param("learn", "tariffs", id="learn-vs-tariffs"),
        pytest.param("show", "salary", id="show-vs-salary"),
    ],
)
def test_a_common_unknown_word_counts_less_than_a_rare_one(
    engine: StoryEngine, common: str, rare: str
) -> None:
    """A common English word the story lacks is likelier a paraphrase than the missing fact."""
    weights = {t.word: t.weight for t in engine.analyse(f"Did Trump {common} the {rare}?").terms}
    assert weights[common] < weights[rare]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param("How heavy is the gold bracelet?", "86 grams", id="grams-weigh"),
        pytest.param("How long will the heat last?", "until at least Thursday", id="until"),
        pytest.param("How old is the theatre?", "1927", id="old-building-by-year"),
    ],
)
def test_a_measure_question_is_answered_in_its_units(
    tmp_path: Path, question: str, expected: str
) -> None:
    """ "How heavy" is answered in grams as in tonnes; "how long" by an end ("until ..."); "how
    old" of a building by the year it dates from."""
    engine = engine_over(
        tmp_path,
        "finds.txt",
        "Hoard Found On Moor\n\n"
        "Road workers found a hoard of Bronze Age gold on the moor, archaeologists said.\n\n"
        "The most remarkable object was a gold bracelet weighing 86 grams.\n\n"
        "Forecasters expect the heat to last until at least Thursday.\n\n"
        "The Lyric Theatre, the 1927 vaudeville house on Main Street, will reopen.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert expected in (answer.sentence or "")


def test_a_very_common_story_word_counts_less_than_a_rarer_one(tmp_path: Path) -> None:
    """ "new" and "rent" are each in one paragraph, but English says "new" far more often: it
    tells less about what the question asks."""
    engine = engine_over(
        tmp_path,
        "rent.txt",
        "Rent Cap Passes\n\n"
        "Parliament passed a cap on rent increases on Thursday.\n\n"
        "Under the new rules, residents may not water gardens.\n\n"
        "Opposition leader Marco Dellari called the law a disaster.\n",
    )
    weights = {
        t.word: t.weight for t in engine.analyse("What did Dellari say about new rent?").terms
    }
    assert weights["new"] < weights["rent"]


@pytest.mark.parametrize(
    ("question", "in_sentence"),
    [
        pytest.param("What did the cops find at his house?", "two laptops", id="cops-police"),
        pytest.param("Is the military helping?", "150 soldiers", id="military-army"),
        pytest.param("Who is the ref?", "Lena Voss", id="ref-referee"),
        pytest.param(
            "What is the timetable for the work?",
            "deadline of Friday",
            id="timetable-deadline",
        ),
    ],
)
def test_everyday_words_find_the_news_word(tmp_path: Path, question: str, in_sentence: str) -> None:
    """Readers say "cops", "the military", "the ref" and "timetable" where a story says
    "police", "army", "referee" and "deadline"."""
    engine = engine_over(
        tmp_path,
        "fire.txt",
        "Treasurer Guilty As Wildfire Burns\n\n"
        "Police seized two laptops from the treasurer's house during a search in January.\n\n"
        "The army has provided 150 soldiers to help clear firebreaks near the town.\n\n"
        "Fire chief Dana Ruiz set a deadline of Friday for the work.\n\n"
        "The referee of Sunday's charity match, Lena Voss, is a volunteer firefighter.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert in_sentence in (answer.sentence or "")


def test_a_decline_names_the_missing_word_as_the_question_wrote_it(engine: StoryEngine) -> None:
    """ "NATO", not "nato": the message quotes the reader's own spelling."""
    answer = engine.answer("Did Trump and Støre discuss NATO defence spending?")
    assert not answer.answered
    assert "NATO" in answer.reason


_SATELLITE = (
    "Student Satellite Phones Home\n\n"
    "The students who designed the satellite graduated before it flew. One of them called me "
    "from Colorado, said the satellite's adviser, and the students cheered.\n\n"
    "The satellite weighs 2.6 kilograms and carries a small camera.\n"
)
_NAMED_SATELLITE = (
    "Student Satellite Phones Home\n\n"
    "The students who designed the satellite graduated before it flew.\n\n"
    "The students' satellite, called NorthLoon-1, weighs 2.6 kilograms and carries a small "
    "camera.\n"
)
_DERAILMENT = (
    "Freight Train Derails Near Pellham\n\n"
    "Four of the derailed cars were tankers carrying sodium hydroxide, and one of them "
    "leaked.\n\n"
    "About 3,000 gallons of diesel leaked from a locomotive into Sawyer Creek.\n\n"
    "The National Transportation Safety Board said it was sending a team of eight "
    "investigators.\n"
)
_COUNCIL = (
    "Council Delays Bridge Vote\n\n"
    "The council voted 5-2 on Tuesday to delay the bridge project.\n\n"
    "The council will vote again in May, the mayor said.\n"
)
_RANSOMWARE = (
    "Hospital Group Hit By Ransomware\n\n"
    "Northvale Health, which runs nine hospitals, was hit by a ransomware attack.\n\n"
    "Northvale reported turnover of $2.9 billion last year.\n"
)
_SEWAGE = (
    "Water Company Fined For Sewage Spill\n\n"
    "Amberdale Water was fined £4.6 million for a sewage spill into the River Wend.\n\n"
    "Amberdale's chief executive, Graham Pell, apologised outside the court.\n"
)

_MARATHON = (
    "Jelagat Wins Lakeport Marathon\n\n"
    "Race director Sandra Mulvaney met the runners at the start line on Sunday, April 27, and "
    "runner Grace Jelagat thanked the volunteers.\n\n"
    "Earlier that morning, the course was shortened because of the heat.\n\n"
    "Jelagat's time of 2:21:48 was faster than last year's winning time, organisers said.\n\n"
    'At the finish, Mulvaney shouted: "Grace, you did it!" Mulvaney handed Jelagat the trophy.\n\n'
    "Earlier this season, Jelagat's coach said her times had been disappointing.\n"
)

_MILL = (
    "Steel Mill To Close\n\n"
    "Mayor Luis Betancourt estimated that the plant accounts for a third of the city's tax "
    "revenue.\n\n"
    '"When the mill goes, the diner goes," Betancourt said at a news conference outside City '
    "Hall.\n"
)
_STEELWORKS = (
    "Steelworks To Cut Jobs\n\n"
    "Bramford Steelworks, which has its headquarters in Pittsburgh, will cut 600 jobs.\n\n"
    "A victory parade for the team is planned for Sunday afternoon.\n"
)
_ENVOY = (
    "Kremlin Says Putin Still Open to Talks\n\n"
    "Peskov said Putin would receive US special envoy Steve Witkoff in the Kremlin later on "
    "Friday, their fourth meeting since February. The talks lasted about three hours, and "
    "Kremlin foreign policy aide Yuri Ushakov described them afterwards as “constructive and "
    "quite useful,” but gave no details of what was discussed.\n\n"
    "Putin has met the envoy before, and the Kremlin hopes the meeting helps.\n"
)
_QUAKE = (
    "Quake Strikes Chile\n\n"
    "A magnitude 6.8 earthquake struck the coast on Tuesday, killing 23 people.\n\n"
    "The same coast was hit by a stronger quake in 1985.\n"
)
_THRUSH = (
    "Rare Thrush Seen in Maine\n\n"
    "Birders say it is only the second record of the species in the eastern United States.\n\n"
    "The bird was first seen on Sunday near the marsh.\n"
)
_FINAL = (
    "Kovacic Wins First Brennick Title\n\n"
    "BRENNICK — Ivana Kovacic saved a match point and beat Maya Thornbury 4-6, 7-6, 6-3 on "
    "Sunday to win the Brennick Open.\n\n"
    "The Croatian had come through qualifying at the Brennick Open two years ago and lost in "
    "the first round.\n\n"
    "Her coach, former doubles player Stefan Lindqvist, said the pair had worked on her serve "
    "all winter.\n"
)
_SWAP = (
    "Ukraine and Russia Swap Prisoners\n\n"
    "Ukraine and Russia exchanged 246 prisoners of war each on Saturday.\n\n"
    "Among those released was Serhiy Dovzhenko, 34, a marine who was captured in 2022. He said "
    "he had lost 23 kilograms in captivity. “The first thing I asked for was coffee,” "
    "Dovzhenko said.\n"
)
_FREED = (
    "Freed Marine Comes Home\n\n"
    "The freed soldier, a marine captured in 2022, was among 188 prisoners handed over at the "
    "border on Friday, April 25.\n\n"
    "Doctors said he had lost 27 kilograms while held at a detention centre.\n\n"
    "His mother said she had written to every official she could find.\n"
)
_FERRY_POST = (
    "Harbour Ferry Suspended\n\n"
    "Mayor Lena Ortiz criticised the ferry operator on Monday after the service was suspended, "
    "leaving 3,000 commuters stranded. The mayor said the operator had failed the city.\n\n"
    "Ortiz posted on Facebook: “The ferry operator has let this city down.”\n\n"
    "The ferry links the harbour to the old town, in a city of about 90,000 people.\n\n"
    "The operator said repairs would take two weeks.\n"
)
_SNOWED_IN = (
    "Snow Cuts Off Hill Villages\n\n"
    "Five villages, including Upper Fennick, were without road access, the council said, with "
    "around 1,900 people affected.\n\n"
    "Ploughs reached Crossgill late on Sunday.\n"
)
_BUSES = (
    "Bus Drivers Accept Pay Deal\n\n"
    "A shortage of drivers has led to hundreds of cancelled services this year.\n\n"
    "Routes 7 and 22, which serve the hospital, have been among the worst affected.\n\n"
    "Zoo visitors will see the new panda from May 3, when her enclosure opens.\n"
)
_THRUSH_STAY = (
    "Rare Thrush Draws Birders\n\n"
    "The thrush was first seen on Sunday near the marsh, and 400 birders came on Monday.\n\n"
    "Nobody knows how long the thrush will stay. Vagrant birds sometimes linger for weeks if "
    "food is plentiful.\n\n"
    "The plant will close for good by June 30, the company said.\n"
)
_CRICKET = (
    "Tane Hits 163\n\n"
    "Tane, 24, batted for six hours before captain Mark Hollis declared on 301 for five.\n\n"
    "Detective Inspector Fiona Castleton said the painting was nicked in 2008.\n"
)
_DIESEL = (
    "Diesel Leaks Into Creek\n\n"
    "About 3,000 gallons of diesel leaked from a derailed locomotive into Sawyer Creek on "
    "Monday, state officials said.\n\n"
    "The plant had overflowed into the creek on at least 23 days last year.\n\n"
    "Anglers upstream said the fish were still biting.\n"
)
_TENANTS = (
    "Tenants March Over Rent\n\n"
    "Around 400 tenants from the Fennick Park estate marched to the town hall on Saturday "
    "against a 9 per cent rent rise.\n"
)
_TENANTS_AND_YEAR = _TENANTS + "\nThe Fennick Park estate's tower blocks date from 1968.\n"
_STABBING = (
    "Teenager Charged After Stabbing\n\n"
    "The victim, Jamie Reid, 19, was stabbed in the chest outside a Bristol nightclub on Saturday "
    "and is in a stable condition, police said.\n\n"
    "A 17-year-old boy appeared before Bristol Youth Court on Monday.\n\n"
    "Kerry McCarthy, 60, whose constituency covers the area, called for more patrols.\n"
)
_LEDGE = (
    "Climber Winched Off Ledge\n\n"
    "A 29-year-old Scottish climber stranded on a ledge on Beinn Taraig was winched to safety on "
    "Sunday.\n\n"
    "Two rescuers abseiled down to the ledge and stayed with him overnight. “We sat on the "
    "ledge singing,” said Rory Gillespie, 52, one of the pair stuck there.\n"
)
_WHALE = (
    "Whale Refloated\n\n"
    "A young humpback whale, believed to be a female, was refloated in the estuary on Tuesday.\n\n"
    "Crowds of up to 500 people watched from the estuary banks.\n"
)
_CLIMBER = (
    "Climber Rescued After Two Nights\n\n"
    "His mother, Elaine Pettigrew, said the family had been through the worst two days of "
    "their lives.\n\n"
    "The ferry firm's chief executive, Declan Hartigan, called the strike disappointing.\n"
)
_TRAMS = (
    "Trams Return to Calderbridge\n\n"
    "The fleet of 14 trams was built by Vantor Rail in Derby for comfort rather than top "
    "speed.\n\n"
    "Rides are free through Sunday, and the trams run every six minutes.\n"
)
_STORM = (
    "Storm Leaves Two Dead\n\n"
    "A man in his 30s was electrocuted by a downed power line in Halverston, and a 19-year-old "
    "kayaker drowned on the Ossick River after the storm capsized his boat, police said.\n\n"
    "A spokeswoman for Halverston Council, Jane Marr, said the river path would stay shut.\n\n"
    "The council will name a new flood officer next week.\n"
)
_PARK = (
    "Tornado Hits Park\n\n"
    "Marisol Ortega, 34, who has lived in the park for six years with her two daughters, said "
    "the storm sounded like a freight train.\n"
)
_TRAILER = (
    "Tornado Hits Trailer\n\n"
    "Marisol Ortega, 34, who lives there with her daughter, 9, said the roof came off.\n"
)
_BOAT = (
    "Boat Capsizes\n\n"
    "His son, Jake Pengelly, 12, was unhurt, said Mark Pengelly, a fisherman from Helston.\n"
)
_CREWS = (
    "Ferry Crews Strike\n\n"
    "The union wants a pay rise of 9 percent for the crews this year.\n\n"
    "A cyber attack on the booking system last week left passengers without tickets.\n"
)
_KANE = (
    "England Win\n\n"
    "England's Harry Kane, 31, scored twice as England beat Finland 3-1 in Helsinki on Sunday.\n"
)
_ICE = (
    "Boy Saves Friend From Frozen Pond\n\n"
    "Callum Reid, 14, was walking home when he saw that his friend had fallen through the ice.\n\n"
    "His mother said he had always been a strong swimmer.\n"
)
_TICKS = (
    "Ticks Move Uphill in Warming North\n\n"
    "WELLSBURY, Vt. — Ticks are spreading to higher trails, and hikers in Wellsbury are advised "
    "to check their legs after every walk.\n\n"
    "The best way to avoid ticks is to stay on wide trails, rangers said.\n\n"
    "The Wellsbury Inn, the town's only hotel, reopened on Friday.\n"
)
_PIER = (
    "Port Approves Float\n\n"
    "The port will build a new offloading float at Pier 4, where 30 fishing boats would have "
    "priority mooring.\n\n"
    "Pier 7 is used by ferries.\n"
)
_CALL = (
    "Leaders Talk\n\n"
    "Trump spoke to Putin by phone on Tuesday, the White House said.\n\n"
    "Putin later met the envoy in Moscow.\n"
)
_TOUR = (
    "Ferrandi Wins Tour\n\n"
    "SAINT-LAURENT, France, April 27, 2025 — Italian rider Matteo Ferrandi won the Tour du "
    "Haut-Verac on Sunday.\n\n"
    "He finished 12 seconds ahead of Jonas Berg.\n"
)
_TALKS = (
    "Minister Hopeful On Talks\n\n"
    "The university received a formal notice of the award on Monday, the minister said.\n\n"
    '"It takes two to tango," the minister said of the talks.\n'
)

_BLIZZARD = (
    "Hikers Rescued\n\n"
    "Her phone battery was low, so she switched it off between calls to save power.\n\n"
    "A storm moved in, bringing winds of up to 60 mph.\n\n"
    "By morning the wind had died down enough for a helicopter from the county airport to fly "
    "in and lift the pair off the ridge.\n\n"
    "Rescuers said the wind chill had made the night on the exposed ridge far more dangerous "
    "than the forecast suggested.\n"
)

_RECYCLING = (
    "Kyoseki Plans Recycling Plant\n\n"
    "Kyoseki chief executive Takeshi Morimoto said the company planned to open a pilot plant in "
    "Osaka able to process 5,000 tonnes of plastic waste a year. “Our target is cheap recycled "
    "plastic,” Morimoto said.\n\n"
    "The bus, operated by the regional company Transportes Douro Norte, carried 23 visitors to "
    "the site on Monday.\n"
)

_SHELTERS = (
    "Families Shelter in Lviv\n\n"
    "About 300 families from Kyiv are staying in shelters in Lviv, among them teacher Olena "
    "Melnychuk, 44, and her son.\n\n"
    "Melnychuk said she hopes to return to Kyiv by mid-May, when her school is due to reopen "
    "after workers replace its shattered windows.\n"
)

_WRECK = (
    "Roman Wreck Found Off Sardinia\n\n"
    "Divers have found a Roman merchant ship carrying more than 300 wine jars off the coast.\n\n"
    "A local man spotted the wreck while diving in June.\n\n"
    "“Finds like this change our picture of trade,” said Tomás Herrera, a maritime "
    "archaeologist at the University of Barcelona who was not involved in the project.\n"
)


@pytest.mark.parametrize(
    ("story", "question", "in_sentence"),
    [
        pytest.param(
            _TALKS, "Which dance did the minister mention?", "tango", id="most-specific-kind"
        ),
        pytest.param(
            _RECYCLING, "which bus company was it", "Transportes Douro Norte", id="which-company"
        ),
        pytest.param(
            _WRECK,
            "What does the Barcelona guy think about the find?",
            "picture of trade",
            id="the-guy-from-a-place",
        ),
        pytest.param(
            _BLIZZARD, "How strong did the wind get?", "60 mph", id="how-strong-is-no-power"
        ),
        pytest.param(
            _ENVOY,
            "How long did Putin's meeting with the US envoy last?",
            "three hours",
            id="how-long-from-the-sentence-with-the-hours",
        ),
        pytest.param(
            _CALL, "Did Trump talk to Putin on the phone?", "by phone", id="phone-as-told"
        ),
        pytest.param(_STEELWORKS, "where's bramford's HQ", "Pittsburgh", id="hq-headquarters"),
        pytest.param(
            _QUAKE, "How many people did the quake kill on Tuesday?", "23", id="the-day-asked"
        ),
        pytest.param(
            _FINAL, "Who coaches the Croatian?", "Stefan Lindqvist", id="who-did-what-is-asked"
        ),
        pytest.param(_FINAL, "Who won the Brennick Open?", "Kovacic", id="who-won-headline"),
        pytest.param(
            _SWAP, "how much weight did dovzhenko lose", "23 kilograms", id="how-much-weight"
        ),
        pytest.param(
            _SWAP, "How many POWs did each side release?", "246", id="an-acronym-spelt-lower"
        ),
        pytest.param(
            _FERRY_POST,
            "Which platform did the mayor use to criticise the ferry operator?",
            "on Facebook",
            id="the-platform-asked",
        ),
        pytest.param(
            _FERRY_POST,
            "Where did the mayor post her criticism?",
            "on Facebook",
            id="where-it-was-posted",
        ),
        pytest.param(
            _FERRY_POST,
            "What does the article's final paragraph say about the operator?",
            "repairs would take",
            id="the-article-s-end-asked",
        ),
        pytest.param(
            _FERRY_POST,
            "What does the last paragraph say?",
            "repairs would take",
            id="last-paragraph",
        ),
        pytest.param(
            _FERRY_POST, "population of the city", "city of about 90,000", id="a-population"
        ),
        pytest.param(
            _FERRY_POST, "what's in the first paragraph", "Mayor Lena Ortiz", id="first-paragraph"
        ),
        pytest.param(
            _FERRY_POST,
            "What did the ferry operator say about the repairs?",
            "repairs would take",
            id="a-common-noun-says-it",
        ),
        pytest.param(
            _BUSES,
            "Which routes have been worst hit by the driver shortage?",
            "Routes 7 and 22",
            id="which-by-number",
        ),
        pytest.param(_CRICKET, "How old is Tane?", "Tane, 24,", id="the-age-asked"),
        pytest.param(_CRICKET, "how old is tane", "Tane, 24,", id="the-age-asked-in-lower-case"),
        pytest.param(
            _STABBING, "how old was the saturday victim", "Reid, 19,", id="a-day-asked-is-no-name"
        ),
        pytest.param(
            _TENANTS_AND_YEAR,
            "when was the fennick park estate built",
            "1968",
            id="a-year-of-building",
        ),
        pytest.param(
            _DIESEL,
            "how many days did the plant overflow last year",
            "23 days",
            id="how-many-days-of-days",
        ),
        pytest.param(
            _DIESEL,
            "how many more gallons leaked",
            "3,000 gallons",
            id="how-many-more-of-a-unit",
        ),
        pytest.param(
            _STABBING, "how old is the bristol victim", "Reid, 19,", id="a-place-asked-is-no-name"
        ),
        pytest.param(
            _STABBING, "how old is kerry mccarthy", "McCarthy, 60,", id="a-lower-case-name"
        ),
        pytest.param(
            _LEDGE,
            "how old was the climber stuck on the ledge",
            "29-year-old",
            id="the-age-of-a-kind-asked",
        ),
        pytest.param(
            _LEDGE, "how old is the scottish climber", "29-year-old", id="an-adjective-is-no-kind"
        ),
        pytest.param(
            _TICKS,
            "What's the best way to avoid ticks?",
            "stay on wide trails",
            id="advice-the-story-gives",
        ),
        pytest.param(
            _CREWS, "whats the payrise the crew are asking for", "9 percent", id="a-glued-compound"
        ),
        pytest.param(
            _CREWS,
            "was anyone arrested for the cyberattack on the bookings",
            "cyber attack",
            id="a-glued-compound-of-a-long-word",
        ),
        pytest.param(
            _STORM,
            "what's the name of the council spokeswoman",
            "Jane Marr",
            id="a-spokeswoman-named-after-her-council",
        ),
        pytest.param(_PARK, "How old is Marisol Ortega?", "34", id="the-owner-s-own-age"),
        pytest.param(_BOAT, "How old is Mark Pengelly's son?", "12", id="a-relative-s-own-age"),
        pytest.param(
            _TRAILER, "How old is Ortega's daughter?", "her daughter, 9", id="an-age-with-no-name"
        ),
        pytest.param(
            _LEDGE,
            "how old is the climber who's stuck on the ledge",
            "29-year-old",
            id="a-contraction-is-no-owner",
        ),
        pytest.param(
            _ICE,
            "How old is the boy who saved Callum's friend?",
            "Callum Reid, 14",
            id="a-possessive-inside-a-clause-is-no-owner",
        ),
        pytest.param(
            _KANE, "How old is England's Harry Kane?", "Harry Kane, 31", id="a-team-s-player"
        ),
        pytest.param(
            _TICKS,
            "how do i avoid ticks on the trails",
            "stay on wide trails",
            id="how-to-the-story-gives",
        ),
        pytest.param(
            _TRAMS,
            "how do i ride the trams to derby for free",
            "Rides are free",
            id="how-to-of-what-the-story-tells",
        ),
        pytest.param(
            _TICKS,
            "how can we be sure ticks are spreading to higher trails",
            "higher trails",
            id="how-can-we-be-sure",
        ),
        pytest.param(
            _TICKS,
            "best season for avoiding ticks in wellsbury?",
            "best way to avoid ticks",
            id="best-of-a-story-that-says-best",
        ),
        pytest.param(
            _TICKS, "how do we know ticks are spreading?", "higher trails", id="how-we-know"
        ),
        pytest.param(_CRICKET, "What did DI Castleton say?", "nicked", id="di-spelt-out"),
        pytest.param(_CLIMBER, "what did his mum say", "worst two days", id="mum-is-mother"),
        pytest.param(_WHALE, "is it male or female", "a female", id="one-option-known"),
        pytest.param(
            _WHALE, "How big was the crowd at the estuary?", "500 people", id="a-crowd-is-counted"
        ),
        pytest.param(_CLIMBER, "Who is the ferry firm's chief exec?", "Declan", id="exec"),
        pytest.param(
            _THRUSH_STAY,
            "how long is the thrush gonna stick around",
            "for weeks",
            id="how-long-without-a-number",
        ),
        pytest.param(
            _THRUSH_STAY,
            "When is the factory shutting its doors for good?",
            "June 30",
            id="for-good-is-for-ever",
        ),
        pytest.param(
            _BUSES,
            "When will visitors be able to see the panda?",
            "May 3",
            id="be-able-to-is-light",
        ),
        pytest.param(_STEELWORKS, "how many jobs are being axed", "600 jobs", id="axed-cut"),
        pytest.param(
            _STEELWORKS,
            "hey is there gonna be a parade? when is it",
            "Sunday afternoon",
            id="gonna-is-chat",
        ),
        pytest.param(
            _MILL,
            "What did Mayor Betancourt say at his press conference?",
            "the diner goes",
            id="a-title-is-no-name",
        ),
        pytest.param(
            _MARATHON,
            "Was the course shortened before or after Mulvaney met the runners?",
            "Earlier that morning",
            id="before-or-after",
        ),
        pytest.param(
            _MARATHON,
            "Compared with her earlier times, was Jelagat faster this time?",
            "faster than last year",
            id="comparison",
        ),
        pytest.param(
            _MARATHON,
            "Did Mulvaney call Jelagat by her first name?",
            "Grace, you did it",
            id="first-name-alone",
        ),
        pytest.param(
            _NAMED_SATELLITE, "What's the student satellite called?", "NorthLoon-1", id="called"
        ),
        pytest.param(
            _DERAILMENT,
            "How many investigators is the NTSB sending?",
            "eight investigators",
            id="acronym-spelt-out",
        ),
        pytest.param(
            _COUNCIL,
            "Is the council going to vote again?",
            "will vote again in May",
            id="plan-answered-by-the-future",
        ),
    ],
)
def test_what_a_short_story_answers(
    tmp_path: Path, story: str, question: str, in_sentence: str
) -> None:
    """The name something goes by answers what it is called; an acronym finds the name the
    story spells out ("the NTSB"); a plan is answered by what is still to come; "before or
    after" by what says which came first; a comparison by a sentence that compares; "by her
    first name" by the first name alone; "which dance" by the most specific dance ("tango",
    not "formal"); "Mayor Betancourt" speaks wherever Betancourt does; "how strong" asks a
    degree, not about "power"; "the Barcelona guy" is someone from Barcelona, not Barcelona;
    "Who coaches X?" is answered where someone coaches X, not where X is named."""
    answer = engine_over(tmp_path, "story.txt", story).answer(question)
    assert answer.answered, answer.reason
    assert in_sentence in (answer.sentence or "")


@pytest.mark.parametrize(
    ("story", "question", "why"),
    [
        pytest.param(
            _SATELLITE, "What's the student satellite called?", "no name", id="called-me-is-no-name"
        ),
        pytest.param(
            _DERAILMENT,
            "How many gallons of sodium hydroxide spilled?",
            "gallon",
            id="a-count-of-another-unit",
        ),
        pytest.param(
            _RANSOMWARE,
            "how much profit did northvale make last year",
            "profit",
            id="how-much-of-what-the-story-lacks",
        ),
        pytest.param(
            _QUAKE, "How many people died in the 1960 earthquake?", "1960", id="another-year"
        ),
        pytest.param(
            _TOUR, "Who won the Tour du Haut-Verac last year?", "last year", id="not-last-year"
        ),
        pytest.param(
            _TOUR, "Who won the Tour du Haut-Verac last season?", "last year", id="last-season"
        ),
        pytest.param(_TRAMS, "What is the top speed of the trams?", "no speed", id="a-speed-asked"),
        pytest.param(
            _PIER,
            "How many fishing boats use Pier 7?",
            "not about Pier 7",
            id="another-number-of-the-name",
        ),
        pytest.param(
            _TICKS,
            "Can you recommend a good hotel in Wellsbury?",
            "no advice",
            id="advice-the-story-does-not-give",
        ),
        pytest.param(
            _STORM,
            "whats the name of the kayaker who drowned",
            "does not name the kayaker",
            id="a-kayaker-left-unnamed",
        ),
        pytest.param(
            _STORM,
            "what was the name of the 19 year old canoeist",
            "does not name the 19-year-old",
            id="unnamed-at-the-age-asked",
        ),
        pytest.param(
            _PARK,
            "How old are Marisol Ortega's daughters?",
            "someone else's age",
            id="the-age-is-the-owners",
        ),
        pytest.param(
            _BOAT,
            "How old is Mark Pengelly?",
            "someone else's age",
            id="a-relative-s-age-is-not-his",
        ),
        pytest.param(
            _TRAMS,
            "how do i book the trams to derby for free",
            "no advice",
            id="how-do-i-of-a-story",
        ),
        pytest.param(
            _TICKS, "how can you treat ticks on the trails", "no advice", id="how-can-you-part"
        ),
        pytest.param(_TICKS, "best hotel in wellsbury?", "no advice", id="best-x"),
        pytest.param(
            _TICKS, "anyone know a decent hotel in wellsbury", "no advice", id="know-a-decent"
        ),
        pytest.param(
            _TICKS, "got a good recipe for hikers after a walk?", "no advice", id="recipe"
        ),
        pytest.param(
            _TRAMS,
            "whats the weather gonna be like for the trams on sunday",
            "no advice",
            id="forecast",
        ),
        pytest.param(
            _CRICKET,
            "How old is the captain Mark Hollis?",
            "someone else's age",
            id="another-person-s-age",
        ),
        pytest.param(
            _TENANTS,
            "when was the fennick park estate built",
            "no year",
            id="no-year-of-building",
        ),
        pytest.param(
            _DIESEL,
            "how many fish died in sawyer creek",
            "number",  # (its fish are in another paragraph, which declines it first)
            id="a-measure-counts-no-fish",
        ),
        pytest.param(
            _CRICKET,
            "how old is mark hollis",
            "someone else's age",
            id="another-person-s-age-name-in-lower-case",
        ),
        pytest.param(
            _QUAKE,
            "How many people had the quake killed by Sunday?",
            "not about Sunday",
            id="another-day-of-the-week",
        ),
        pytest.param(
            _QUAKE,
            "How many people died in the earthquake in the 1980s?",
            "1980s",
            id="a-decade-the-passage-lacks",
        ),
        pytest.param(
            _SEWAGE,
            "Who will replace Graham Pell as Amberdale's chief executive?",
            "still to come",
            id="who-will-needs-the-future",
        ),
        pytest.param(
            _SHELTERS,
            "What's the name of Melnychuk's school in Kyiv?",
            "no name",
            id="a-name-the-question-gives-is-not-the-answer",
        ),
        pytest.param(
            _SNOWED_IN,
            "How many people live in Upper Fennick?",
            "does not say",  # ("no population", or that it never says who lives there)
            id="people-affected-are-no-population",
        ),
        pytest.param(
            _FREED,
            "How much did the freed marine weigh before he was captured?",
            "no such number",
            id="how-much-it-weighs-needs-a-weight",
        ),
        pytest.param(
            _RECYCLING,
            "Which company will build Kyoseki's pilot plant in Osaka?",
            "no such company",
            id="a-company-the-question-names-is-not-the-answer",
        ),
    ],
)
def test_what_a_short_story_declines(tmp_path: Path, story: str, question: str, why: str) -> None:
    """ "one of them called me" names nothing; four tankers are no number of gallons; a
    turnover is no profit; an apology says nothing of who comes next; a year the question
    names must be the passage's, and so must a day of the week when the passage tells of
    another."""
    answer = engine_over(tmp_path, "story.txt", story).answer(question)
    assert not answer.answered
    assert why in answer.reason


_PLANT = (
    "Calder Metals to Close Brennock Plant\n\n"
    "The company will shut its rolling mill at the end of June, putting 640 jobs at risk.\n\n"
    "The plant opened in 1962 and once employed 2,000 people.\n\n"
    "Calder Metals said the Brennock plant had lost money for two years.\n"
)


@pytest.mark.parametrize(
    ("question", "chosen"),
    [
        ("When did the Brennock plant open?", 2),
        ("How many jobs are at risk at the mill?", 1),
        ("Is Calder Metals closing its Brennock plant?", 1),
    ],
    ids=["the-detail-told-later", "the-lead-covers-as-much", "the-headline-has-every-word"],
)
def test_a_detail_beats_the_lead_that_sums_the_story_up(
    tmp_path: Path, question: str, chosen: int
) -> None:
    """When the lead scored best but a close runner-up of its article covers more of the
    question, the runner-up answers; not when the lead covers as much, nor when the headline
    (which the lead sums up) has every key word."""
    from bot.core.answer import _Candidate

    engine = engine_over(tmp_path, "plant.txt", _PLANT)
    query = engine.analyse(question)
    ranked = [  # the lead first
        _Candidate(paragraph=0, bm25=2.0, sentence=0, score=1.0),
        _Candidate(paragraph=1, bm25=1.5, sentence=0, score=0.8),
        _Candidate(paragraph=2, bm25=1.4, sentence=0, score=0.7),
    ]
    assert engine.paragraphs[engine._prefer_detail(query, ranked)[0].paragraph].number == chosen


def test_an_everyday_word_does_not_tie_a_topic_to_an_article(tmp_path: Path) -> None:
    """ "What did Dunmore say about the new panda?" of a councillor who spoke only of buses: the
    panda is another article's, whatever "new" the bus article has."""
    (tmp_path / "buses.txt").write_text(
        "Bus Drivers Accept Pay Deal\n\n"
        "Councillor Rachel Dunmore welcomed the new pay deal and said it would help recruitment "
        "of drivers.\n\n"
        "The deal ends a dispute that began in January.\n",
        encoding="utf-8",
    )
    engine = engine_over(
        tmp_path,
        "zoo.txt",
        "Zoo Welcomes Panda\n\n"
        "A giant panda arrived at the zoo on Friday after a long flight.\n\n"
        "Keepers said the panda was settling in well.\n",
    )
    answer = engine.answer("What did Councillor Rachel Dunmore say about the new panda?")
    assert not answer.answered
    assert "panda appears only in another article" in answer.reason


def test_the_us_is_the_united_states(tmp_path: Path) -> None:
    """ "the eastern US" is "the eastern United States", not another article's "U.S."."""
    (tmp_path / "plant.txt").write_text(
        "Motor Plant To Close\n\n"
        "The plant supplied motors to U.S. appliance makers for 60 years.\n\n"
        "It will close by June 30, cutting 412 jobs.\n",
        encoding="utf-8",
    )
    answer = engine_over(tmp_path, "thrush.txt", _THRUSH).answer(
        "Has one ever been recorded in the eastern US before?"
    )
    assert answer.answered, answer.reason
    assert "second record" in (answer.sentence or "")


_FERRY = (
    "Ferry Runs Aground Off Carrow Island\n\n"
    "PORT ENNIS, Scotland — A passenger ferry carrying 212 people ran aground on Saturday.\n\n"
    "The MV Skerry Lass struck the Goat Ledge at about 6:40 p.m. as it approached the pier.\n\n"
    "“Cups and bags went flying,” said Moira Tennant, 47, who was travelling with her two sons.\n\n"
    "The replacement ferry sails at 12 knots.\n"
)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("How fast was the Skerry Lass going when it hit the ledge?", False),
        ("how fast was the skerry lass going when it struck the goat ledge", False),
        ("How fast does the replacement ferry sail?", True),
        ("What did Moira Tennant's sons say about the cups and bags?", False),
        ("what did moira tennant's sons say about the cups and bags", False),
        ("What did Moira Tennant say about the cups and bags?", True),
    ],
    ids=[
        "speed-asked",
        "speed-asked-lowercase",
        "speed-given",
        "the-owner-speaks-not-her-sons",
        "the-owner-speaks-lowercase",
        "the-owner-asked",
    ],
)
def test_how_fast_it_was_going_needs_a_speed_and_whose_words_need_their_speaker(
    tmp_path: Path, question: str, answered: bool
) -> None:
    """ "How fast was X going?" needs a speed, not the time it hit; "Moira Tennant's sons"
    are not Moira Tennant."""
    answer = engine_over(tmp_path, "ferry.txt", _FERRY).answer(question)
    assert answer.answered is answered, answer.reason


_STARTUP = (
    "Loomwise Cuts 140 Jobs\n\n"
    "DENVER — Loomwise, a startup that makes route-planning software, laid off 140 employees "
    "on Wednesday.\n\n"
    "Founded in 2019 by Priya Raman and chief technology officer Marcus Ebbe, Loomwise raised "
    "$38 million in two earlier rounds.\n\n"
    "Raman said her own salary of $180,000 would be cut by half.\n"
)


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("What is Marcus Ebbe's salary?", False),
        ("what is marcus ebbes salary", False),
        ("What is Priya Raman's salary?", True),
        ("What was the total price tag for Loomwise's software?", False),
        ("When was Loomwise founded?", True),
    ],
    ids=["his-salary", "his-salary-no-apostrophe", "her-salary", "not-owned", "plain"],
)
def test_what_is_someones_thing_needs_that_thing(
    tmp_path: Path, question: str, answered: bool
) -> None:
    """ "What is X's salary?" is not answered by a passage that names X but gives no salary."""
    answer = engine_over(tmp_path, "loomwise.txt", _STARTUP).answer(question)
    assert answer.answered is answered, answer.reason


@pytest.mark.parametrize(
    ("vet_paragraph", "answered"),
    [
        ("The zoo said a veterinarian would examine her again on Monday.", False),
        ("The zoo’s veterinarian, Dr. Ana Li, checked Juniper over on Sunday.", True),
    ],
    ids=["the-vet-is-not-named", "the-vet-is-named"],
)
def test_the_name_asked_for_is_of_the_one_asked_about(
    tmp_path: Path, vet_paragraph: str, answered: bool
) -> None:
    """ "What's the name of the vet who checked Juniper?" is not answered by a paragraph that
    names a place but has no vet, when the story has a vet elsewhere."""
    engine = engine_over(
        tmp_path,
        "panda.txt",
        "Escaped Red Panda Found\n\n"
        "GLENBROOK — A red panda named Juniper was found safe on Saturday, the zoo said.\n\n"
        "Keepers last checked on Juniper at the 5 p.m. round at the Asian Highlands exhibit.\n\n"
        f"{vet_paragraph}\n",
    )
    answer = engine.answer("whats the name of the vet who checked juniper over")
    assert answer.answered is answered, answer.reason


@pytest.mark.parametrize(
    ("text", "question", "answered"),
    [
        (
            "A lawyer for Moira Tennant, who was on board, said the company had been warned.",
            "What did Moira Tennant's lawyer say?",
            True,
        ),
        (
            "A spokesperson for the mayor said the fare would not rise again this year.",
            "What did the mayor's spokesperson say?",
            True,
        ),
        (
            "Negotiators agreed to the ceasefire proposed for Easter, officials said.",
            "Was a ceasefire agreed?",
            True,
        ),
        (
            "The new pay offer was accepted by the union on Friday after a ballot.",
            "Did the union accept the pay offer?",
            True,
        ),
        (
            "The car was travelling at almost ninety miles an hour when it hit the cyclist.",
            "How fast was the car going when it hit the cyclist?",
            True,
        ),
        (
            "A single ticket on the town bus now costs £1.50 for adults.",
            "What is the bus fare?",
            True,
        ),
        (
            "Leo Hart, 7, was pulled from the frozen Mill Pond after chasing his dog onto the ice.",
            "What's the name of the boy who was chasing his dog?",
            True,
        ),
    ],
    ids=[
        "a-lawyer-for-the-owner",
        "a-spokesperson-for-the-owner",
        "a-passive-agreement",
        "a-passive-acceptance",
        "a-speed-in-words",
        "no-apostrophe-no-owner",
        "the-boy-named",
    ],
)
def test_rules_of_whose_words_and_what_is_asked_keep_plain_answers(
    tmp_path: Path, text: str, question: str, answered: bool
) -> None:
    """The rules for an owner's people, agreeing, speeds, someone's thing and the name asked
    for leave ordinary answers alone."""
    engine = engine_over(
        tmp_path,
        "town.txt",
        "Town News\n\n"
        f"GLENBROOK — {text}\n\n"
        "Fares were last raised in 2019, the council said. The boy is recovering at home.\n",
    )
    answer = engine.answer(question)
    assert answer.answered is answered, answer.reason


_BOARD = (
    "University Freezes Tuition\n\n"
    "HARTWELL, Ore. — Calloway State University will freeze tuition for the 2025-26 year, its "
    "board of trustees voted on Thursday.\n\n"
    "The board approved the freeze 9-2 after nearly three hours of debate.\n\n"
    "A final vote on the state budget is expected in June.\n"
)


@pytest.mark.parametrize(
    "question",
    [
        "What was the vote on the freeze?",
        "what was the vote count on the freeze",
        "how did the board vote go",
    ],
    ids=["vote-on", "vote-count", "how-did-it-go"],
)
def test_how_a_vote_went_is_answered_by_the_tally(tmp_path: Path, question: str) -> None:
    """ "What was the vote on X?" is answered by the tally ("approved the freeze 9-2"), not
    by the lead that says a vote took place."""
    answer = engine_over(tmp_path, "tuition.txt", _BOARD).answer(question)
    assert answer.answered, answer.reason
    assert "9-2" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("paragraphs", "question", "answered"),
    [
        (
            "The crew union accepted the new pay offer on Monday, and the mayor attended the "
            "signing at the harbour office.",
            "What did the mayor say after the union accepted the offer?",
            False,
        ),
        (
            "Russia will halt strikes on energy sites for 30 days under the deal, the White "
            "House said.",
            "Did Russia agree to halt strikes?",
            True,
        ),
        (
            "Striking ferry crews marched through Millbrook and stopped by the market to hand "
            "out leaflets.",
            "How did the market react to the strike?",
            False,
        ),
        (
            "China said on Monday it would not accept the new tariffs.",
            "What did Beijing say about the tariffs?",
            True,
        ),
        (
            "Ukraine said on Monday it would not give up any land in the talks.",
            "what did kyiv say about land",
            True,
        ),
        (
            "The council is moving quickly on repairs to the harbour wall, which should be "
            "finished within two weeks.",
            "How fast are the harbour wall repairs going?",
            True,
        ),
        (
            "The Westsound ferry covers about 12,000 miles a year on the island routes.",
            "How far does the ferry travel each year?",
            True,
        ),
        (
            "Rescuers found the missing hiker alive on Sunday after a two-day search, police "
            "said. (AP)",
            "When was the hiker found?",
            True,
        ),
        (
            "The man who died has been named as Leo Hart, 34, of Millbrook.\n\n"
            "Officers said the driver had been alone in the car.",
            "What is the name of the driver who died?",
            True,
        ),
    ],
    ids=[
        "agreeing-in-a-time-clause-is-no-reaction",
        "a-stance-taken",
        "stopped-by-the-market-is-no-agent",
        "beijing-for-china",
        "kyiv-for-ukraine-lower-case",
        "repairs-going-figuratively",
        "a-distance-a-year-is-no-speed",
        "a-wire-credit-ends-a-lead",
        "the-driver-named-as",
    ],
)
def test_second_read_of_whose_words_speeds_and_names(
    tmp_path: Path, paragraphs: str, question: str, answered: bool
) -> None:
    """Cases a second read of the change found: a verb in a time clause, the agent of a
    passive, capitals for countries, figurative speeds, a wire credit and a name given with
    "named as"."""
    engine = engine_over(
        tmp_path, "news.txt", f"Local News\n\n{paragraphs}\n\nMore news is expected on Friday.\n"
    )
    answer = engine.answer(question)
    assert answer.answered is answered, answer.reason


@pytest.mark.parametrize(
    ("paragraphs", "question", "answered"),
    [
        (
            "“It was chaos on board the ship,” said Margaret Ellison, 71, who was travelling "
            "with her husband, Roy.",
            "what did roy ellison say about the ship",
            False,
        ),
        (
            "“It was chaos on board the ship,” said Margaret Ellison, 71, who was travelling "
            "with her husband, Roy.",
            "what did margaret ellison say about the ship",
            True,
        ),
        (
            "A Harbour Rail spokeswoman, Jane Hart, said the line would reopen within a month.",
            "What's the name of the Harbour Rail spokeswoman?",
            True,
        ),
        (
            "The MV Sea Wren, built by Clyde Yards, left port at 6:15 a.m. on Friday.",
            "What year was the MV Sea Wren built?",
            False,
        ),
        (
            "The MV Sea Wren, built in 1998 and operated by Isle Ferries, left port on Friday.",
            "What year was the MV Sea Wren built?",
            True,
        ),
        (
            "Police said reports of thefts from parked cars in the town rose from 212 in 2023 "
            "to 340 last year.",
            "how many thefts from cars were reported last year",
            True,
        ),
        (
            "The weather station said only 31mm of rain fell during the month.",
            "How much rain fell during the month?",
            True,
        ),
        (
            "The chief executive, Sarah Lindqvist, has referred the findings to a committee.\n\n"
            "“The audit is a snapshot,” Lindqvist said.",
            "what did the chief executive say about the audit",
            True,
        ),
        (
            "The chain said it had lost £11.4 million in the year to March.",
            "how much money did the chain lose",
            True,
        ),
        (
            "Each village will receive £25,000 a year from the developer for local projects.",
            "how much cash do the villages get every year from the developer",
            True,
        ),
        (
            "“It was chaos on board the ship,” said Margaret Ellison, 71, who was travelling "
            "with her husband, Roy.\n\nRoy had booked the cruise as a birthday present.",
            "what did roy ellison say about the ship",
            False,
        ),
        (
            "Labour MP Jane Hart joined the protest. “This ward saved my nephew’s life,” Hart "
            "told the crowd.",
            "what did mp hart say about the ward",
            True,
        ),
        (
            "The museum’s director, Helen Marsh, will be paid a salary of £95,000 a year.",
            "How much a year will the director be paid?",
            True,
        ),
        (
            "The appeal raised £42,000, some £8,000 short of its £50,000 target.",
            "How much did the appeal fall short by?",
            True,
        ),
        (
            "The pool will not open again until September, the council said.\n\n"
            "Campaigners want the council to reopen the gym as well.",
            "when will the pool open again?",
            True,
        ),
        (
            "The Cessna landed 150 metres short of the runway after its engine lost power.",
            "why did the plane fall short of the runway?",
            True,
        ),
    ],
    ids=[
        "another-first-name-is-another-speaker",
        "the-speakers-own-full-name",
        "a-spokeswoman-named",
        "a-clock-time-is-no-year",
        "a-year",
        "a-count-that-rose-from-to",
        "a-unit-written-on",
        "a-post-set-off-by-commas-speaks-by-surname",
        "how-much-money-is-a-sum",
        "how-much-cash-is-a-sum",
        "another-first-name-named-twice",
        "a-lower-case-post-before-a-surname",
        "a-rate-a-year-is-no-year-asked",
        "fell-short-in-the-storys-words",
        "the-storys-own-open-again",
        "short-of-in-the-storys-words",
    ],
)
def test_seventeenth_round_names_years_and_counts(
    tmp_path: Path, paragraphs: str, question: str, answered: bool
) -> None:
    """A first name the story gives another person, a company's name past "for", a year and
    counts told as a change ("rose from 212 ... to 340") or with a unit written on ("31mm")."""
    engine = engine_over(
        tmp_path, "news.txt", f"Local News\n\n{paragraphs}\n\nMore news is expected on Friday.\n"
    )
    answer = engine.answer(question)
    assert answer.answered is answered, answer.reason


def test_a_lower_case_owner_must_be_in_the_passage(tmp_path: Path) -> None:
    """ "what was nandakumar's fine" asks about her: a passage of another article, which the
    question's other word alone matches, does not answer it."""
    (tmp_path / "chess.txt").write_text(
        "Schoolgirl wins chess title\n\n"
        "Priya Nandakumar, 16, won the national chess title on Sunday.\n\n"
        "“I could not believe it,” Nandakumar said.\n\n"
        "Nandakumar plans to study maths.\n",
        encoding="utf-8",
    )
    engine = engine_over(
        tmp_path,
        "brewery.txt",
        "Brewery fined\n\nThe judge ordered the brewery to pay a fine of £46,500 on Friday.\n\n"
        "The brewery said it would pay.\n",
    )
    answer = engine.answer("what was nandakumar's fine")
    assert not answer.answered, answer.sentence
    assert "nandakumar" in answer.reason
    assert engine.answer("whats nandakumar's title").answered


def test_a_lower_case_owner_may_be_her_in_her_own_article(tmp_path: Path) -> None:
    """ "whats nandakumar's rating" of her article's "Her rating has risen to 2,410"."""
    engine = engine_over(
        tmp_path,
        "chess.txt",
        "Schoolgirl wins chess title\n\n"
        "Priya Nandakumar, 16, won the national chess title on Sunday.\n\n"
        "“I could not believe it,” Nandakumar said.\n\n"
        "Her rating has risen to 2,410 after the win.\n",
    )
    answer = engine.answer("whats nandakumar's rating")
    assert answer.answered, answer.reason
    assert "2,410" in (answer.sentence or "")


@pytest.mark.parametrize(
    "question",
    [
        "what did russia supposedly give up",
        "so apparently trump called it a big concession?",
    ],
)
def test_hedging_adverbs_are_no_key_words(engine: StoryEngine, question: str) -> None:
    """ "supposedly", "apparently" say how the reader hedges, not what is asked ("already"
    does: "how many homes have already been built?" is not what will be)."""
    words = {t.word for t in engine.analyse(question).terms}
    assert not words & {"supposedly", "apparently"}
    assert "already" in {t.word for t in engine.analyse("has trump already set a date?").terms}


@pytest.mark.parametrize(
    ("question", "paragraph"),
    [
        ("When did Trump sit down with Norway’s leader?", 1),
        ("did trump walk back what he said to putin or nah", 5),
    ],
    ids=["sit-down-with-is-meet", "walk-back-is-clarify"],
)
def test_news_phrasal_verbs_wordnet_lacks(
    engine: StoryEngine, question: str, paragraph: int
) -> None:
    """ "sit down with" is a meeting, "walk back" a clarification: senses WordNet lacks."""
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == paragraph


def test_chatter_gets_the_small_talk_reply_unless_the_story_covers_it(
    engine: StoryEngine, tmp_path: Path
) -> None:
    """ "lol anyone else think trains are kinda cool" is chatter; "does anyone else think putin
    wants a deal?" is answered, the story reporting who thinks so."""
    trains = engine_over(
        tmp_path,
        "rail.txt",
        "Line Reopens\n\nThe line is one of the railway's busiest, carrying about 30 trains a "
        "day.\n",
    )
    assert trains.answer("lol anyone else think trains are kinda cool tbh").small_talk
    answer = engine.answer("does anyone else think putin wants a deal?")
    assert not answer.small_talk
    assert answer.answered, answer.reason


@pytest.mark.parametrize(
    ("paragraphs", "question", "in_sentence"),
    [
        (
            "The plan was proposed by Councillor Mark Hale on Monday.\n\n"
            "Hale said the council would review parking next year.",
            "What did Councillor Hale say about parking?",
            "review parking",
        ),
        (
            "Venus Williams won the final on Sunday. “This one is for Serena,” Williams said.",
            "What did Serena Williams say?",
            None,
        ),
        (
            "Prime Minister Jonas Gahr Støre visited the site.\n\n"
            "Støre said the cable would be repaired within a month.",
            "What did Jonas Støre say about the cable?",
            "repaired within a month",
        ),
        (
            "Lily Hart, a year eight pupil at the school, won the national prize.",
            "What year is Lily Hart in?",
            "year eight",
        ),
        (
            "The mayor, Elena Varga, visited the bridge on Tuesday morning. She said repairs "
            "would cost about £2.4 million and would be paid from the city's reserves.",
            "what did the mayor say about the repairs",
            "She said repairs",
        ),
        (
            "Health officials said there was an outbreak of norovirus at a care home in "
            "Ballymena, County Antrim, on Thursday.",
            "What is the name of the care home?",
            None,
        ),
        (
            "A spokesman for the mayor, Tom Bell, said the council had not been told.\n\n"
            "Bell added that the council would seek legal advice.",
            "what did the mayor say about legal advice",
            None,
        ),
        (
            "Speaking on Monday, Gov. Maria Delgado said the state had requested federal help."
            "\n\nDelgado said the National Guard would help with evacuations overnight.",
            "what did gov delgado say about the national guard",
            "National Guard",
        ),
        (
            "Hutton's lawyer, Peter J. Vance, said his client was disappointed by the delay. "
            "Vance said Hutton had waited two years for the trial.",
            "What did Peter Vance say about the wait?",
            "waited two years",
        ),
    ],
    ids=[
        "a-capitalised-post-is-no-first-name",
        "a-first-name-in-a-quote-is-no-middle-name",
        "a-middle-name-is-no-other-first-name",
        "a-school-year",
        "a-post-set-off-speaks-as-she",
        "a-county-is-no-name",
        "a-spokesman-for-the-mayor-is-not-the-mayor",
        "an-abbreviated-post-is-no-first-name",
        "a-middle-initial-is-no-other-first-name",
    ],
)
def test_seventeenth_round_second_read(
    tmp_path: Path, paragraphs: str, question: str, in_sentence: str | None
) -> None:
    """Cases a second read of the seventeenth round's speaker and name rules found."""
    engine = engine_over(
        tmp_path, "news.txt", f"Local News\n\n{paragraphs}\n\nMore news is expected on Friday.\n"
    )
    _assert_answers(engine.answer(question), in_sentence)


def test_a_news_phrasal_sense_only_for_a_story_without_the_verb(tmp_path: Path) -> None:
    """ "sit down" is a meeting only when the story does not use "sit" ("sat down" does)."""
    engine = engine_over(
        tmp_path,
        "protest.txt",
        "Pensioners Block Lorries\n\nThe pensioners sat down in the road on Monday to block "
        "the lorries.\n\nThe council will meet the residents next week.\n",
    )
    answer = engine.answer("When did the pensioners sit down?")
    assert "meet" not in (answer.sentence or "")


def test_a_rare_glued_word_is_split_into_two_words_the_story_writes(tmp_path: Path) -> None:
    """ "payrise" is "pay rise" where the story writes that; a common word ("weekend") or one
    whose parts are not both the story's ("restart" is no "rest art") stays whole."""
    engine = engine_over(
        tmp_path, "story.txt", _CREWS + "\nThe crews rest this week, and art classes end.\n"
    )
    assert engine._respelt("the payrise this weekend") == "the pay rise this weekend"
    assert engine._respelt("will they restart") == "will they restart"


def test_a_glued_word_the_story_writes_apart_beats_a_typo_fix(tmp_path: Path) -> None:
    """ "seawall" is the story's "sea wall", not a misspelling of its "seawater"."""
    engine = engine_over(
        tmp_path,
        "storm.txt",
        "Storm breaches sea wall\n\nSeawater poured in on Tuesday and built up to 1.2 metres in"
        " the low-lying streets.\n\nThe sea wall was built in 1887 and was last strengthened in"
        " 1974.\n",
    )
    answer = engine.answer("when was the seawall built")
    assert answer.answered
    assert "1887" in (answer.sentence or "")


def test_how_strong_asks_the_measurement(tmp_path: Path) -> None:
    """ "how strong were the gusts" is answered by the speed of the gusts, not declined
    because the story never says "strong"."""
    engine = engine_over(
        tmp_path,
        "storm.txt",
        "Storm floods seaside town\n\nStorm Ingrid brought gusts of 94 mph to the coast"
        " overnight, the Met Office said.\n\nSixty homes were flooded.\n",
    )
    answer = engine.answer("how strong were the gusts")
    assert answer.answered
    assert "94 mph" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("who heads the residents group", "Ann Lowry"),
        ("who led the residents group", "Ann Lowry"),
    ],
)
def test_chairing_a_group_is_being_in_charge_of_it(
    tmp_path: Path, question: str, expected: str
) -> None:
    """ "who heads / led the group" is answered by the one who "chaired" it."""
    engine = engine_over(
        tmp_path,
        "estate.txt",
        "Residents win rent fight\n\nThe residents group met the council on Monday.\n\n"
        "“We never gave up,” said Ann Lowry, who chaired the residents group.\n",
    )
    answer = engine.answer(question)
    assert answer.answered
    assert expected in (answer.sentence or "")


_COAST = (
    "Storm Brenna batters coast\n\n"
    "The evidence that the new sea wall worked is strong, according to council engineer Priya"
    " Nandakumar.\n\n"
    "Police arrested one of the protest leaders who blocked the coast road on Wednesday morning."
    "\n\nThe reception for the council's recovery plan was warm, with residents praising the"
    " speed of the clean-up.\n\n"
    "St Cuthbert's Hospital, leading the region in cancer survival rates, opened a new wing."
    "\n\nThe unions said they were heading for a showdown with ministers over pay.\n"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How many protest leaders were arrested?", "one of the protest leaders"),
        ("How strong is the evidence that the sea wall worked?", "is strong"),
        ("how warm was the reception for the recovery plan?", "was warm"),
        ("Who runs the hospital?", None),
        ("who is the boss of the unions", None),
    ],
)
def test_ranks_degrees_and_posts_read_in_their_own_sense(
    tmp_path: Path, question: str, expected: str | None
) -> None:
    """ "one of the protest leaders" counts (a protest is no superlative); "how strong is the
    evidence" asks a degree, not a number; "leading the region" and "heading for a showdown"
    say nobody is in charge."""
    answer = engine_over(tmp_path, "coast.txt", _COAST).answer(question)
    if expected is None:
        assert "leading" not in (answer.sentence or "")
        assert "heading" not in (answer.sentence or "")
    else:
        assert answer.answered, answer.reason
        assert expected in (answer.sentence or "")


_COUNCIL = (
    "Council budget row deepens\n\n"
    "On Monday, council leader Ann Moore said the budget would be balanced by March.\n\n"
    "Hospitals in the county are under strain as winter admissions rise.\n\n"
    "There is tension in the cabinet over the cuts.\n\n"
    "The strongest gust of the storm, 91mph, was recorded at the pier.\n\n"
    "On 3 March, opposition leader Brian Tate said the plan was “a fantasy”.\n\n"
    "Police arrested one of her most senior advisers on Friday.\n"
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when did tate say that", "3 March"),
        ("when did he say all this, what date", "On Monday"),
        ("what is under strain this winter", "under strain"),
        ("how strong was the storm", "91mph"),
        ("how many advisers were arrested", "one of her most senior advisers"),
    ],
)
def test_readings_kept_to_their_own_cases(tmp_path: Path, question: str, expected: str) -> None:
    """ "when did NAME say that" of someone the lead does not have is answered where they speak;
    "strain" is the story's own "strain" when it has one; "how strong" finds "the strongest
    gust"; "arrested one of her advisers" counts one."""
    answer = engine_over(tmp_path, "council.txt", _COUNCIL).answer(question)
    assert answer.answered, answer.reason
    assert expected in (answer.sentence or "")


def test_when_someone_else_said_it_is_not_the_lead_s_date(engine: StoryEngine) -> None:
    """ "when did zelensky say that" of a story where he says nothing is not its lead's date."""
    answer = engine.answer("when did zelensky say that")
    assert "April 24" not in (answer.sentence or "")


def test_putting_the_squeeze_on_is_pressure(engine: StoryEngine) -> None:
    answer = engine.answer("Who has Trump been putting the squeeze on?")
    assert answer.answered, answer.reason
    assert "pressure on Russia" in (answer.sentence or "")


def test_a_common_word_or_a_name_is_no_glued_compound(tmp_path: Path) -> None:
    """ "football" is common English and "Southport" a name, so neither is split; "helpline" is
    split only where the story writes "help line" side by side, while a word English hardly
    knows ("tapwater") is split where one passage has both parts."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Harbour News\n\nThe south port lost a ball and a foot of wall.\n\n"
        "Staff will help, and the line reopens.\n\nThe tap in the kitchen ran brown water.\n",
    )
    assert engine._respelt("any football near Southport?") == "any football near Southport?"
    assert engine._respelt("is there a helpline") == "is there a helpline"
    assert engine._respelt("is the tapwater safe") == "is the tap water safe"


@pytest.mark.parametrize(
    ("question", "speaks"),
    [
        ("whats the weather going to be like on monday", True),  # "Forecasters said"
        ("how do i apply to drive the trams", True),  # "Drivers can apply"
        ("how can we be sure it is safe", True),  # a light verb: the other words decide
        ("how do i book a taxi", False),
    ],
)
def test_a_request_for_advice_the_story_speaks_of(
    tmp_path: Path, question: str, speaks: bool
) -> None:
    """A request for advice is left to the other rules where the passage speaks of it."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Trams Recruit\n\nForecasters said the freeze would end on Monday. Drivers can apply to "
        "drive the trams from Monday.\n",
    )
    assert engine._speaks_of_advice(normalise(question), 0) is speaks


def test_a_mistyped_function_word_is_spelt_right_unless_the_story_writes_it(
    tmp_path: Path,
) -> None:
    """ "becuase" is "because", so it is no key word the story lacks; a word the story writes
    ("Wold") or a capitalised name mid-question stays as written."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Moor Fire\n\nThe fire has forced the closure of the A6024 road near Ashby Wold.\n\n"
        "Crews will stay overnight.\n",
    )
    assert engine._respelt("which road is shut becuase of the fire") == (
        "which road is shut because of the fire"
    )
    assert engine._respelt("is the wold road shut") == "is the wold road shut"
    assert engine._respelt("did Wich say") == "did Wich say"
    assert engine._respelt("WHICH ROAD IS SHUT BECUASE") == "WHICH ROAD IS SHUT BECUASE"
    answer = engine.answer("which road is shut becuase of the fire")
    assert answer.answered
    assert "A6024" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "answered"),
    [("date of the meeting", True), ("meeting date?", True), ("venue of the meeting", False)],
)
def test_a_question_of_keywords_asking_a_date(
    tmp_path: Path, question: str, answered: bool
) -> None:
    """ "date of the meeting" asks when the meeting was: the date is no key word the story
    lacks."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Leaders Meet\n\nThe two leaders held a meeting on April 24 to discuss the war.\n\n"
        "Talks will continue next month.\n",
    )
    answer = engine.answer(question)
    assert answer.answered is answered
    if answered:
        assert "April 24" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("how much has the appeal made so far", True),
        ("how much has the appeal collected thus far?", True),
        ("how far did the runners go", False),  # a distance the story does not give
    ],
)
def test_so_far_asks_until_now_not_a_distance(
    tmp_path: Path, question: str, answered: bool
) -> None:
    """ "so far" frames the question (until now): "far" is no key word the story lacks."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Playground Wrecked\n\nVandals wrecked the new playground on Friday night.\n\n"
        "An appeal has collected £4,200 to repair the swings.\n\n"
        "Runners in Sunday's fun run will collect for the repairs.\n",
    )
    answer = engine.answer(question)
    assert answer.answered is answered
    if answered:
        assert "£4,200" in (answer.sentence or "")


def test_a_typo_of_a_story_word_is_no_function_word(tmp_path: Path) -> None:
    """ "wold" is the story's "world" mistyped before it is "would"."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Record Broken\n\nShe broke the world record in Oslo on Sunday.\n",
    )
    assert engine._respelt("who broke the wold record") == "who broke the wold record"
    assert engine.answer("who broke the wold record").answered


@pytest.mark.parametrize(
    "question",
    ["how much did the council save?", "what was the saving?", "how much will be saved"],
)
def test_a_verb_finds_its_own_sense_plural_where_the_story_has_only_that(
    tmp_path: Path, question: str
) -> None:
    """ "savings" is no form of "save", but where the story has only the plural, a question
    of saving finds it."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Budget Agreed\n\nThe council said the cuts would deliver savings of £3 million next "
        "year.\n\nLibraries will close on Mondays.\n",
    )
    answer = engine.answer(question)
    assert answer.answered
    assert "£3 million" in (answer.sentence or "")


@pytest.mark.parametrize("question", ["trial date?", "date of the trial?", "when is the trial?"])
def test_no_date_set_answers_when(tmp_path: Path, question: str) -> None:
    """ "No date has been set for his trial" answers when the trial is."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Treasurer Charged\n\nThe former treasurer was charged with fraud on Tuesday.\n\n"
        "No date has been set for his trial.\n",
    )
    answer = engine.answer(question)
    assert answer.answered
    assert "No date" in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "in_sentence"),
    [
        ("how many seats has the far right won so far", "142"),  # one "far" still counts
        ("why were the coastguards so far from the harbour", "20 miles"),  # a distance
        ("what is the name of the 41-year-old who died", "Tom Reid"),  # named in the paragraph
    ],
)
def test_so_far_and_an_age_asked_leave_the_rest_alone(
    tmp_path: Path, question: str, in_sentence: str
) -> None:
    """ "so far" frames only itself, "so far from" is a distance, and a paragraph that names
    someone ("named locally as") is no unnamed one."""
    engine = engine_over(
        tmp_path,
        "story.txt",
        "Election Results\n\nThe far right won 142 seats, and the centre right won 39 seats.\n\n"
        "The coastguards were 20 miles from the harbour when the call came.\n\n"
        "A 41-year-old man died in the crash. He has been named locally as Tom Reid.\n",
    )
    answer = engine.answer(question)
    assert answer.answered
    assert in_sentence in (answer.sentence or "")


@pytest.mark.parametrize(
    ("question", "in_answer"),
    [
        ("i heard the petition is going to the governors, when is that happening", "24 April"),
        ("so the fire crews were at the scene for hours, what happened there", "45 firefighters"),
    ],
    ids=["when-is-that-happening", "what-happened-there"],
)
def test_a_question_that_only_points_back_asks_about_the_chat_before_it(
    tmp_path: Path, question: str, in_answer: str
) -> None:
    """ "..., when is that happening": the words before the question are its topic, not a
    "happened" the story uses once about something else."""
    engine = engine_over(
        tmp_path,
        "town.txt",
        "Town News\n\n"
        "BRANTON — The blast happened at about 4:15 a.m. at a house in Cavendish Street.\n\n"
        "Fire crews sent eight engines and about 45 firefighters to the scene.\n\n"
        "Parents signed a petition against the school's new uniform policy.\n\n"
        "The petition will be presented to the board of governors at its meeting on 24 April.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert in_answer in (answer.sentence or ""), answer.sentence


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("what did the kremlin say", False),
        ("what did russia say about the concession", False),
        ("what did moscow say in response to trumps comments", False),
        ("what did ukraine say about the concession", True),
        ("what did europe say about the concession", True),
    ],
    ids=["the-kremlin", "russia", "moscow", "ukraine-rejected-it", "europe-rejected-it"],
)
def test_a_country_says_something_only_as_the_one_speaking(
    engine: StoryEngine, question: str, answered: bool
) -> None:
    """ "What did the Kremlin say?" is not answered by "For them (Europe and Ukraine), halting
    the invasion is ... a pause in Russia's ambitions": the story reports Russia saying nothing."""
    answer = engine.answer(question)
    assert answer.answered is answered, answer.reason


@pytest.mark.parametrize(
    "question",
    ["what does moscow say its missiles are aimed at", "what did the kremlin say about the post"],
    ids=["through-its-spokesman-quoted-on", "through-its-spokesman"],
)
def test_a_country_speaks_through_the_one_written_after_it(tmp_path: Path, question: str) -> None:
    """ "Kremlin spokesman Dmitry Peskov told reporters. “Our strikes are aimed at ...”": the
    Kremlin speaks through him."""
    engine = engine_over(
        tmp_path,
        "peskov.txt",
        "Kremlin Responds to Post\n\n"
        "MOSCOW — “We have seen the president’s post, of course,” Kremlin spokesman Dmitry "
        "Peskov told reporters. “Our strikes are aimed at military targets.”\n\n"
        "Russia’s missiles hit Kyiv on Thursday, killing 12 people.\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == 1, answer.sentence


def test_answers_do_not_depend_on_what_was_asked_before() -> None:
    """The engine keeps what it works out per word, sentence and paragraph (look-ups, pattern
    matches, terms): a question gets the same answer first, after others, or asked again."""
    questions = [
        str(json.loads(line)["q"])
        for line in (ROOT / "tests/data/qa_dev.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    corpus = load_corpus(ROOT / "corpus")

    def fresh() -> StoryEngine:
        return StoryEngine(corpus, QuoteBook(extract_quotes(corpus.paragraphs)))

    forward = fresh()
    first = [forward.answer(q) for q in questions]
    backward = fresh()
    assert [backward.answer(q) for q in reversed(questions)] == first[::-1]
    assert [forward.answer(q) for q in questions] == first


def test_sentence_pattern_memo_is_the_search(engine: StoryEngine) -> None:
    """``Sentence.has`` says what a search of the sentence says, asked once or again."""
    for position in range(len(engine.paragraphs)):
        for sentence in engine.sentences(position):
            for pattern in (WHEN_ANSWER, A_YEAR, SAYS_FUTURE, QUOTE_MARK):
                expected = pattern.search(sentence.text) is not None
                assert sentence.has(pattern) is expected
                assert sentence.has(pattern) is expected


def test_small_talk_before_what_happened_is_not_the_question(engine: StoryEngine) -> None:
    """ "my phone is full of notifications, what happened": the chat does not point at the story,
    so its words are not looked up as the question's."""
    answer = engine.answer("ok i just woke up and my phone is full of notifications, what happened")
    assert not answer.answered, answer.sentence


@pytest.mark.parametrize(
    ("question", "text"),
    [
        (
            "what did russia say",
            "Moscow’s ambassador to the United Nations, Vassily Nebenzia, told the council the "
            "port had been used to store Western weapons. He called the accusations against "
            "Russia “hypocritical”.",
        ),
        (
            "what did russia say about european leaders",
            "According to the Russian foreign ministry, new talks could take place next month. "
            "Its spokeswoman, Maria Zakharova, accused European leaders of “sabotaging peace”.",
        ),
    ],
    ids=["he-goes-on-for-the-ambassador", "its-spokeswoman-goes-on-for-the-ministry"],
)
def test_a_country_speaks_through_the_one_the_sentence_before_names(
    tmp_path: Path, question: str, text: str
) -> None:
    """ "He called ..." after "Moscow's ambassador ... Vassily Nebenzia, told ...": Russia speaks
    through him; "Its spokeswoman" after "According to the Russian foreign ministry" too."""
    engine = engine_over(
        tmp_path,
        "un.txt",
        "Council Meets Over Port Strike\n\n"
        f"NEW YORK — The Security Council met on Friday.\n\n{text}\n",
    )
    answer = engine.answer(question)
    assert answer.answered, answer.reason
    assert answer.citation is not None
    assert answer.citation.paragraph == 2, answer.sentence


_TOWERS = (
    "Cooling towers brought down\n\n"
    "HOLBECK MOOR, England — Four cooling towers that stood over the valley for more than half a"
    " century were demolished on Sunday, March 9, 2025.\n\n"
    "A total of 260 kilograms of explosives was placed at the base of the cooling towers.\n\n"
    "“Every tower was designed to fall inwards on itself,” the project manager said.\n\n"
    "The towers came down at 7:02 a.m. after a warning siren.\n"
)
_CRUISE = (
    "Cruise ship strikes bridge\n\n"
    "A river cruise ship carrying 143 passengers struck a bridge on the Rhine on Sunday.\n\n"
    "The passengers came from the United States, Britain and Australia.\n\n"
    "Two non-executive directors of the cruise line voted against sailing in fog.\n"
)
_DINNER = (
    "Mayor's expenses questioned\n\n"
    "The mayor claimed £1,900 for a dinner at a steakhouse for 14 guests, six of whom were"
    " members of the mayor's family.\n\n"
    "The auditors also questioned £3,150 in taxi fares.\n"
)
_BEACHES = (
    "Jellyfish close beaches\n\n"
    "Five beaches along the coast were closed to swimmers on Tuesday after a bloom of"
    " jellyfish.\n\nLifeguards treated 43 people for stings.\n"
)
_SUBSTATION = (
    "Substation fire cuts power\n\n"
    "More than 38,000 homes lost power on Tuesday after a fire at a substation in Branford.\n\n"
    "Firefighters said the blaze was out by noon, and the factory's staff were sent home.\n\n"
    "The factory employs 230 people.\n\n"
    "In Hale Street 120 homes were evacuated. Three houses were damaged.\n"
)
_MARATHON = (
    "Heat slows marathon runners\n\n"
    "Grace Jelagat won the Lakeport Marathon on Sunday in record time.\n\n"
    "Lakeport native Kyle Brennan, a high school chemistry teacher, finished 14th. It was a"
    " good day, he said.\n\n"
    "Priya Sandhu, 34, who ran with her twin sons, said the heat was brutal.\n\n"
    "Britain's Lauren Pike was third in 2:22:05, a personal best, in her first race here.\n\n"
    "Pike, a 31-year-old physiotherapist from Leeds, said she trains around her shifts.\n"
)
_BY_ELECTION = (
    "Greens take Harrowfield seat\n\n"
    "Residents voted on Thursday after the death of councillor Margaret Lyle in March.\n\n"
    "Green candidate Tomasz Wrona won 1,842, against 1,390 for Labour's Dev Anand.\n"
)
_WAREHOUSE = (
    "Fire rips through warehouse\n\n"
    "Firefighters were still at the scene late into the evening.\n\n"
    "The fire service said it had sent 15 appliances and about 90 crew at the height of the"
    " blaze. Two were treated for heat exhaustion.\n"
)
_COACH = (
    "Coach overturns on M6\n\n"
    "A coach carrying pupils overturned on the M6 on Tuesday. The crash happened shortly after"
    " 8am.\n\n"
    "Of the 48 people on board, 11 were taken to hospital, three of them with serious"
    " injuries.\n"
)
_SPILL = (
    "Sewage spill closes beaches\n\n"
    "Several beaches, including Porthcawl and Rest Bay, were closed on Saturday.\n\n"
    "Two roads, the A4106 and Mackworth Street, were shut while engineers repaired a pipe.\n"
)
_POWER_CUT = (
    "Thousands lose power in storm\n\n"
    "About 38,000 homes lost electricity on Tuesday afternoon after a fire at a substation.\n\n"
    "Supplies were restored to the last customers at 9pm on Wednesday, the network said.\n\n"
    "Engineers from three counties worked through the night on the damaged cables.\n"
)
_BRIDGE = (
    "Cruise ship strikes bridge\n\n"
    "The Mill Street Bridge, built in 1911, was closed to traffic for nine hours.\n\n"
    "Its central arch is 40 metres wide.\n"
)
_RESTRAINT = (
    "Trump hails Russian restraint\n\n"
    "Trump said Russia had made a big concession by not taking the entire country.\n\n"
    "The talks continue next week in Geneva.\n"
)
_HAIL = (
    "Hailstorm smashes greenhouses\n\n"
    "A hailstorm smashed more than 2,000 panes of glass at a garden centre on Tuesday.\n\n"
    "A weather station nearby recorded hailstones measuring up to 4.5 centimetres across.\n\n"
    "A burst main left more than 11,000 homes without water for two days.\n"
)
_LANDSLIP = (
    "Landslip closes valley road\n\n"
    "A landslip closed the main road through the valley on Monday night.\n\n"
    "Officials said the main road could take at least two weeks to reopen.\n"
)
_RELATIVES = "Ferry delayed\n\nRelatives of the crew waited at the harbour for six hours.\n"


@pytest.mark.parametrize(
    ("story", "question", "in_sentence", "other"),
    [
        # "could take two weeks to reopen" says when it will, not when it did
        (_LANDSLIP, "when will the main road reopen", "two weeks", None),
        # a size in centimetres; "houses" are the story's "homes"
        (_HAIL, "how big were the hailstones??", "4.5 centimetres", None),
        (_HAIL, "how many houses lost their water", "11,000 homes", None),
        # "the WHOLE country" shouts a word; it names nothing the story lacks
        (
            _RESTRAINT,
            "so not taking the WHOLE country is a concession now?? what did trump say",
            "entire country",
            None,
        ),
        # a bridge's length is no time it was closed for ...
        (_BRIDGE, "How long is the Mill Street Bridge?", None, None),
        # ... but how long it was closed is
        (_BRIDGE, "how long was the mill street bridge closed for", "nine hours", None),
        (_BRIDGE, "how long was the bridge closure", "nine hours", None),
        # "badly hurt": the hurt, not "badly"
        (_COACH, "How many of the people on board were badly hurt?", "11 were", None),
        # "come back on" says returned, which the story says as "restored"
        (_POWER_CUT, "when did supplies come back", "9pm", None),
        # "voted" is no mention of votes elsewhere
        (_BY_ELECTION, "How many votes did Tomasz Wrona win?", "1,842", None),
        # "Two were treated" counts the firefighters the question asks about
        (_WAREHOUSE, "how many firefighters were treated for heat exhaustion", "Two were", None),
        # "were injured in the crash": the part asked about is the injured
        (_COACH, "How many of the people on board were injured in the crash?", "11 were", None),
        # a count followed by the names says which
        (_SPILL, "which roads were shut", "A4106", None),
        (_SPILL, "which beaches were closed", "Porthcawl", None),
        # what someone does for a living: the appositive, not "day"
        (_MARATHON, "What's Kyle Brennan's day job?", "chemistry teacher", None),
        (_MARATHON, "What's Lauren Pike's day job?", "physiotherapist", None),
        # the article's firefighters are elsewhere: 38,000 homes is no count of them ...
        (_SUBSTATION, "how many firefighters were sent to the substation fire", None, None),
        # ... but staff may be counted as people, and houses as homes
        (_SUBSTATION, "How many staff work at the factory?", "230 people", None),
        (_SUBSTATION, "how many houses were evacuated in hale street", "120 homes", None),
        # "Five beaches" says how many, not which
        (_BEACHES, "which beaches were closed", None, None),
        # a height is a length: kilograms of explosives are no answer
        (_TOWERS, "How tall were the cooling towers?", None, None),
        # "came down" is "fell", as the question's "come down" is
        (_TOWERS, "what time did the towers come down", "7:02 a.m.", None),
        # "what year was this", whatever follows it
        (_TOWERS, "what year was this even", "2025", None),
        # who the two directors were asks their names, not the sentence that counts them
        (_CRUISE, "Who were the two non-executive directors who voted against?", None, None),
        # the part asked about must be in the sentence that gives the number ...
        (_CRUISE, "how many of the passengers on the cruise were british", None, None),
        # ... unless the article never names it (a paraphrase)
        (
            _DINNER,
            "how many of the steakhouse dinner guests were his relatives",
            "six of whom",
            _RELATIVES,  # (another article has the word: the story's words, not this one's)
        ),
    ],
    ids=[
        "how-long-it-will-take-says-when",
        "centimetres-are-a-size",
        "houses-are-homes",
        "a-shouted-word-is-no-name",
        "how-long-is-a-bridge-asks-a-length",
        "how-long-a-bridge-was-shut-asks-a-time",
        "how-long-a-closure-asks-a-time",
        "a-part-is-no-adverb",
        "back-is-a-light-word",
        "a-verb-of-the-nouns-stem-is-not-the-noun",
        "a-bare-number-counts-what-is-asked",
        "a-part-is-its-first-word",
        "a-number-then-a-list-says-which",
        "several-including-says-which",
        "a-named-persons-job",
        "a-job-in-another-paragraph",
        "a-count-of-another-paragraphs-noun",
        "people-counted-as-people",
        "homes-for-houses",
        "how-many-is-not-which",
        "a-height-is-no-weight",
        "came-down-is-fell",
        "what-year-was-this-even",
        "who-were-the-two-directors-asks-names",
        "a-part-needs-its-word",
        "a-part-the-article-lacks-may-be-a-paraphrase",
    ],
)
def test_twenty_third_round(
    tmp_path: Path, story: str, question: str, in_sentence: str | None, other: str | None
) -> None:
    """Rules of the twenty-third round, each measured over every question set."""
    if other is not None:
        (tmp_path / "other.txt").write_text(other, encoding="utf-8")
    engine = engine_over(tmp_path, "story.txt", story)
    _assert_answers(engine.answer(question), in_sentence)
