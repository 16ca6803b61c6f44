"""A surname alone that the tagger did not take for a person (rule introduced_surname).

The small model often tags a bare surname as an organisation or a place, or as nothing ("Brandt confessed …"
after "Michael Brandt"), so alias_canonicalisation, which reads people's names only, leaves it bare and the claim
does not say who. Here a bare capitalised word is the full name the article gave before it, only when that is sure:
- exactly one person named before it in the article has that word as surname ("Brandt" of "Michael Brandt Jr"),
  and no person has it as another part of the name ("Jordan Brandt" makes "Jordan" unsure);
- the word is not also a name of something else: no longer name of a place, organisation or work holds it
  ("Ford" after "Ford Motor"), the gazetteer does not know it, the article never writes it lower-case ("cook")
  and never after a preposition of place ("in Brandt");
- it stands alone: no other capitalised word or possessive next to it ("Mr. Brandt", "Brandt Industries",
  "the Founder's Edition") and no number after it ("Order 66").
Anything else stays as written.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..entities import LOCATIVE_PREPOSITIONS, entity_at, gazetteer, surname

_NAME_TAGS = {"NNP", "NNPS"}


def _full_name(ent: Span) -> list[Token] | None:
    """The words of a person's full name as the tagger found it ("Maria Keller", "Maria Keller's" without the
    possessive, "Ana Ruiz-Lopez" without the hyphen), or None when it does not look like one: a single word, a word no proper noun ("Hosting Keller"),
    a longer name it is cut from ("Star Wars Jedi")."""
    words = [t for t in ent if t.tag_ not in ("POS", "HYPH")]
    if len(words) < 2 or any(t.tag_ not in _NAME_TAGS or not t.text[:1].isupper() for t in words):
        return None
    if any(t.tag_ == "HYPH" and (t.whitespace_ or t.doc[t.i - 1].whitespace_) for t in ent):
        return None  # "John Bolton - Morrison": two names
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].tag_ in _NAME_TAGS | {"POS"}:
        return None
    return words


def _alone(token: Token) -> bool:
    doc = token.doc
    before = doc[token.i - 1] if token.i > 0 else None
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if before is not None and before.tag_ in _NAME_TAGS | {"POS"}:
        return False
    return after is None or not (after.tag_ in _NAME_TAGS or after.like_num or after.text[:1].isupper())


def _other_use(doc: Doc, word: str) -> bool:
    """The word names something other than a person somewhere in the article, or is a common word there."""
    if gazetteer().lookup(word) is not None:
        return True
    for token in doc:
        if token.text == word:
            ent = entity_at(doc, token.i)
            if ent is not None and ent.label_ != "PERSON" and len([t for t in ent if t.tag_ != "POS"]) > 1:
                return True  # "Brandt Industries"
            if token.i > 0 and doc[token.i - 1].lower_ in LOCATIVE_PREPOSITIONS:
                return True  # "in Brandt"
        elif token.lower_ == word.lower() and token.text != word and token.is_lower:
            return True  # "a cook"
    return False


def introduced_surnames(doc: Doc, canonical_of, earlier_people: Iterable[str] = ()) -> dict[int, tuple[int, str]]:
    """token start -> (token end, full name) for each bare surname the tagger missed as a person. `earlier_people`:
    full names met in earlier pieces of the same article."""
    found: dict[int, tuple[int, str]] = {}
    people: list[tuple[str, str]] = [(surname(name), name) for name in earlier_people if len(name.split()) > 1]
    other_use: dict[str, bool] = {}
    for token in doc:
        ent = entity_at(doc, token.i)
        if ent is not None and ent.label_ == "PERSON" and ent.start == token.i:
            words = _full_name(ent)
            if words is not None:
                name, written = canonical_of(ent), doc[ent.start : words[-1].i + 1].text
                people.append((surname(written), name if len(name.split()) > 1 else written))
        if ent is not None and ent.label_ == "PERSON":
            continue  # a person's name: alias_canonicalisation reads it
        if ent is not None and len([t for t in ent if t.tag_ != "POS"]) > 1:
            continue  # part of a longer name
        if token.tag_ != "NNP" or not token.is_alpha or not token.text[:1].isupper() or token.is_upper:
            continue
        word = token.text
        owners = {name for last, name in people if last == word}
        if len(owners) != 1 or any(word in name.split() and last != word for last, name in people):
            continue
        if not _alone(token):
            continue
        if word not in other_use:
            other_use[word] = _other_use(doc, word)
        if not other_use[word]:
            found[token.i] = (token.i + 1, owners.pop())
    return found
