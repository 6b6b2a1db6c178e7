"""names.phonetic_keys (the search_keys of a name): the key of each word of two or more
letters, in order, each once, empty keys left out."""
import pytest

from scrapers.names import normalize_name, phonetic_key, phonetic_keys


@pytest.mark.parametrize("name", [
    "GUZMAN LOPEZ, Joaquin", "Guzmán GUZMAN Gusman", "A B CD", "", "José-María O'Brien 12 12 7",
    "SUMILAB, S.A. DE C.V.", "Zhang & Co. (Hong Kong) Ltd.", "h hh Hh", "AL-HAJJ, Mohammed Ali"])
def test_phonetic_keys_are_its_words_keys_in_order_each_once(name):
    expected = []
    for word in normalize_name(name).split():
        key = phonetic_key(word)
        if len(word) >= 2 and key and key not in expected:
            expected.append(key)
    assert phonetic_keys(name) == expected
