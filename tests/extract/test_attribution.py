"""Claimants and their sides (sentences written for these tests)."""

from __future__ import annotations

import pytest

from tolltrack.extract import extract_claims
from tolltrack.model import Document


def attributed(text: str) -> set[tuple[int | None, str | None]]:
    return {(c.low, c.claimant_side) for c in extract_claims(Document(id="t", text=text))}


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Moscow said 63 soldiers were killed.", "RU"),
        ("Kyiv says 400 Russian troops were killed.", "UA"),
        ("Kiev claimed 400 soldiers died.", "UA"),
        ("Russia's defence ministry said 63 servicemen were killed.", "RU"),
        ("Gaza's health ministry said 471 people were killed.", "PS"),
        ("Israel's Home Front Command reported 12 people injured.", "IL"),
        ("The World Health Organization said 40 people had died.", "INTL"),
        ("According to the UN, 120 civilians were killed.", "INTL"),
        ("The ICRC said 15 people were wounded.", "INTL"),
        ("The Syrian Observatory for Human Rights said 37 fighters were killed.", "INDEP"),
        ("A local medical group said 43 worshippers were killed.", "INDEP"),
        ("A pro-war blogger wrote that 500 soldiers died.", "INDEP"),
        ("President Zelenskyy said 20 people were killed.", "UA"),
        ("President Zelenskyi said 21 people were killed.", "UA"),
        ("Ukraine's President Zelensky said 22 people were killed.", "UA"),
        ("At least 14 people were shot dead at a university in Prague, officials said.", "CZ"),
        ("Police in Greece said 57 people are now known to have died.", "GR"),
    ],
)
def test_side(text: str, side: str) -> None:
    sides = {s for _, s in attributed(text)}
    assert sides == {side}


def test_no_claimant_in_the_articles_own_voice() -> None:
    claims = extract_claims(Document(id="t", text="The collapse killed at least four people."))
    assert [(c.claimant, c.claimant_side) for c in claims] == [(None, None)]


def test_pronoun_takes_the_last_named_speaker() -> None:
    text = (
        "Some bodies had been counted twice, Chief Secretary PK Jena of Odisha explained. "
        "'The final toll has been fixed at 275,' he said."
    )
    claims = extract_claims(Document(id="t", text=text))
    assert [(c.low, c.claimant_side) for c in claims] == [(275, "IN")]
    assert claims[0].claimant is not None and "Jena" in claims[0].claimant


def test_quote_speaker_after_the_quote() -> None:
    text = "'The death toll has risen to 57,' police spokeswoman Anna Petrou said in Athens."
    claims = extract_claims(Document(id="t", text=text))
    assert [(c.low, c.claimant_side) for c in claims] == [(57, "GR")]


def test_headline_trailing_source() -> None:
    text = "Death toll rises to 65 - Health Ministry\n\nThe strike hit a market in Gaza."
    claims = extract_claims(Document(id="t", text=text))
    assert [(c.low, c.claimant) for c in claims] == [(65, "Health Ministry")]
