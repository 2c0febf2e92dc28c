"""Reading titles and follow-up questions out of whatever a model answers (pure parsing)."""

from __future__ import annotations

import pytest

from anythingllm.workflows.suggest import (
    FOLLOWUP_REQUEST,
    TITLE_REQUEST,
    fallback_title,
    parse_followups,
    parse_title,
)


@pytest.mark.parametrize(
    ("reply", "title"),
    [
        ("Q3 Planning Kickoff", "Q3 Planning Kickoff"),
        ('"Budget review"\n', "Budget review"),
        ("Title: Offsite logistics.", "Offsite logistics"),
        ("**Hiring plan for Q4**", "Hiring plan for Q4"),
        ("\n\n  Roadmap  \nSome explanation that follows.", "Roadmap"),
    ],
)
def test_a_title_is_read_from_a_plain_reply(reply: str, title: str) -> None:
    assert parse_title(reply) == title


@pytest.mark.parametrize(
    "reply",
    [
        "",
        "   \n ",
        f"STUB-REPLY: {TITLE_REQUEST}\n\nUser: hi",  # an echo of the request is no title
        "There is no relevant information in this workspace to answer your query, sorry about that.",
        "x" * 61,
    ],
)
def test_no_title_in_an_echo_a_refusal_or_a_long_reply(reply: str) -> None:
    assert parse_title(reply) is None


def test_the_fallback_title_is_the_first_words_of_the_message() -> None:
    assert fallback_title("Plan the Q3 offsite budget for the design team") == "Plan the Q3 offsite budget for…"
    assert fallback_title("\n  Short one \nsecond line") == "Short one"
    assert fallback_title("   ") == "Conversation"
    assert fallback_title("a" * 80).endswith("…") and len(fallback_title("a" * 80)) == 60


@pytest.mark.parametrize(
    ("reply", "questions"),
    [
        ("1. What costs?\n2. Who signs?\n3. When is it due?", ["What costs?", "Who signs?", "When is it due?"]),
        ('Sure! ["What next?", "Why so?", 3]', ["What next?", "Why so?"]),
        ("- What next?\n* What next?\n• And then?", ["What next?", "And then?"]),
        ("Here are some ideas:\n\nHow big is it?\nThat is all.", ["How big is it?"]),
        ("A) Is it safe?\nb) Is it cheap?\n(3) Is it fast?\n4) New?", ["Is it safe?", "Is it cheap?", "Is it fast?"]),
    ],
)
def test_follow_ups_are_read_from_lists_and_lines(reply: str, questions: list[str]) -> None:
    assert parse_followups(reply, 3) == questions


def test_an_echoed_request_gives_no_follow_ups() -> None:
    echo = f"STUB-REPLY: {FOLLOWUP_REQUEST.format(n=2)}\n\nQuestion: Why?\n\nAnswer: Because."
    assert parse_followups(echo, 2) == []
    assert parse_followups("No questions here.", 3) == []
