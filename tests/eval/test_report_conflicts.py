"""The conflict listing of an analyze report (`newsprism eval compare --report`)."""

from __future__ import annotations

import json

from newsprism.eval.report_conflicts import conflict_key, count_conflicts, report_command


def _report() -> dict:
    text_a = "Officials said 40 boats left the harbour at dawn."
    text_b = "Officials said 90 boats left the harbour at dawn."
    conflict = {"kind": "quantity", "about": "how many boats", "status": "possible",
                "confidence": 0.675, "why": "quantity: ...",
                "versions": [{"value": "40 boats", "article_ids": ["a"],
                              "spans": [{"article_id": "a", "start": 15, "end": 23}]},
                             {"value": "90 boats", "article_ids": ["b"],
                              "spans": [{"article_id": "b", "start": 15, "end": 23}]}]}
    return {"articles": [{"id": "a", "outlet": "Port Daily", "text": text_a},
                         {"id": "b", "outlet": "Bay Herald", "text": text_b}],
            "stories": [{"id": "s" * 40, "conflicts": [conflict]}]}


def test_every_conflict_is_listed_with_its_marked_span(tmp_path):
    path = tmp_path / "report.json"
    path.write_text(json.dumps(_report()), encoding="utf-8")
    lines: list[str] = []
    counts = report_command(path, lines.append)
    assert counts == {"stories": 1, "confident": 0, "possible": 1}
    shown = "\n".join(lines)
    assert "[[40 boats]]" in shown and "[[90 boats]]" in shown
    assert "Port Daily" in shown and "Bay Herald" in shown


def test_the_key_is_stable_and_tells_versions_apart():
    c = _report()["stories"][0]["conflicts"][0]
    other = json.loads(json.dumps(c))
    other["versions"][1]["value"] = "95 boats"
    assert conflict_key("story1", c) == conflict_key("story1", json.loads(json.dumps(c)))
    assert conflict_key("story1", c) != conflict_key("story1", other)
    assert count_conflicts({"stories": []}) == {"stories": 0, "confident": 0, "possible": 0}


def test_two_quotes_given_to_the_same_two_people_keep_two_keys():
    c = _report()["stories"][0]["conflicts"][0]
    other = dict(c, about="who said “a second sentence”")
    assert conflict_key("story1", c) != conflict_key("story1", other)
