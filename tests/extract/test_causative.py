"""Words said by the object of a causative verb ("led some pundits to declare ...") are
that object's, not the subject's (stop 55, read on real text)."""

from __future__ import annotations


def test_pundits_led_to_declare_speak_not_what_led_them(quotes_of):
    # stop 55, real text: "the exclusion of ... has already led some conservative pundits to
    # declare that “CPAC is dead.”" gave the words to "the exclusion of ..."
    text = ("Nevertheless, the exclusion of politicians like Holt and the inclusion of someone "
            "like Kerrow has already led some conservative pundits to declare that "
            "\u201cthe forum is dead.\u201d")
    assert not [q for q in quotes_of(text) if "forum is dead" in q.text
                and "exclusion" in (q.speaker_text or "")]
