from __future__ import annotations

import pickle

import pytest

from tolltrack.errors import ConfigError, InputError, MissingExtraError, TolltrackError


@pytest.mark.parametrize("cls", [TolltrackError, InputError, ConfigError, MissingExtraError])
def test_errors_pickle_with_source_and_reason(cls: type[TolltrackError]) -> None:
    err = cls("feed.xml:3", "malformed XML")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is cls
    assert (back.source, back.reason) == ("feed.xml:3", "malformed XML")
    assert str(back) == "feed.xml:3: malformed XML"
