"""linking/dates._JsonMemo: the JSON of a claim's detail, memoised by identity and by
content, is always json.dumps(detail, sort_keys=True)."""
import json

from scrapers.linking.dates import _JsonMemo


def test_memo_gives_what_json_dumps_gives():
    memo = _JsonMemo()
    shared = {"observation_id": 1}
    details = [shared, shared, {"observation_id": 1}, {"observation_id": 2}, {"x": True}, {"x": 1},
               {"b": 1, "a": "é"}, {"a": "é", "b": 1}, {"list": ["a"], "n": None}, shared]
    for d in details * 2:
        assert memo(d) == json.dumps(d, sort_keys=True)


def test_a_new_dict_is_never_taken_for_an_old_one():
    memo = _JsonMemo()
    for i in range(2000):   # dicts made and dropped: their ids come back, their JSON must not
        assert memo({"observation_id": i}) == f'{{"observation_id": {i}}}'
