"""Dataclasses whose __init__ is written out by hand (mypyc compiles a hand-written one, not a
generated one): the parameters must stay the fields, in order, with the fields' defaults, so a
field added later cannot be left out of the constructor."""
import dataclasses
import inspect

import pytest

from banmian.entity_words import Entity
from banmian.model import Article, Dateline, Fragment, Line


@pytest.mark.pure_python  # a compiled __init__ shows no signature (*args, **kwargs)
@pytest.mark.parametrize("cls", [Line, Entity, Article, Fragment])
def test_written_init_takes_every_field_with_its_default(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]  # past self
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is None, f.name  # None stands for a fresh default_factory() value
        else:
            assert p.default is inspect.Parameter.empty, f.name


def test_a_line_gets_a_list_of_reasons_of_its_own():
    a, b = Line(1, "x"), Line(2, "y")
    a.because("r")
    assert a.reasons == ["r"] and b.reasons == []


def test_articles_get_fresh_lists_and_entities_of_their_own():
    a, b = Article(), Article()
    a.because("r")
    a.paragraphs.append("p")
    a.entities["people"].append({"name": "x", "title": None})
    assert b.reasons == [] and b.paragraphs == [] and b.entities == {"people": [], "places": [], "organizations": []}
    assert a.confidence == 0.5 and a.reporters == [] and a.captions == [] and a.line_nos == []


@pytest.mark.parametrize("obj", [Line(3, " a", "a", 1.5, "head", True, ["r"], (0.0, 1.0, 2.0, 3.0), 9.5, "F", 12.0),
                                 Entity(0, 2, "nr", "张三", "市长"),
                                 Article("a1", "k", "h", "s", "b", ["r"], "o", Dateline("d", "p", "1998-01-01"), "src", "sl",
                                         ["p1", "p2"], ["c"], "j", "cf", {"people": [], "places": ["p"], "organizations": []},
                                         [1, 2], 0.75, ["why"]),
                                 Fragment([Line(1, "x", "x")], "indent", "closed", 3, True, True, True)])
def test_pickle_and_deepcopy_keep_every_field(obj):
    """Compiled, these classes pickle through `__reduce__` (their `__new__` runs `__init__`):
    it must carry every field."""
    import copy
    import pickle
    for clone in (pickle.loads(pickle.dumps(obj)), copy.deepcopy(obj)):
        assert type(clone) is type(obj)
        assert [getattr(clone, f.name) for f in dataclasses.fields(obj)] == [getattr(obj, f.name) for f in dataclasses.fields(obj)]
