"""gcpause.paused_gc: the cyclic collector off inside, restored after (nesting, errors)."""
import gc

import pytest

from scrapers.gcpause import paused_gc


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    (gc.enable if was else gc.disable)()


def test_off_inside_on_after():
    with paused_gc():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pause_keeps_it_off_until_the_outer_one_ends():
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error_and_as_a_decorator():
    @paused_gc()
    def fails():
        assert not gc.isenabled()
        raise ValueError("boom")

    for _ in range(2):   # the decorator makes a new pause per call
        with pytest.raises(ValueError):
            fails()
        assert gc.isenabled()


def test_a_collector_already_off_stays_off():
    gc.disable()
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()
