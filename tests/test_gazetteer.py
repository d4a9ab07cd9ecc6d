"""The gazetteer file: checked on load, names as aliases, both apostrophes, kinds."""

from pathlib import Path

import pytest

from data.actors import (
    ActorContext,
    ActorKind,
    actor_kind,
    company_aliases,
    gazetteer,
    resolve_actors,
)
from data.gazetteer_schema import GazetteerError

#: The state actors every engineer may rely on (team contract), with their kinds.
CONTRACT_KINDS = {
    "SAMR": "Chinese regulator", "CAC": "Chinese regulator", "PBOC": "Chinese regulator",
    "MIIT": "Chinese regulator", "CSRC": "Chinese regulator", "CBIRC": "Chinese regulator",
    "NPPA": "Chinese regulator", "SAFE": "Chinese regulator", "NDRC": "Chinese regulator",
    "MOFCOM": "Chinese regulator", "Ministry of Education": "Chinese regulator",
    "Cybersecurity Review Office": "Chinese regulator", "NPC": "legislature",
    "State Council": "Chinese government", "Ministry of State Security": "Chinese government",
    "Chinese government (unspecified)": "Chinese government",
    "Central Propaganda Department": "party or leader", "Politburo": "party or leader",
    "CCDI": "party or leader", "Xi Jinping": "party or leader",
    "Supreme People's Court": "court", "SEC": "foreign government",
    "PCAOB": "foreign government", "US Commerce Department": "foreign government",
    "Trump administration": "foreign government", "Biden administration": "foreign government",
}  # fmt: skip


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "gaz.toml"
    path.write_text(body, encoding="utf-8")
    return path


def load_error(tmp_path: Path, body: str) -> str:
    with pytest.raises(GazetteerError) as info:
        gazetteer(write(tmp_path, body))
    return str(info.value)


def test_every_contract_actor_has_its_kind():
    for name, kind in CONTRACT_KINDS.items():
        assert actor_kind(name) == kind, name


def test_every_actor_kind_is_of_the_vocabulary():
    kinds = {e.kind for e in gazetteer().actors()}
    assert kinds <= set(ActorKind)


def test_actor_kind_of_a_company_or_unknown_name_is_an_error():
    with pytest.raises(KeyError):
        actor_kind("Tencent")
    with pytest.raises(KeyError):
        actor_kind("Ministry of Magic")


@pytest.mark.parametrize(
    ("body", "fragments"),
    [
        ('[[company]]\nname = "Foo"\nalias = ["Fo"]\n',  # a typo is never ignored
         ["gaz.toml", "[[company]] #1 'Foo'", "unknown key 'alias'"]),
        ('[[company]]\nname = "Foo"\naliases = "Fo"\n',
         ["'Foo'", "key 'aliases' must be a list of non-empty strings"]),
        ('[[actor]]\nname = "Bar"\nkind = "regulator"\n',
         ["[[actor]] #1 'Bar'", "'regulator'", "Chinese regulator"]),
        ('[[actor]]\nname = "Bar"\n[[actor.people]]\nname = "Jo Bar"\nsurnam = "Bar"\n'
         '[[company]]\naliases = ["Baz"]\n',
         ["[[actor]] #1 'Bar': missing key 'kind'", "person #1 'Jo Bar': unknown key 'surnam'",
          "[[company]] #1 None: missing key 'name'"]),
        ('[[company]]\nname = "Foo"\n[[company]]\nname = "Foo"\n',
         ["[[company]] #2 'Foo': name 'Foo' already used by [[company]] #1"]),
        ("[[company]\nname = \n", ["gaz.toml", "TOML"]),
        ('[[company]]\nname = "Foo"\n[[regulator]]\nname = "Bar"\n',
         ["unknown top-level key 'regulator'"]),
    ],
)  # fmt: skip
def test_a_fault_names_the_file_the_entry_and_the_key(tmp_path, body, fragments):
    message = load_error(tmp_path, body)
    for fragment in fragments:
        assert fragment in message


def test_a_canonical_name_is_one_of_its_aliases(tmp_path):
    gaz = gazetteer(write(tmp_path, '[[company]]\nname = "Zhuoyue Robotics"\n'))
    got = resolve_actors("Zhuoyue Robotics was fined.", 0, ActorContext(), gaz)
    assert got.companies == ("Zhuoyue Robotics",)


@pytest.mark.parametrize(
    ("sentence", "regulators"),
    [
        ("The People's Bank of China summoned Ant.", ["PBOC"]),
        ("The People’s Bank of China summoned Ant.", ["PBOC"]),
        ("China's market regulator fined Ant.", ["SAMR"]),
        ("China’s market regulator fined Ant.", ["SAMR"]),
        ("The Supreme People’s Court ruled.", ["Supreme People's Court"]),
    ],
)
def test_both_apostrophes_match(sentence, regulators):
    got = resolve_actors(sentence, 0, ActorContext())
    assert list(got.regulators) == regulators


def test_products_name_their_owner_and_are_listed_on_its_card():
    got = resolve_actors("Taobao and Douyin were ordered to comply.", 0, ActorContext())
    assert got.companies == ("Alibaba", "ByteDance")
    assert "Taobao" in company_aliases()["Alibaba"]


@pytest.mark.parametrize(
    ("sentence", "regulators"),
    [
        ("The National Press and Publication Administration froze approvals.", ["NPPA"]),
        ("China’s games regulator froze approvals.", ["NPPA"]),
        ("The State Administration of Foreign Exchange fined two banks.", ["SAFE"]),
        ("The Ministry of Commerce said it would review the deal.", ["MOFCOM"]),
        ("The Cybersecurity Review Office told Didi to stop.", ["Cybersecurity Review Office"]),
        ("The U.S. Securities and Exchange Commission paused listings.", ["SEC"]),
        ("The PCAOB gained access to the audits.", ["PCAOB"]),
        ("The Commerce Department added SMIC to its list.", ["US Commerce Department"]),
        ("The Politburo promised a steady hand.", ["Politburo"]),
        ("The Central Commission for Discipline Inspection named him.", ["CCDI"]),
        ("The National Development and Reform Commission met platforms.", ["NDRC"]),
    ],
)
def test_the_regular_state_cast(sentence, regulators):
    assert list(resolve_actors(sentence, 0, ActorContext()).regulators) == regulators
